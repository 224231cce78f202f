// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagRow.h"
#include "core/tcp/SocketAddress.h"

#include <QList>
#include <QSet>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>

// Real kernel sockets on loopback for the observer tests: one listener (port chosen by the
// kernel) and any number of connections to it. Every fd is closed when the object goes.
class LoopbackSockets
{
public:
    struct Connection
    {
        int client = -1;
        int server = -1; // -1 while the connection waits in the accept queue
    };

    // family AF_INET (127.0.0.1) or AF_INET6 (::1); port 0 lets the kernel choose.
    explicit LoopbackSockets(int family = AF_INET, quint16 port = 0, int backlog = 16)
        : m_family(family)
    {
        m_listener = track(::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_storage address = loopback(port);
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), addressLength()) != 0
            || ::listen(m_listener, backlog) != 0) {
            m_listener = -1;
            return;
        }
        m_port = halfopen::core::SocketAddress::localOf(m_listener).port();
        m_tuples.insert(
            tuple(local(m_listener).toString(), QLatin1String(family == AF_INET6 ? "[::]:0" : "0.0.0.0:0")));
    }
    ~LoopbackSockets()
    {
        for (int fd : m_fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    LoopbackSockets(const LoopbackSockets &) = delete;
    LoopbackSockets &operator=(const LoopbackSockets &) = delete;

    bool isListening() const { return m_listener >= 0; }

    // True for the listener and both ends of every connection made here, in any state (also
    // after close). Rows on the same port that are not ours exist on a busy machine: a listener
    // port from bind(0) may be the peer port of an earlier connection still in TIME_WAIT.
    bool owns(const QString &local, const QString &remote) const { return m_tuples.contains(tuple(local, remote)); }
    bool owns(const halfopen::core::SockDiagRow &row) const
    {
        return owns(row.local.toString(), row.remote.toString());
    }
    int listener() const { return m_listener; }
    quint16 port() const { return m_port; }

    // On loopback the handshake completes inside connect(), so blocking calls return at once.
    Connection connect(bool accept = true)
    {
        Connection c;
        c.client = track(::socket(m_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_storage address = loopback(m_port);
        if (c.client < 0 || ::connect(c.client, reinterpret_cast<sockaddr *>(&address), addressLength()) != 0)
            return Connection{};
        const QString from = local(c.client).toString();
        const QString to = peer(c.client).toString();
        m_tuples.insert(tuple(from, to));
        m_tuples.insert(tuple(to, from));
        if (accept)
            c.server = track(::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC));
        return c;
    }

    // close() now (the kernel sends FIN); the destructor will not close it again.
    void close(int fd)
    {
        const qsizetype index = m_fds.indexOf(fd);
        if (index >= 0)
            m_fds[index] = -1;
        ::close(fd);
    }

    static bool send(int fd, qsizetype bytes)
    {
        const QByteArray data(bytes, 'x');
        return ::send(fd, data.constData(), data.size(), MSG_NOSIGNAL) == data.size();
    }

    // Writes until the socket's send buffer is full: the peer, which does not read, ends with a
    // full receive queue and a zero window, and this side with bytes in Send-Q.
    static qint64 fillSendBuffer(int fd)
    {
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        const QByteArray chunk(64 * 1024, 'z');
        qint64 total = 0;
        for (;;) {
            const ssize_t sent = ::send(fd, chunk.constData(), chunk.size(), MSG_NOSIGNAL);
            if (sent <= 0)
                break;
            total += sent;
        }
        ::fcntl(fd, F_SETFL, flags);
        return errno == EAGAIN || errno == EWOULDBLOCK ? total : -1;
    }

    static bool setKeepalive(int fd, int idleS, int intervalS, int count)
    {
        const int on = 1;
        return ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) == 0
            && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idleS, sizeof idleS) == 0
            && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intervalS, sizeof intervalS) == 0
            && ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count) == 0;
    }

    static quint32 inodeOf(int fd)
    {
        struct stat info
        { };
        return ::fstat(fd, &info) == 0 ? quint32(info.st_ino) : 0;
    }

    static halfopen::core::SocketAddress local(int fd) { return halfopen::core::SocketAddress::localOf(fd); }
    static halfopen::core::SocketAddress peer(int fd) { return halfopen::core::SocketAddress::peerOf(fd); }

private:
    static QString tuple(const QString &local, const QString &remote) { return local + QLatin1Char(' ') + remote; }

    int track(int fd)
    {
        m_fds.append(fd);
        return fd;
    }
    socklen_t addressLength() const { return m_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in); }
    sockaddr_storage loopback(quint16 port) const
    {
        sockaddr_storage address{};
        if (m_family == AF_INET6) {
            auto &a = reinterpret_cast<sockaddr_in6 &>(address);
            a.sin6_family = AF_INET6;
            a.sin6_addr = in6addr_loopback;
            a.sin6_port = htons(port);
        } else {
            auto &a = reinterpret_cast<sockaddr_in &>(address);
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons(port);
        }
        return address;
    }

    int m_family;
    int m_listener = -1;
    quint16 m_port = 0;
    QList<int> m_fds;
    QSet<QString> m_tuples;
};
