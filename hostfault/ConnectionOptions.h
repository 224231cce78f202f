// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/TargetConnection.h"

#include "core/predict/PredictionInput.h"
#include "core/tcp/SocketOptions.h"

#include <optional>

namespace halfopen::hostfault {

// The dead-peer options another process set on its connection (keepalive and its timers,
// TCP_USER_TIMEOUT), read by audit::SocketOptionsProbe through a copy of its descriptor
// (pidfd_getfd; needs ptrace rights over the process), never SO_ERROR. The other fields of
// SocketOptions keep their defaults. nullopt with *errnoValue when the descriptor cannot be
// borrowed or no longer names the connection's socket.
std::optional<core::SocketOptions> readConnectionOptions(const TargetConnection &target, int *errnoValue = nullptr);

// What the predictor needs for this connection: its options (kernel defaults when they could
// not be read), this namespace's net.ipv4 sysctls and the connection's smoothed RTT.
core::PredictionInput predictionInputFor(const TargetConnection &target,
                                         const std::optional<core::SocketOptions> &options);

} // namespace halfopen::hostfault
