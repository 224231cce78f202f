// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/ScheduledEvent.h"

#include <array>

namespace halfopen::core {

namespace {
constexpr std::array<const char *, 14> kNames = {
    "send",
    "tail_loss_probe",
    "retransmission",
    "syn",
    "syn_retransmission",
    "keepalive_probe",
    "heartbeat_ping",
    "heartbeat_miss",
    "fin",
    "rst",
    "detected",
    "neighbour_probe",
    "neighbour_failed",
    "application_ping",
};
} // namespace

QString scheduledEventKindName(ScheduledEvent::Kind kind)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(kind)]);
}

QJsonObject ScheduledEvent::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), scheduledEventKindName(kind)},
                     {QStringLiteral("at_seconds"), double(atUs) / 1e6}};
    if (number > 0)
        json.insert(QStringLiteral("number"), number);
    return json;
}

} // namespace halfopen::core
