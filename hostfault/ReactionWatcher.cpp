// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ReactionWatcher.h"

#include "hostfault/ConnectionOptions.h"
#include "hostfault/ProcessFacts.h"

#include "audit/ProcessSocketMap.h"

#include "core/predict/DetectionPredictor.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/DetectionMechanism.h"

namespace halfopen::hostfault {

using namespace core;

ReactionWatcher::ReactionWatcher(const TargetConnection &target, FaultKind fault, qint64 faultUs, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_faultUs(faultUs)
    , m_last(target.sample)
{
    m_verdict.fault = fault;
    m_verdict.target = target;
    m_diag.open();
    connect(&m_timer, &QTimer::timeout, this, &ReactionWatcher::poll);
}

void ReactionWatcher::setPrediction(std::optional<double> seconds, const QString &mechanism,
                                    std::optional<double> onceSendingSeconds)
{
    m_verdict.predictedOnceSendingS = onceSendingSeconds;
    m_verdict.predictedS = seconds;
    m_verdict.predictedMechanism = mechanism;
}

void ReactionWatcher::start(int intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.start(intervalMs);
    poll();
}

void ReactionWatcher::stop()
{
    m_timer.stop();
}

void ReactionWatcher::markLifted(qint64 us)
{
    if (!m_verdict.liftedS)
        m_verdict.liftedS = since(us);
}

bool ReactionWatcher::settled() const
{
    return m_verdict.appReconnectedS || (m_verdict.appClosedS && m_verdict.processExited);
}

QString ReactionWatcher::inferMechanism() const
{
    if (m_verdict.fault == FaultKind::Abort)
        return QStringLiteral("abort");
    // sock_diag names the running timer: probes under the persist timer are zero-window
    // probes (the peer's receive window was full), not keepalive.
    if (m_last.timerKnown && m_last.timer == TcpTimer::Persist && m_last.probes > 0)
        return m_outgoingDroppedLocally ? QStringLiteral("local_drop_probes") : QStringLiteral("zero_window_probes");
    const bool probing = m_last.probes > 0 && (!m_last.timerKnown || m_last.timer == TcpTimer::Keepalive);
    const bool retransmitting = m_last.retransmits > 0 || m_last.unacked > 0
        || (m_last.backoff > 0 && (!m_last.timerKnown || m_last.timer == TcpTimer::Retransmit));
    if ((probing || retransmitting) && m_userTimeoutMs > 0
        && m_last.lastAckRecvMs + 100 >= quint32(m_userTimeoutMs) * 8 / 10)
        return mechanismName(DetectionMechanism::UserTimeout);
    if (retransmitting)
        return mechanismName(DetectionMechanism::RetransmissionTimeout);
    if (probing || (m_last.timerKnown && m_last.timer == TcpTimer::Keepalive && m_last.probes > 0))
        return mechanismName(DetectionMechanism::Keepalive);
    return mechanismName(DetectionMechanism::Rst);
}

void ReactionWatcher::poll()
{
    const qint64 now = monotonicNowUs();
    ReactionVerdict &v = m_verdict;
    // Announced once the whole verdict is up to date, so a listener reads it consistent.
    QList<QPair<Reaction, double>> happened;
    const bool alive = m_target.pid > 0 && processAlive(m_target.pid);
    // The process's other established sockets to the same remote: a reconnection is one of them.
    QList<SockDiagRow> sameRemote;
    if (alive && m_diag.isOpen() && !v.appReconnectedS) {
        SockDiagFilter filter;
        filter.onlyStates({TcpState::Established});
        filter.port = m_target.remote.port();
        m_diag.dump(filter, [&](const SockDiagRow &r) {
            if (r.inode != m_target.inode && r.remote.host() == m_target.remote.host()
                && r.remote.port() == m_target.remote.port())
                sameRemote.append(r);
        });
    }
    QSet<quint32> wanted{m_target.inode};
    for (const SockDiagRow &r : std::as_const(sameRemote))
        wanted.insert(r.inode);
    audit::ProcessSocketMap holders;
    if (alive)
        holders.scan(wanted, m_target.pid);
    const bool held = !holders.holdersOf(m_target.inode).isEmpty();

    SockDiagRow row;
    const auto found
        = m_diag.isOpen() ? m_diag.lookup(m_target.local, m_target.remote, &row) : SockDiagClient::LookupResult::Failed;
    const bool ours = found == SockDiagClient::LookupResult::Found && row.inode == m_target.inode;
    const bool inTable = found == SockDiagClient::LookupResult::Found && row.sample.state != TcpState::Closed
        && (row.inode == m_target.inode || row.inode == 0);
    if (ours && row.sample.state != TcpState::Closed) {
        m_last = row.sample;
        m_lastEstablished = row.sample.state == TcpState::Established;
    }

    if (!v.kernelGaveUpS && found != SockDiagClient::LookupResult::Failed && !v.appClosedS) {
        // Gone from the table while the process still holds it, or gone together with the
        // descriptor in the same poll right after the kernel was probing or retransmitting.
        const bool gone = !inTable || (ours && row.sample.state == TcpState::Closed);
        const bool wasFailing = m_last.probes > 0 || m_last.retransmits > 0 || m_last.backoff > 0;
        if (gone && (held || wasFailing || v.fault == FaultKind::Abort)) {
            v.kernelGaveUpS = since(now);
            v.mechanism = inferMechanism();
            happened.append({Reaction::KernelGaveUp, *v.kernelGaveUpS});
        }
    }
    if (!v.peerClosedS && ours && (row.sample.state == TcpState::CloseWait || row.sample.state == TcpState::LastAck)) {
        v.peerClosedS = since(now);
        happened.append({Reaction::PeerClosed, *v.peerClosedS});
    }
    if (!v.appClosedS && m_target.pid > 0 && !held) {
        v.appClosedS = since(now);
        v.processExited = !alive;
        happened.append({v.processExited ? Reaction::ProcessExited : Reaction::AppClosed, *v.appClosedS});
    }
    if (!v.appReconnectedS && alive) {
        QString local;
        for (const SockDiagRow &r : std::as_const(sameRemote)) {
            if (!holders.holdersOf(r.inode).isEmpty()) {
                local = r.local.toString();
                break;
            }
        }
        if (!local.isEmpty()) {
            v.appReconnectedS = since(now);
            v.reconnectedLocal = local;
            happened.append({Reaction::Reconnected, *v.appReconnectedS});
        }
    }
    v.halfOpenAtEnd = v.fault == FaultKind::Cut && ours && held && row.sample.state == TcpState::Established;
    v.observedS = since(now);
    for (const auto &[reaction, seconds] : std::as_const(happened))
        emit observed(reaction, seconds);
}

ReactionVerdict ReactionWatcher::verdict() const
{
    return m_verdict;
}

ReactionPrediction predictReaction(const TargetConnection &target, const std::optional<SocketOptions> &options,
                                   FaultKind fault)
{
    if (fault == FaultKind::Abort)
        return {0.0, QStringLiteral("abort"), std::nullopt};
    if (fault == FaultKind::Freeze)
        return {std::nullopt, {}, std::nullopt}; // the frozen side's kernel keeps answering for it
    const DetectionPredictor predictor(predictionInputFor(target, options));
    const bool inFlight = target.sample.unacked > 0 || target.sample.sendQ > 0;
    const Prediction p
        = predictor.predict(inFlight ? DeathKind::PeerUnpluggedDataInFlight : DeathKind::IdlePeerPoweredOff);
    const auto seconds = p.seconds();
    std::optional<double> onceSending;
    if (!inFlight)
        onceSending = predictor.predict(DeathKind::PeerUnpluggedDataInFlight).seconds();
    if (!seconds)
        return {std::nullopt, mechanismName(p.mechanism), onceSending};
    double fromFault = *seconds;
    if (p.reference == TimeReference::LastReceived)
        fromFault -= target.sample.lastAckRecvMs / 1000.0;
    else if (p.reference == TimeReference::FirstUnackedSend && inFlight)
        fromFault -= target.sample.lastDataSentMs / 1000.0;
    return {std::max(0.0, fromFault), mechanismName(p.mechanism), onceSending};
}

} // namespace halfopen::hostfault
