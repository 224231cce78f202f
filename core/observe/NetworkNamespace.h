// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::core {

// A handle on a network namespace (an open nsfs file: /run/netns/NAME, /proc/PID/ns/net), and
// the one thing we do with it: create a socket inside it. Sockets stay bound to the namespace
// they were created in, so entering the namespace just for socket() is enough.
class NetworkNamespace
{
public:
    NetworkNamespace() = default; // the caller's own namespace
    ~NetworkNamespace();
    NetworkNamespace(NetworkNamespace &&other) noexcept;
    NetworkNamespace &operator=(NetworkNamespace &&other) noexcept;
    NetworkNamespace(const NetworkNamespace &) = delete;
    NetworkNamespace &operator=(const NetworkNamespace &) = delete;

    // Opens PATH and checks that it is a network namespace. On failure returns false and a
    // message naming the path and the errno ("ENOENT (No such file or directory)").
    bool open(const QString &path, QString *error);
    // Takes ownership of an fd that refers to a network namespace.
    static NetworkNamespace adopt(int fd);

    bool isOwn() const { return m_fd < 0; } // true: the caller's namespace, no setns needed
    int fd() const { return m_fd; }
    QString path() const { return m_path; }

    // socket(2) inside the namespace: setns() there on the calling thread, socket(), setns()
    // back. Returns -1 with errno set (EPERM without CAP_SYS_ADMIN over the namespace).
    int createSocket(int domain, int type, int protocol) const;
    // The same for a namespace fd the caller keeps (-1: the caller's own namespace).
    static int createSocketIn(int netnsFd, int domain, int type, int protocol);

private:
    int m_fd = -1;
    QString m_path;
};

} // namespace halfopen::core
