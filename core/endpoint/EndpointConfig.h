// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/HeartbeatSettings.h"
#include "core/endpoint/TrafficPattern.h"
#include "core/session/Host.h"
#include "core/tcp/SocketOptions.h"

namespace halfopen::core {

// Everything one side of a test connection is told to do.
struct EndpointConfig
{
    Host host = Host::Local; // whom its events are about
    SocketOptions options;
    HeartbeatSettings heartbeat;
    TrafficPattern traffic;
    bool closeOnEof = true;    // false: stay in CLOSE_WAIT after the peer's FIN (later writes draw RST, then EPIPE)
    int sampleIntervalMs = 50; // tcp_info sampling: 20 Hz
};

} // namespace halfopen::core
