// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace halfopen::core {

// TCP states with the kernel's numbering (include/net/tcp_states.h), so values read from
// tcp_info or sock_diag convert with a cast.
enum class TcpState : quint8 {
    Unknown = 0,
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Closed = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynRecv = 12,
};

// Stable names as netstat prints them ("ESTABLISHED", "TIME_WAIT", "CLOSED"); CLI, JSON and
// recordings use these.
QString tcpStateName(TcpState state);

// Accepts our names, ss's short names ("ESTAB", "SYN-SENT"), any case, '-' or '_'.
std::optional<TcpState> tcpStateFromName(QStringView name);

TcpState tcpStateFromKernel(int value);

// Which timer the kernel runs for a socket (sock_diag idiag_timer), named as `ss -o` names it.
enum class TcpTimer : quint8 {
    Off = 0,
    Retransmit = 1, // "on": retransmission or tail-loss probe
    Keepalive = 2,
    TimeWait = 3,
    Persist = 4, // zero-window probe
};

QString tcpTimerName(TcpTimer timer);
std::optional<TcpTimer> tcpTimerFromName(QStringView name);

} // namespace halfopen::core
