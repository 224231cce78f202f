// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SocketTuple.h"

#include <netinet/in.h>

#include <cstring>

namespace halfopen::core {

namespace {

void copyAddress(const SocketAddress &address, std::array<quint8, 16> *out)
{
    if (address.family() == AF_INET6)
        std::memcpy(out->data(), &reinterpret_cast<const sockaddr_in6 &>(address.storage).sin6_addr, 16);
    else if (address.family() == AF_INET)
        std::memcpy(out->data(), &reinterpret_cast<const sockaddr_in &>(address.storage).sin_addr, 4);
}

} // namespace

SocketTuple SocketTuple::of(const SocketAddress &local, const SocketAddress &remote)
{
    SocketTuple tuple;
    tuple.family = quint16(local.family());
    tuple.localPort = local.port();
    tuple.remotePort = remote.port();
    copyAddress(local, &tuple.localAddress);
    copyAddress(remote, &tuple.remoteAddress);
    return tuple;
}

} // namespace halfopen::core
