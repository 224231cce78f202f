// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <sys/socket.h>

namespace halfopen::core {

// An IPv4/IPv6 address and port as the kernel takes it, parsed from what a user types:
// "127.0.0.1:5000", "[::1]:5000", "localhost:5000", ":5000" (any address, for listening).
struct SocketAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;

    int family() const { return storage.ss_family; }
    quint16 port() const;
    QString host() const;     // numeric address
    QString toString() const; // "127.0.0.1:5000" or "[::1]:5000"
    bool isValid() const { return length != 0; }

    // Returns an invalid address and a message naming the problem when the text is not
    // HOST:PORT with a port 1..65535 (0 allowed when allowAnyPort) or the host does not resolve.
    static SocketAddress parse(const QString &text, QString *error, bool allowAnyPort = false);

    static SocketAddress fromSockaddr(const sockaddr *addr, socklen_t length);
    static SocketAddress localOf(int fd);
    static SocketAddress peerOf(int fd);
};

} // namespace halfopen::core
