// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/ConnectionRisk.h"
#include "audit/ProcessSocketMap.h"

#include "core/observe/SockDiagRow.h"
#include "core/predict/PredictionInput.h"

#include <QList>
#include <QString>

#include <optional>

namespace halfopen::audit {

// Where a connection's dead-peer options came from.
enum class OptionsSource : quint8 {
    Socket,  // read from the socket itself (pidfd_getfd + getsockopt)
    Timer,   // deduced from the timer sock_diag shows (keepalive armed or not); values unknown
    Unknown, // neither: the options could not be read and the timer says nothing
};
QString optionsSourceName(OptionsSource source); // "socket", "timer", "unknown"

// The keepalive a connection has; nullopt where it is not known (options_source "timer": on
// or off is known, the timers are not).
struct AuditedKeepalive
{
    std::optional<bool> enabled;
    std::optional<int> idleS;
    std::optional<int> intervalS;
    std::optional<int> count;
    bool operator==(const AuditedKeepalive &) const = default;
};

// One TCP connection of the audited namespace: the socket as sock_diag reports it, the
// processes holding it, its own options, what the predictor was given, and the risk.
struct AuditedConnection
{
    core::SockDiagRow socket;    // 4-tuple, state, queues, timer, tcp_info, uid, inode, cookie
    QList<SocketHolder> holders; // lowest pid first; empty when none was visible
    QString user;                // the socket's uid as a user name, when it has one

    OptionsSource optionsSource = OptionsSource::Unknown;
    QString optionsNote; // why that source, in words, with the errno name
    AuditedKeepalive keepalive;
    std::optional<int> userTimeoutMs; // TCP_USER_TIMEOUT; nullopt when not read

    // The predictor's input: the options above (the namespace's defaults where they are
    // unknown, as optionsNote says), the namespace's sysctls and the measured RTT.
    core::PredictionInput predictionInput;
    RiskAssessment assessment;

    // The process named in tables: the lowest pid holding the socket.
    std::optional<qint64> pid() const;
    QString process() const;
    double rttMs() const { return socket.sample.rttUs / 1000.0; }
};

} // namespace halfopen::audit
