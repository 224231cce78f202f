// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QtGlobal>

namespace halfopen::audit {

// A connection's own dead-peer options as the kernel holds them for that socket. TCP_KEEPIDLE,
// KEEPINTVL and KEEPCNT read back the namespace's default when the program did not set them,
// which is what the kernel will use.
struct SocketDeadPeerOptions
{
    bool keepalive = false; // SO_KEEPALIVE
    int idleS = 0;          // TCP_KEEPIDLE
    int intervalS = 0;      // TCP_KEEPINTVL
    int count = 0;          // TCP_KEEPCNT
    int userTimeoutMs = 0;  // TCP_USER_TIMEOUT, 0 = off
};

// Reads those options from a socket another process holds: pidfd_open(2) on the process,
// pidfd_getfd(2) for a duplicate of its descriptor (needs ptrace rights over it: root,
// CAP_SYS_PTRACE, or the same user where Yama allows), five getsockopt() and close() at once.
// Strictly read-only: no option whose read has an effect (SO_ERROR clears the socket's pending
// error) is ever asked for. One pidfd per process is kept until the probe is destroyed or
// forget() is called, so a process holding thousands of sockets is opened once.
class SocketOptionsProbe
{
public:
    SocketOptionsProbe() = default;
    ~SocketOptionsProbe();
    SocketOptionsProbe(const SocketOptionsProbe &) = delete;
    SocketOptionsProbe &operator=(const SocketOptionsProbe &) = delete;

    // Reads the options of descriptor `fd` of process `pid`, checking that it is still the
    // socket `inode` (the process may have closed and reused the number since the /proc scan).
    // Returns 0, or the errno that stopped it (EPERM: no ptrace rights; ESRCH: the process is
    // gone; EBADF or ESTALE: the descriptor is closed or now another file).
    int read(qint64 pid, int fd, quint32 inode, SocketDeadPeerOptions *out);

    // Closes every pidfd kept.
    void forget();

private:
    QHash<qint64, int> m_pidfds; // -errno when pidfd_open failed
};

} // namespace halfopen::audit
