#pragma once

#include <QSet>

namespace halfopen::realnet {

// The inodes of the sockets a process holds open (its /proc/PID/fd entries "socket:[N]"): how
// the observer tells our endpoint's sockets from other programs' on the same port, since a
// sock_diag row names the socket's inode but not its process.
QSet<quint32> socketInodesOf(qint64 pid);

} // namespace halfopen::realnet
