// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace halfopen::audit {

// One process holding a socket: which process and under which file descriptor.
struct SocketHolder
{
    qint64 pid = 0;
    int fd = -1;
    QString command; // /proc/PID/comm
    bool operator==(const SocketHolder &) const = default;
};

// Which processes hold which sockets, found the way `ss -p` finds them: every /proc/PID/fd
// entry that links to "socket:[INODE]". Only the inodes asked for are kept.
class ProcessSocketMap
{
public:
    // Scans every process (or only `onlyPid`) for the sockets in `wanted`.
    void scan(const QSet<quint32> &wanted, std::optional<qint64> onlyPid = std::nullopt);

    // Holders of the socket, lowest pid first; empty when none was found.
    QList<SocketHolder> holdersOf(quint32 inode) const { return m_holders.value(inode); }

    // Processes whose fd folder could not be read (another user's, without ptrace rights): a
    // socket with no holder may belong to one of them. The errno of the first such refusal.
    int deniedProcesses() const { return m_denied; }
    int deniedErrno() const { return m_deniedErrno; }

private:
    QHash<quint32, QList<SocketHolder>> m_holders;
    int m_denied = 0;
    int m_deniedErrno = 0;
};

} // namespace halfopen::audit
