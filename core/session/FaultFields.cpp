// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/FaultFields.h"

namespace halfopen::core {

namespace {
const QString kFault = QStringLiteral("fault");
const QString kHost = QStringLiteral("host");
const QString kDirection = QStringLiteral("direction");
const QString kValue = QStringLiteral("value");
const QString kJitterMs = QStringLiteral("jitter_ms");
const QString kReset = QStringLiteral("reset");
} // namespace

FaultFields FaultFields::fromDetail(const QJsonObject &d)
{
    FaultFields f;
    f.kind = faultKindFromName(d.value(kFault).toString());
    f.host = hostFromName(d.value(kHost).toString()).value_or(Host::None);
    f.direction = cableDirectionFromName(d.value(kDirection).toString()).value_or(CableDirection::Both);
    f.value = d.value(kValue).toDouble();
    f.jitterMs = d.value(kJitterMs).toDouble();
    f.reset = d.value(kReset).toBool();
    return f;
}

QJsonObject FaultFields::toDetail() const
{
    QJsonObject d;
    if (kind)
        d.insert(kFault, faultKindName(*kind));
    if (host != Host::None)
        d.insert(kHost, hostName(host));
    if (direction != CableDirection::Both)
        d.insert(kDirection, cableDirectionName(direction));
    if (value != 0)
        d.insert(kValue, value);
    if (jitterMs != 0)
        d.insert(kJitterMs, jitterMs);
    if (reset)
        d.insert(kReset, true);
    return d;
}

} // namespace halfopen::core
