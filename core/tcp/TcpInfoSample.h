// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QJsonObject>
#include <QtGlobal>

namespace halfopen::core {

// One snapshot of a TCP socket as the kernel sees it: struct tcp_info plus the queue sizes and
// the running timer (which only sock_diag reports). Field names in JSON match `ss` and the CLI's
// `sockets --json` rows, so every tool shows the same numbers under the same names.
struct TcpInfoSample
{
    TcpState state = TcpState::Unknown;
    quint8 caState = 0;     // tcpi_ca_state: 0 open, 1 disorder, 2 cwr, 3 recovery, 4 loss
    quint8 retransmits = 0; // tcpi_retransmits: consecutive timeouts of the current segment
    quint8 probes = 0;      // tcpi_probes: keepalive (or zero-window) probes sent unanswered
    quint8 backoff = 0;     // tcpi_backoff: exponential backoff shift of the RTO
    quint32 rtoUs = 0;
    quint32 rttUs = 0;
    quint32 rttVarUs = 0;
    quint32 unacked = 0; // segments sent and not yet acknowledged
    quint32 lost = 0;
    quint32 totalRetrans = 0;   // retransmitted segments over the connection's life
    quint32 lastDataSentMs = 0; // ms since the last data segment was sent
    quint32 lastDataRecvMs = 0; // ms since the last data segment was received
    quint32 lastAckRecvMs = 0;  // ms since the last ACK was received: "last received" for keepalive
    quint32 sendCwnd = 0;
    quint32 segsOut = 0;
    quint32 segsIn = 0;
    quint64 bytesAcked = 0;
    quint64 bytesReceived = 0;
    quint32 sendQ = 0;       // bytes written and not yet acknowledged (ss Send-Q)
    quint32 recvQ = 0;       // bytes received and not yet read (ss Recv-Q)
    bool timerKnown = false; // the timer fields come from sock_diag only
    TcpTimer timer = TcpTimer::Off;
    qint64 timerExpiresMs = 0; // ms until the timer fires; negative when already overdue

    // Decodes the kernel's struct tcp_info (any length the kernel returned; missing tail fields
    // stay zero). Queue sizes and timer are not part of tcp_info.
    static TcpInfoSample fromTcpInfo(const void *data, size_t length);

    // getsockopt(TCP_INFO) and SIOCOUTQ/SIOCINQ on a socket this process owns.
    // Returns false and sets errno when the socket cannot be read.
    static bool readFromSocket(int fd, TcpInfoSample *out);

    // True when something a user watches changed: state, timers, counters, queues, RTO.
    // Ageing fields (ms since last send/receive) and RTT jitter alone do not count.
    bool differsVisiblyFrom(const TcpInfoSample &other) const;

    // Milliseconds as JSON writes them (rto_ms, rtt_ms) back to the microseconds kept here,
    // clamped to the field's range: a hostile recording's 1e300 or NaN must not overflow.
    static quint32 microsFromMs(double ms);

    double rtoMs() const { return rtoUs / 1000.0; }
    double rttMs() const { return rttUs / 1000.0; }

    QJsonObject toJson() const;
    static TcpInfoSample fromJson(const QJsonObject &json);

    bool operator==(const TcpInfoSample &) const = default;
};

} // namespace halfopen::core
