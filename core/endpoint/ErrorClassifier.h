// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/SocketOptions.h"
#include "core/tcp/TcpInfoSample.h"

#include <optional>

namespace halfopen::core {

// Which mechanism raised an errno, inferred the way the kernel decides (tcp_write_err,
// tcp_reset): from the errno itself and the socket's last tcp_info counters.
struct ErrorContext
{
    int errnoValue = 0;
    bool connecting = false;              // the error ended a connect()
    std::optional<TcpInfoSample> before;  // last sample taken before the error was read
    std::optional<TcpInfoSample> atError; // sample read right after the error
    SocketOptions options;                // what the socket had
    // For EHOSTUNREACH/EHOSTDOWN: whether the neighbour entry of the next hop was FAILED or
    // INCOMPLETE when the error was read (RouteToPeer.h). The kernel reports a failed ARP
    // resolution as a locally built ICMP host unreachable (arp_error_report ->
    // ipv4_link_failure -> icmp_send to ourselves), so the errno alone cannot tell it from a
    // router's ICMP; the neighbour table can. nullopt: unknown, taken as an ICMP.
    std::optional<bool> neighbourFailed;
};

DetectionMechanism classifyError(const ErrorContext &context);

// ICMP/neighbour errors that the kernel reports without killing an ESTABLISHED connection
// (IP_RECVERR delivers them at once; the connection lives on).
bool isSoftNetworkError(int errnoValue);

} // namespace halfopen::core
