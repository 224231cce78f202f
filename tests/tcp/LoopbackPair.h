// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

// A real connected TCP pair on loopback (127.0.0.1 or ::1): the kernel's own stack, no mocks.
// Ports are chosen by the kernel so tests never collide with each other or with anything else.
struct LoopbackPair
{
    int listener = -1;
    int client = -1;
    int server = -1; // the accepted side

    explicit LoopbackPair(int family)
    {
        sockaddr_storage addr{};
        socklen_t length = 0;
        if (family == AF_INET6) {
            auto &a6 = reinterpret_cast<sockaddr_in6 &>(addr);
            a6.sin6_family = AF_INET6;
            a6.sin6_addr = in6addr_loopback;
            length = sizeof a6;
        } else {
            auto &a4 = reinterpret_cast<sockaddr_in &>(addr);
            a4.sin_family = AF_INET;
            a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof a4;
        }
        listener = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&addr), length) != 0
            || ::listen(listener, 1) != 0)
            return;
        length = sizeof addr;
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &length);
        client = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        // On loopback the handshake completes inside connect(), so blocking calls are instant.
        if (client < 0 || ::connect(client, reinterpret_cast<sockaddr *>(&addr), length) != 0)
            return;
        server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    }
    ~LoopbackPair()
    {
        for (int fd : {server, client, listener}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    LoopbackPair(const LoopbackPair &) = delete;
    LoopbackPair &operator=(const LoopbackPair &) = delete;

    bool isConnected() const { return server >= 0; }
    quint16 clientPort() const { return halfopen::core::SocketAddress::localOf(client).port(); }
    quint16 serverPort() const { return halfopen::core::SocketAddress::localOf(server).port(); }
};
