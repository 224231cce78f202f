// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <optional>

namespace halfopen::core {

// The application heartbeat's steps; the names are the `what` of heartbeat events.
enum class HeartbeatPhase : quint8 {
    Sent,     // a ping went out
    Answered, // its pong came back (count: the sequence, with the round trip)
    Received, // the peer's ping arrived (the answering side)
    Missed,   // no pong within the timeout (count: misses in a row)
    Dead,     // misses reached the limit: the application gives the peer up
};

QLatin1StringView heartbeatPhaseName(HeartbeatPhase phase);
std::optional<HeartbeatPhase> heartbeatPhaseFromName(QStringView name);

} // namespace halfopen::core
