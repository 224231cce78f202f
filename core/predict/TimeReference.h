// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace halfopen::core {

// The moment a predicted or measured detection time counts from (TCP-FACTS caveat 2).
enum class TimeReference : quint8 {
    Fault,            // when the fault happened (unplug, power-off, kill)
    LastReceived,     // the last packet received from the peer (keepalive idle counts from it)
    FirstUnackedSend, // the first segment the peer never acknowledged (data or SYN)
};

// Stable names for JSON: "fault", "last_received", "first_unacked_send".
QString timeReferenceName(TimeReference reference);
std::optional<TimeReference> timeReferenceFromName(QStringView name);

// Translated words for tables: "after the last packet received".
QString timeReferenceDescription(TimeReference reference);

} // namespace halfopen::core
