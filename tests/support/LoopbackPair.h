// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace halfopen::testing {

// One established TCP connection on 127.0.0.1 held by this process: its listener, its client
// end and its accepted end. Closed with the object.
struct LoopbackPair
{
    int listener = -1;
    int client = -1;
    int server = -1;
    quint16 port = 0;       // the listener's
    quint16 clientPort = 0; // the client end's own
    ~LoopbackPair() { closeAll(); }
    void closeAll()
    {
        for (int *fd : {&listener, &client, &server}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }
    // On `wanted` (0: any free port).
    bool open(quint16 wanted = 0)
    {
        listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(wanted);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t n = sizeof a;
        if (::bind(listener, reinterpret_cast<sockaddr *>(&a), n) || ::listen(listener, 4)
            || ::getsockname(listener, reinterpret_cast<sockaddr *>(&a), &n))
            return false;
        port = ntohs(a.sin_port);
        client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (::connect(client, reinterpret_cast<sockaddr *>(&a), sizeof a))
            return false;
        server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        sockaddr_in own{};
        n = sizeof own;
        ::getsockname(client, reinterpret_cast<sockaddr *>(&own), &n);
        clientPort = ntohs(own.sin_port);
        return server >= 0;
    }
};

// SO_KEEPALIVE on with these TCP_KEEPIDLE / TCP_KEEPINTVL / TCP_KEEPCNT.
inline bool setKeepalive(int fd, int idle, int interval, int count)
{
    const int on = 1;
    return ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) == 0
        && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle) == 0
        && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval) == 0
        && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count) == 0;
}

} // namespace halfopen::testing
