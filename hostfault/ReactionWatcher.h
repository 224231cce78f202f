// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/ReactionVerdict.h"
#include "hostfault/TargetConnection.h"

#include "core/observe/SockDiagClient.h"
#include "core/tcp/SocketOptions.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace halfopen::hostfault {

// Times an application's reaction to a fault on one of its connections by polling what the
// kernel and /proc show (sock_diag for the socket, /proc/PID/fd for the descriptor), every
// 50 ms by default:
//  - the kernel gave up: the socket left the kernel's table, or reached CLOSE, while the
//    process still held its descriptor; the mechanism from the last tcp_info seen before
//    (keepalive probes outstanding, retransmissions with backoff, neither: a reset);
//  - the application closed its descriptor (or the process exited);
//  - it connected again: a new ESTABLISHED socket of the process to the same remote
//    address and port;
//  - the peer closed (CLOSE_WAIT), which is what a frozen process's connection shows when
//    the peer's heartbeat gave up.
// Nothing is read from the socket itself: no SO_ERROR, no descriptor borrowed.
class ReactionWatcher : public QObject
{
    Q_OBJECT

public:
    // faultUs: CLOCK_MONOTONIC (core::monotonicNowUs) when the fault took effect.
    ReactionWatcher(const TargetConnection &target, FaultKind fault, qint64 faultUs, QObject *parent = nullptr);

    void setPrediction(std::optional<double> seconds, const QString &mechanism,
                       std::optional<double> onceSendingSeconds = std::nullopt);
    void setUserTimeoutMs(int ms) { m_userTimeoutMs = ms; } // to name TCP_USER_TIMEOUT as the mechanism
    // The cut drops what this machine sends with `drop` (the kernel has no nft_queue, NftCut):
    // the kernel learns of each drop (the output hook returns EPERM) and holds unsent data
    // under the probe timer instead of retransmitting.
    void setOutgoingDroppedLocally(bool dropped) { m_outgoingDroppedLocally = dropped; }
    void start(int intervalMs = 50);
    void stop();
    void markLifted(qint64 us);
    // One observation now (the timer calls it; public so a caller can take a last one).
    void poll();

    // The verdict as of now (observed_s up to now).
    ReactionVerdict verdict() const;
    bool kernelGaveUp() const { return m_verdict.kernelGaveUpS.has_value(); }
    bool appClosed() const { return m_verdict.appClosedS.has_value(); }
    bool reconnected() const { return m_verdict.appReconnectedS.has_value(); }
    // Nothing more can happen: the app reconnected, or it closed and the process exited.
    bool settled() const;

signals:
    // what: kernel_gave_up, app_closed, process_exited, reconnected, peer_closed
    void observed(halfopen::hostfault::Reaction reaction, double seconds);

private:
    double since(qint64 us) const { return (us - m_faultUs) / 1e6; }
    QString inferMechanism() const;

    TargetConnection m_target;
    qint64 m_faultUs = 0;
    int m_userTimeoutMs = 0;
    bool m_outgoingDroppedLocally = false;
    core::SockDiagClient m_diag;
    QTimer m_timer;
    ReactionVerdict m_verdict;
    core::TcpInfoSample m_last; // the socket as last seen while the kernel still had it
    bool m_lastEstablished = true;
};

// The predictor's answer for this connection and fault, moved to count from the fault: for a
// cut, keepalive counts from the last packet received (lastAckRecvMs before the fault). For an
// abort the kernel gives up at once; for a freeze the frozen side's kernel never does.
struct ReactionPrediction
{
    std::optional<double> seconds;
    QString mechanism;
    // For a connection idle at the cut: when the kernel gives up once the application sends
    // (the retransmission budget, or TCP_USER_TIMEOUT), counted from that send.
    std::optional<double> onceSendingSeconds;
};
ReactionPrediction predictReaction(const TargetConnection &target, const std::optional<core::SocketOptions> &options,
                                   FaultKind fault);

} // namespace halfopen::hostfault
