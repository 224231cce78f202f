// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace halfopen::hostfault {

// What /proc says about one process's sockets. A sock_diag row names a socket's inode, never
// its process: these tie the two together.

// inode -> descriptor number for every "socket:[N]" in /proc/PID/fd. Returns false with errno
// (ESRCH: no such process; EACCES: not ours to look at) when the directory cannot be read.
bool socketDescriptorsOf(qint64 pid, QHash<quint32, int> *out, int *errnoValue = nullptr);

// The process holding a socket with this inode, scanning /proc/*/fd (0 when none is visible).
qint64 ownerOfSocket(quint32 inode);

// /proc/PID/comm ("mosquitto_sub"), empty when the process is gone.
QString processName(qint64 pid);

// True while /proc/PID exists and is not a zombie.
bool processAlive(qint64 pid);

// The inode of a process's network namespace (/proc/PID/ns/net), 0 when unknown; 0 for PID 0
// means this process.
quint64 networkNamespaceOf(qint64 pid);

} // namespace halfopen::hostfault
