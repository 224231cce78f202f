// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/HeartbeatSettings.h"

#include <QCoreApplication>

namespace halfopen::core {

QList<SettingError> HeartbeatSettings::validate() const
{
    QList<SettingError> errors;
    if (!enabled)
        return errors;
    if (intervalMs < 1 || intervalMs > kMaxIntervalMs)
        errors.append(
            {QStringLiteral("heartbeat interval"),
             QCoreApplication::translate("HeartbeatSettings", "heartbeat interval must be between 1 and %1 ms")
                 .arg(kMaxIntervalMs)});
    if (misses < 1 || misses > kMaxMisses)
        errors.append({QStringLiteral("heartbeat misses"),
                       QCoreApplication::translate("HeartbeatSettings", "heartbeat misses must be between 1 and %1")
                           .arg(kMaxMisses)});
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
