// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"

#include <QHashFunctions>

#include <array>

namespace halfopen::core {

// A connection's 4-tuple in a compact, hashable form: the key for matching sockets across
// snapshots when the kernel's cookie cannot (a request socket becoming a full socket).
struct SocketTuple
{
    quint16 family = 0;
    quint16 localPort = 0;
    quint16 remotePort = 0;
    std::array<quint8, 16> localAddress{};
    std::array<quint8, 16> remoteAddress{};

    static SocketTuple of(const SocketAddress &local, const SocketAddress &remote);
    bool operator==(const SocketTuple &) const = default;
};

inline size_t qHash(const SocketTuple &tuple, size_t seed = 0)
{
    seed = qHashMulti(seed, tuple.family, tuple.localPort, tuple.remotePort);
    seed = qHashBits(tuple.localAddress.data(), tuple.localAddress.size(), seed);
    return qHashBits(tuple.remoteAddress.data(), tuple.remoteAddress.size(), seed);
}

} // namespace halfopen::core
