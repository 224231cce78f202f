// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/OptionsFields.h"

#include <QJsonArray>

namespace halfopen::core {

namespace {
const QString kRequested = QStringLiteral("requested");
const QString kApplied = QStringLiteral("applied");
const QString kFailed = QStringLiteral("failed");
const QString kLive = QStringLiteral("live");
const QString kOption = QStringLiteral("option");
const QString kError = QStringLiteral("error");
} // namespace

OptionsFields OptionsFields::fromDetail(const QJsonObject &detail)
{
    OptionsFields f;
    f.requested = SocketOptions::fromJson(detail.value(kRequested).toObject());
    f.applied = SocketOptions::fromJson(detail.value(kApplied).toObject());
    for (const QJsonValue &v : detail.value(kFailed).toArray()) {
        const QJsonObject failure = v.toObject();
        f.failed.append({failure.value(kOption).toString(), failure.value(kError).toString()});
    }
    f.live = detail.value(kLive).toBool(false);
    return f;
}

QJsonObject OptionsFields::toDetail() const
{
    QJsonObject d{{kRequested, requested.toJson()}, {kApplied, applied.toJson()}};
    QJsonArray failures;
    for (const SettingError &e : failed)
        failures.append(QJsonObject{{kOption, e.field}, {kError, e.message}});
    if (!failures.isEmpty())
        d.insert(kFailed, failures);
    if (live)
        d.insert(kLive, true);
    return d;
}

} // namespace halfopen::core
