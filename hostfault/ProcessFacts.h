// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::hostfault {

// What /proc says about one process. Which process holds which socket is audit's
// ProcessSocketMap (one place for that fact); these are the few other things a fault needs.

// /proc/PID/comm ("mosquitto_sub"), empty when the process is gone.
QString processName(qint64 pid);

// True while /proc/PID exists and is not a zombie.
bool processAlive(qint64 pid);

// The inode of a process's network namespace (/proc/PID/ns/net), 0 when unknown; 0 for PID 0
// means this process.
quint64 networkNamespaceOf(qint64 pid);

} // namespace halfopen::hostfault
