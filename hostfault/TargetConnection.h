// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"
#include "core/tcp/TcpInfoSample.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace halfopen::hostfault {

// One established TCP connection of this machine and the process holding it: what a fault
// acts on and what the reaction is timed for.
struct TargetConnection
{
    qint64 pid = 0;  // 0: no visible process holds it
    QString process; // /proc/PID/comm
    core::SocketAddress local;
    core::SocketAddress remote;
    quint32 inode = 0;
    int fd = -1;                // the descriptor number in the owning process
    quint64 cookie = 0;         // the kernel's socket cookie (SOCK_DESTROY matches it)
    core::TcpInfoSample sample; // as sock_diag saw it when it was chosen

    // "mosquitto_sub (pid 4242) 198.18.0.1:40000 -> 198.18.0.2:1883"
    QString describe() const;
    // {"pid", "process", "local", "remote", "inode", "fd"}
    QJsonObject toJson() const;
};

// Which connection the user means: a process (--pid), a 4-tuple (LOCAL REMOTE), or both.
struct TargetQuery
{
    qint64 pid = 0;
    core::SocketAddress local;
    core::SocketAddress remote;
};

// Looks the connection up in this network namespace (sock_diag) and /proc. Returns false with
// a message for people when there is none, or several (then *candidates lists them so the
// caller can show them: "refuse if ambiguous").
bool findTarget(const TargetQuery &query, TargetConnection *out, QString *error,
                QList<TargetConnection> *candidates = nullptr);

} // namespace halfopen::hostfault
