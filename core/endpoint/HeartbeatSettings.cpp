// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/HeartbeatSettings.h"

#include "core/tcp/JsonFields.h"

#include <QCoreApplication>

namespace halfopen::core {

QList<SettingError> HeartbeatSettings::validate() const
{
    QList<SettingError> errors;
    if (!enabled)
        return errors;
    // In the words every settings reader uses (JsonFields).
    if (intervalMs < 1 || intervalMs > kMaxIntervalMs)
        errors.append({QStringLiteral("heartbeat interval"),
                       JsonFields::problem(QCoreApplication::translate("HeartbeatSettings", "heartbeat interval"),
                                           JsonFields::wholeNumberRule(1, kMaxIntervalMs, QString::number(intervalMs),
                                                                       QStringLiteral(" ms")))});
    if (misses < 1 || misses > kMaxMisses)
        errors.append({QStringLiteral("heartbeat misses"),
                       JsonFields::problem(QCoreApplication::translate("HeartbeatSettings", "heartbeat misses"),
                                           JsonFields::wholeNumberRule(1, kMaxMisses, QString::number(misses)))});
    return errors;
}

QJsonObject HeartbeatSettings::toJson() const
{
    return {{QStringLiteral("enabled"), enabled},
            {QStringLiteral("interval_ms"), intervalMs},
            {QStringLiteral("misses"), misses},
            {QStringLiteral("role"), sends ? QStringLiteral("send") : QStringLiteral("answer")}};
}

} // namespace halfopen::core
