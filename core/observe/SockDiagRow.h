// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"
#include "core/tcp/TcpInfoSample.h"

#include <QJsonObject>

struct nlmsghdr;

namespace halfopen::core {

// One TCP socket as a sock_diag dump reports it. Sockets without a full struct sock (TIME_WAIT,
// half-open request sockets) carry no tcp_info: their sample holds state, queues and timer only.
struct SockDiagRow
{
    SocketAddress local;
    SocketAddress remote;
    TcpInfoSample sample; // timerKnown is always true: sock_diag reports the timer
    bool hasTcpInfo = false;
    quint32 uid = 0;
    quint32 inode = 0;  // 0 for sockets no process holds (TIME_WAIT, orphans)
    quint64 cookie = 0; // the kernel's socket cookie, stable for the socket's life

    // Decodes one SOCK_DIAG_BY_FAMILY reply (struct inet_diag_msg + attributes). Returns false
    // when the message is too short to be one.
    static bool fromNetlink(const nlmsghdr *message, SockDiagRow *out);

    // The `sockets --json` row: local, remote, state, send_q, recv_q, timer, timer_expires_ms,
    // retransmits, probes, backoff, rto_ms, rtt_ms, uid, inode, cookie.
    QJsonObject toJson() const;
};

} // namespace halfopen::core
