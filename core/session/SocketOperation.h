// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <optional>

namespace halfopen::core {

// What the application was doing when the kernel told it its connection was in trouble: the
// call that returned the error (an `error` event's `what`, and its detail's "operation"), or
// its heartbeat giving the peer up.
enum class SocketOperation : quint8 {
    None, // not said (an older recording's error, an EOF's own step)
    Connect,
    Accept,
    Send,
    Recv,
    Shutdown,
    Heartbeat,
};

QLatin1StringView socketOperationName(SocketOperation operation); // "connect", "recv", ...; empty for None
// The empty name is None; nullopt for a name this version does not know.
std::optional<SocketOperation> socketOperationFromName(QStringView name);

} // namespace halfopen::core
