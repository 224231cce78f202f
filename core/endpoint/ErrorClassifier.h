#pragma once

#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/SocketOptions.h"
#include "core/tcp/TcpInfoSample.h"

#include <optional>

namespace halfopen::core {

// Which mechanism raised an errno, inferred the way the kernel decides (tcp_write_err,
// tcp_reset): from the errno itself and the socket's last tcp_info counters.
struct ErrorContext {
    int errnoValue = 0;
    bool connecting = false;              // the error ended a connect()
    std::optional<TcpInfoSample> before;  // last sample taken before the error was read
    std::optional<TcpInfoSample> atError; // sample read right after the error
    SocketOptions options;                // what the socket had
};

DetectionMechanism classifyError(const ErrorContext &context);

// ICMP/neighbour errors that the kernel reports without killing an ESTABLISHED connection
// (IP_RECVERR delivers them at once; the connection lives on).
bool isSoftNetworkError(int errnoValue);

} // namespace halfopen::core
