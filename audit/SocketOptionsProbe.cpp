// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/SocketOptionsProbe.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::audit {

namespace {

// Through syscall(2): Debian 12's <sys/pidfd.h> declares these without C linkage.
int pidfdOpen(pid_t pid)
{
    return int(::syscall(SYS_pidfd_open, pid, 0));
}

int pidfdGetfd(int pidfd, int fd)
{
    return int(::syscall(SYS_pidfd_getfd, pidfd, fd, 0));
}

bool getInt(int fd, int level, int name, int *value)
{
    socklen_t length = sizeof *value;
    return ::getsockopt(fd, level, name, value, &length) == 0;
}

} // namespace

SocketOptionsProbe::~SocketOptionsProbe()
{
    forget();
}

void SocketOptionsProbe::forget()
{
    for (int pidfd : std::as_const(m_pidfds)) {
        if (pidfd >= 0)
            ::close(pidfd);
    }
    m_pidfds.clear();
}

int SocketOptionsProbe::read(qint64 pid, int fd, quint32 inode, SocketDeadPeerOptions *out)
{
    auto found = m_pidfds.constFind(pid);
    if (found == m_pidfds.constEnd()) {
        const int pidfd = pidfdOpen(pid_t(pid));
        found = m_pidfds.insert(pid, pidfd >= 0 ? pidfd : -errno);
    }
    if (*found < 0)
        return -*found;
    const int copy = pidfdGetfd(*found, fd);
    if (copy < 0)
        return errno;
    int error = 0;
    struct stat status
    { };
    if (::fstat(copy, &status) != 0) {
        error = errno;
    } else if (!S_ISSOCK(status.st_mode) || status.st_ino != inode) {
        error = ESTALE; // the number now names another file
    } else {
        int keepalive = 0;
        SocketDeadPeerOptions options;
        const bool ok = getInt(copy, SOL_SOCKET, SO_KEEPALIVE, &keepalive)
            && getInt(copy, IPPROTO_TCP, TCP_KEEPIDLE, &options.idleS)
            && getInt(copy, IPPROTO_TCP, TCP_KEEPINTVL, &options.intervalS)
            && getInt(copy, IPPROTO_TCP, TCP_KEEPCNT, &options.count)
            && getInt(copy, IPPROTO_TCP, TCP_USER_TIMEOUT, &options.userTimeoutMs);
        if (ok) {
            options.keepalive = keepalive != 0;
            *out = options;
        } else {
            error = errno;
        }
    }
    // The duplicate keeps the socket alive: let go of it at once.
    ::close(copy);
    return error;
}

} // namespace halfopen::audit
