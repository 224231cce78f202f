// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/DetectionPredictor.h"

#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/KeepaliveTimer.h"
#include "core/predict/NeighbourRun.h"
#include "core/predict/PredictionText.h"
#include "core/predict/RetransmissionBudget.h"

#include <QJsonArray>

#include <algorithm>
#include <cerrno>
#include <cmath>

namespace halfopen::core {

namespace {

qint64 msToUs(int ms)
{
    return qint64(ms) * 1000;
}

// Expected: every timer on time. Range: also every timer as late as the wheel allows, which
// can move a user-timeout decision one timer earlier.
void takeRuns(Prediction &p, const TimerRun &nominal, const TimerRun &late)
{
    p.mechanism = nominal.decidedBy;
    p.events = nominal.events;
    if (!nominal.endUs || !late.endUs)
        return;
    p.expectedUs = *nominal.endUs;
    p.minUs = std::min(*nominal.endUs, *late.endUs);
    p.maxUs = std::max(*late.endUs, *nominal.endUs + nominal.slackUs);
}

} // namespace

DetectionPredictor::DetectionPredictor(const PredictionInput &input)
    : m_input(input)
    , m_wheel(input.hz)
{ }

qint64 DetectionPredictor::firstRtoUs() const
{
    // __tcp_set_rto(): srtt + max(4 × rttvar, rto_min) in whole jiffies; on a LAN the variance
    // term is far below rto_min.
    const qint64 rttUs = qRound64(m_input.rttMs * 1000);
    return std::min(m_wheel.roundUpUs(rttUs + msToUs(m_input.rtoMinMs)), msToUs(m_input.rtoMaxMs));
}

qint64 DetectionPredictor::tailLossProbeUs() const
{
    // tcp_schedule_loss_probe() with one segment out: 2 × srtt + rto_min, never after the RTO.
    const qint64 rttUs = qRound64(m_input.rttMs * 1000);
    return std::min(m_wheel.roundUpUs(2 * rttUs) + m_wheel.roundUpUs(msToUs(m_input.rtoMinMs)), firstRtoUs());
}

qint64 DetectionPredictor::retransmissionBudgetUs() const
{
    return RetransmissionBudget::timeoutUs(m_input.retries2, RetransmissionBudget::kRtoMinUs, msToUs(m_input.rtoMaxMs));
}

qint64 DetectionPredictor::synBudgetUs() const
{
    return RetransmissionBudget::timeoutUs(m_input.synRetries, RetransmissionBudget::kSynRtoUs,
                                           msToUs(m_input.rtoMaxMs));
}

RetransmissionTimer::Settings DetectionPredictor::dataTimerSettings() const
{
    RetransmissionTimer::Settings s;
    s.firstRtoUs = firstRtoUs();
    s.rtoMaxUs = msToUs(m_input.rtoMaxMs);
    s.tailLossProbeUs = tailLossProbeUs();
    s.budgetUs = retransmissionBudgetUs();
    s.userTimeoutUs = msToUs(m_input.userTimeoutMs);
    return s;
}

RetransmissionTimer::Settings DetectionPredictor::synTimerSettings() const
{
    RetransmissionTimer::Settings s;
    s.syn = true;
    s.firstRtoUs = RetransmissionBudget::kSynRtoUs;
    s.rtoMaxUs = msToUs(m_input.rtoMaxMs);
    s.budgetUs = synBudgetUs();
    s.userTimeoutUs = msToUs(m_input.userTimeoutMs);
    s.maxRetransmissions = m_input.synRetries + m_input.synLinearTimeouts;
    s.linearTimeouts = m_input.synLinearTimeouts;
    return s;
}

Prediction DetectionPredictor::keepalive(DeathKind kind) const
{
    if (!m_input.keepalive.enabled)
        return never(kind, PredictionText::idleNever());
    Prediction p;
    p.kind = kind;
    p.reference = TimeReference::LastReceived;
    p.errnoValue = ETIMEDOUT;
    const KeepaliveTimer timer(m_input.keepalive, m_input.userTimeoutMs, m_wheel);
    const TimerRun nominal = timer.run(false);
    takeRuns(p, nominal, timer.run(true));
    p.explanation = PredictionText::keepalive(m_input.keepalive, m_input.userTimeoutMs, nominal);
    if (m_input.neighbour.dynamic)
        p.explanation += QLatin1Char(' ') + PredictionText::keepaliveWithDynamicNeighbour();
    return p;
}

Prediction DetectionPredictor::retransmissions(DeathKind kind) const
{
    Prediction p;
    p.kind = kind;
    p.reference = TimeReference::FirstUnackedSend;
    p.errnoValue = ETIMEDOUT;
    const RetransmissionTimer timer(dataTimerSettings(), m_wheel);
    const TimerRun nominal = timer.run(false);
    takeRuns(p, nominal, timer.run(true));

    PredictionText::Retransmissions text;
    text.tailLossProbeUs = tailLossProbeUs();
    text.firstRetransmissionUs = tailLossProbeUs() + firstRtoUs();
    text.firstRtoUs = firstRtoUs();
    text.rtoMaxUs = msToUs(m_input.rtoMaxMs);
    text.retries2 = m_input.retries2;
    text.budgetUs = retransmissionBudgetUs();
    text.userTimeoutMs = m_input.userTimeoutMs;
    p.explanation = PredictionText::retransmissions(text, nominal);
    if (m_input.neighbour.dynamic) {
        p.paths = neighbourPaths();
        // The likeliest path gives the headline figures; on a tie the later one.
        const PredictionPath *likeliest = nullptr;
        for (const PredictionPath &path : std::as_const(p.paths)) {
            if (!likeliest || path.likelihood > likeliest->likelihood + 1e-9
                || (std::abs(path.likelihood - likeliest->likelihood) <= 1e-9
                    && path.expectedUs > likeliest->expectedUs))
                likeliest = &path;
        }
        if (likeliest)
            takePath(p, *likeliest);
        p.explanation
            += QLatin1Char(' ') + PredictionText::neighbourPaths(p.paths, m_input.neighbour.timers, m_input.recvErr);
    }
    return p;
}

void DetectionPredictor::takePath(Prediction &p, const PredictionPath &path)
{
    p.mechanism = path.mechanism;
    p.errnoValue = path.errnoValue;
    p.expectedUs = path.expectedUs;
    p.minUs = path.minUs;
    p.maxUs = path.maxUs;
    p.events = path.events;
    p.softErrorUs = path.neighbourErrorUs && path.errnoValue != EHOSTUNREACH ? path.neighbourErrorUs : std::nullopt;
}

QList<PredictionPath> DetectionPredictor::neighbourPaths() const
{
    const NeighbourTimers &n = m_input.neighbour.timers;
    const NeighbourRun runner(dataTimerSettings(), n, m_input.recvErr, m_wheel);
    // neigh_rand_reach_time(): uniform in [base/2, 3·base/2). The outcome can only change where
    // a transmission falls: try one reachable time in each gap between transmissions.
    const qint64 fromUs = qint64(n.baseReachableTimeMs) * 500;
    const qint64 toUs = qint64(n.baseReachableTimeMs) * 1500;
    QList<qint64> cuts{fromUs};
    for (qint64 t : runner.transmissionTimes()) {
        if (t > fromUs && t < toUs)
            cuts.append(t);
    }
    cuts.append(toUs);
    std::sort(cuts.begin(), cuts.end());

    QList<PredictionPath> paths;
    for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
        if (cuts.at(i + 1) <= cuts.at(i))
            continue;
        // R in (cut i, cut i+1]: a send exactly at R already finds the entry stale.
        const qint64 reachableUs = cuts.at(i) + 1;
        const NeighbourRun::Outcome nominal = runner.run(reachableUs, false);
        const NeighbourRun::Outcome late = runner.run(reachableUs, true);
        if (!nominal.run.endUs)
            continue;
        const qint64 endUs = *nominal.run.endUs;
        // Late timers can move a transmission across the reachable time and so onto another
        // path: only a late run that ends the same way widens the range.
        const bool lateSamePath = late.run.endUs && late.errnoValue == nominal.errnoValue;
        const qint64 minUs = lateSamePath ? std::min(endUs, *late.run.endUs) : endUs;
        const qint64 maxUs = std::max(lateSamePath ? *late.run.endUs : endUs, endUs + nominal.run.slackUs);
        // Without IP_RECVERR the time of the neighbour error is invisible: paths that end alike are one.
        if (!paths.isEmpty() && paths.last().errnoValue == nominal.errnoValue && paths.last().expectedUs == endUs
            && (!m_input.recvErr || paths.last().neighbourErrorUs == nominal.neighbourErrorUs)) {
            paths.last().reachableToUs = cuts.at(i + 1);
            paths.last().minUs = std::min(paths.last().minUs, minUs);
            paths.last().maxUs = std::max(paths.last().maxUs, maxUs);
            continue;
        }
        PredictionPath path;
        path.reachableFromUs = cuts.at(i);
        path.reachableToUs = cuts.at(i + 1);
        path.mechanism = nominal.run.decidedBy;
        path.errnoValue = nominal.errnoValue;
        path.expectedUs = endUs;
        path.minUs = minUs;
        path.maxUs = maxUs;
        path.neighbourErrorUs = nominal.neighbourErrorUs;
        path.events = nominal.run.events;
        std::stable_sort(path.events.begin(), path.events.end(),
                         [](const ScheduledEvent &a, const ScheduledEvent &b) { return a.atUs < b.atUs; });
        paths.append(path);
    }
    const double rangeUs = double(toUs - fromUs);
    for (PredictionPath &path : paths) {
        path.likelihood = rangeUs > 0 ? double(path.reachableToUs - path.reachableFromUs) / rangeUs : 1.0;
        path.condition = PredictionText::neighbourCondition(path.reachableFromUs, path.reachableToUs, fromUs, toUs);
    }
    return paths;
}

Prediction DetectionPredictor::retransmissionsEndingWith(DeathKind kind, int errnoValue,
                                                         std::optional<qint64> measuredUs) const
{
    Prediction p = retransmissions(kind);
    const PredictionPath *best = nullptr;
    for (const PredictionPath &path : std::as_const(p.paths)) {
        if (path.errnoValue != errnoValue)
            continue;
        if (!best || (measuredUs && std::abs(path.expectedUs - *measuredUs) < std::abs(best->expectedUs - *measuredUs)))
            best = &path;
    }
    if (best)
        takePath(p, *best);
    return p;
}

std::optional<Prediction> DetectionPredictor::neighbourSoftError(DeathKind kind, std::optional<qint64> measuredUs) const
{
    Prediction p = retransmissions(kind);
    const PredictionPath *best = nullptr;
    for (const PredictionPath &path : std::as_const(p.paths)) {
        if (!path.neighbourErrorUs)
            continue;
        if (!best
            || (measuredUs
                && std::abs(*path.neighbourErrorUs - *measuredUs) < std::abs(*best->neighbourErrorUs - *measuredUs)))
            best = &path;
    }
    if (!best)
        return std::nullopt;
    p.mechanism = DetectionMechanism::NeighbourUnreachable;
    p.errnoValue = EHOSTUNREACH;
    p.expectedUs = *best->neighbourErrorUs;
    p.minUs = *best->neighbourErrorUs;
    // The timers on the way may each fire late, as for the path's end.
    p.maxUs = *best->neighbourErrorUs + (best->maxUs - best->expectedUs);
    p.softErrorUs.reset();
    QList<ScheduledEvent> steps;
    for (const ScheduledEvent &e : best->events) {
        if (e.atUs > *best->neighbourErrorUs)
            break;
        if (e.kind != ScheduledEvent::Kind::Detected)
            steps.append(e);
    }
    steps.append({ScheduledEvent::Kind::Detected, *best->neighbourErrorUs, 0});
    p.events = steps;
    return p;
}

Prediction DetectionPredictor::neighbourConnect() const
{
    // connect() to a dead on-link host with no neighbour entry: the SYN waits in the entry's
    // queue while mcast_solicit broadcast probes go out retrans_time apart, then the entry
    // fails and the queued SYN is reported: EHOSTUNREACH in SYN_SENT ends connect() at once.
    // No SYN reaches the wire (TCP-FACTS: 3.07 s with the defaults).
    const NeighbourTimers &n = m_input.neighbour.timers;
    const qint64 retransUs = qint64(n.retransTimeMs) * 1000;
    const qint64 failUs = n.mcastSolicit * retransUs + m_wheel.jiffyUs();
    Prediction p;
    p.kind = DeathKind::ConnectToPoweredOffHost;
    p.mechanism = DetectionMechanism::NeighbourUnreachable;
    p.errnoValue = EHOSTUNREACH;
    p.reference = TimeReference::FirstUnackedSend;
    p.expectedUs = failUs;
    p.minUs = failUs - m_wheel.jiffyUs();
    p.maxUs = failUs + n.mcastSolicit * m_wheel.slackUs(retransUs);
    TimerRun steps;
    steps.add(ScheduledEvent::Kind::Syn, 0);
    for (int i = 0; i < n.mcastSolicit; ++i)
        steps.add(ScheduledEvent::Kind::NeighbourProbe, i * retransUs, i + 1);
    steps.add(ScheduledEvent::Kind::NeighbourFailed, failUs);
    steps.add(ScheduledEvent::Kind::Detected, failUs);
    p.events = steps.events;
    p.explanation = PredictionText::neighbourConnect(n.mcastSolicit, retransUs, failUs);
    return p;
}

Prediction DetectionPredictor::rstAnsweringRetransmission(int number) const
{
    Prediction p = rst();
    const qint64 rttUs = qRound64(m_input.rttMs * 1000);
    const TimerRun plain = RetransmissionTimer(dataTimerSettings(), m_wheel).run(false);
    qint64 sentUs = 0;
    QList<ScheduledEvent> steps;
    int onWire = 0;
    for (const ScheduledEvent &e : plain.events) {
        if (e.kind == ScheduledEvent::Kind::Detected)
            break;
        steps.append(e);
        if (e.kind == ScheduledEvent::Kind::Retransmission || e.kind == ScheduledEvent::Kind::TailLossProbe) {
            sentUs = e.atUs;
            if (++onWire >= number)
                break;
        }
    }
    p.expectedUs = sentUs + rttUs;
    p.minUs = sentUs + rttUs;
    p.maxUs = sentUs + rttUs + plain.slackUs;
    steps.append({ScheduledEvent::Kind::Rst, sentUs + rttUs, 0});
    steps.append({ScheduledEvent::Kind::Detected, sentUs + rttUs, 0});
    p.events = steps;
    p.explanation = PredictionText::rstAnsweringRetransmission(number, sentUs);
    return p;
}

Prediction DetectionPredictor::rstAnsweringKeepaliveProbe() const
{
    if (!m_input.keepalive.enabled)
        return never(DeathKind::PeerRebootedIdle, PredictionText::rebootedIdleNever());
    const qint64 rttUs = qRound64(m_input.rttMs * 1000);
    const qint64 idleUs = qint64(m_input.keepalive.idleS) * 1000000;
    Prediction p;
    p.kind = DeathKind::PeerRebootedIdle;
    p.mechanism = DetectionMechanism::Rst;
    p.errnoValue = ECONNRESET;
    p.reference = TimeReference::LastReceived;
    p.expectedUs = idleUs + rttUs;
    p.minUs = idleUs + rttUs;
    p.maxUs = idleUs + rttUs + m_wheel.slackUs(idleUs);
    p.events = {{ScheduledEvent::Kind::KeepaliveProbe, idleUs, 1},
                {ScheduledEvent::Kind::Rst, idleUs + rttUs, 0},
                {ScheduledEvent::Kind::Detected, idleUs + rttUs, 0}};
    p.explanation = PredictionText::rstAnsweringProbe(idleUs);
    return p;
}

std::optional<Prediction> DetectionPredictor::application(DeathKind kind) const
{
    switch (kind) {
    case DeathKind::IdlePeerPoweredOff:
    case DeathKind::PeerUnpluggedDataInFlight:
    case DeathKind::PeerProcessFrozen:
        return ApplicationKeepalive::predict(m_input.application, kind);
    case DeathKind::PeerRebootedIdle: {
        // The application's own ping is a send: the rebooted peer answers it with an RST.
        std::optional<Prediction> ping = ApplicationKeepalive::predict(m_input.application, kind);
        if (!ping || ping->events.isEmpty() || ping->events.constFirst().kind != ScheduledEvent::Kind::ApplicationPing)
            return std::nullopt;
        const qint64 rttUs = qRound64(m_input.rttMs * 1000);
        const qint64 pingUs = ping->events.constFirst().atUs;
        ping->mechanism = DetectionMechanism::Rst;
        ping->errnoValue = ECONNRESET;
        ping->expectedUs = pingUs + rttUs;
        ping->minUs = pingUs + rttUs;
        ping->maxUs = pingUs + rttUs + 1000000;
        ping->events = {{ScheduledEvent::Kind::ApplicationPing, pingUs, 1},
                        {ScheduledEvent::Kind::Rst, pingUs + rttUs, 0},
                        {ScheduledEvent::Kind::Detected, pingUs + rttUs, 0}};
        ping->explanation = PredictionText::rstAnsweringApplicationPing(pingUs);
        return ping;
    }
    default:
        return std::nullopt;
    }
}

Prediction DetectionPredictor::connectTimeout() const
{
    Prediction p;
    p.kind = DeathKind::ConnectToPoweredOffHost;
    p.reference = TimeReference::FirstUnackedSend;
    p.errnoValue = ETIMEDOUT;
    const RetransmissionTimer timer(synTimerSettings(), m_wheel);
    const TimerRun nominal = timer.run(false);
    takeRuns(p, nominal, timer.run(true));

    PredictionText::SynRetransmissions text;
    text.synRetries = m_input.synRetries;
    text.linearTimeouts = m_input.synLinearTimeouts;
    text.budgetUs = synBudgetUs();
    text.maxRetransmissions = m_input.synRetries + m_input.synLinearTimeouts;
    text.userTimeoutMs = m_input.userTimeoutMs;
    p.explanation = PredictionText::synRetransmissions(text, nominal);
    if (m_input.neighbour.dynamic && m_input.neighbour.timers.mcastSolicit > 0) {
        const Prediction arp = neighbourConnect();
        if (p.expectedUs && *arp.expectedUs < *p.expectedUs)
            return arp;
    }
    return p;
}

Prediction DetectionPredictor::heartbeat(DeathKind kind) const
{
    if (!m_input.heartbeat.enabled)
        return never(kind, PredictionText::idleNever());
    const qint64 intervalUs = msToUs(m_input.heartbeat.intervalMs);
    const int misses = m_input.heartbeat.misses;
    Prediction p;
    p.kind = kind;
    p.mechanism = DetectionMechanism::Heartbeat;
    // HalfOpen's endpoint closes the socket and reports ETIMEDOUT on a heartbeat death.
    p.errnoValue = ETIMEDOUT;
    p.reference = TimeReference::Fault;
    // The first ping after the fault goes out somewhere within one interval; each ping is
    // counted missed one interval later. Expected: the fault half-way between two pings.
    p.minUs = misses * intervalUs;
    p.maxUs = (misses + 1) * intervalUs;
    const qint64 firstPingUs = intervalUs / 2;
    p.expectedUs = firstPingUs + misses * intervalUs;

    TimerRun steps;
    for (int i = 0; i < misses; ++i) {
        steps.add(ScheduledEvent::Kind::HeartbeatPing, firstPingUs + i * intervalUs, i + 1);
        steps.add(ScheduledEvent::Kind::HeartbeatMiss, firstPingUs + (i + 1) * intervalUs, i + 1);
    }
    steps.add(ScheduledEvent::Kind::Detected, *p.expectedUs);
    p.events = steps.events;
    p.explanation = PredictionText::heartbeat(intervalUs, misses, p.minUs, p.maxUs);
    return p;
}

Prediction DetectionPredictor::pingRetransmissions() const
{
    // The connection is not idle: the first ping after the fault is the first unacknowledged
    // send, somewhere within one interval of the fault.
    Prediction p = retransmissions(DeathKind::IdlePeerPoweredOff);
    const qint64 intervalUs = msToUs(m_input.heartbeat.intervalMs);
    const qint64 firstPingUs = intervalUs / 2;
    p.reference = TimeReference::Fault;
    if (p.expectedUs)
        p.expectedUs = *p.expectedUs + firstPingUs;
    p.maxUs += intervalUs;
    for (ScheduledEvent &event : p.events) {
        event.atUs += firstPingUs;
        if (event.kind == ScheduledEvent::Kind::Send)
            event = {ScheduledEvent::Kind::HeartbeatPing, event.atUs, 1};
    }
    for (PredictionPath &path : p.paths) {
        path.expectedUs += firstPingUs;
        path.minUs += firstPingUs;
        path.maxUs += firstPingUs + intervalUs;
        for (ScheduledEvent &event : path.events)
            event.atUs += firstPingUs;
    }
    if (p.softErrorUs)
        p.softErrorUs = *p.softErrorUs + firstPingUs;
    p.explanation = PredictionText::heartbeatPingUnanswered(intervalUs) + p.explanation;
    return p;
}

Prediction DetectionPredictor::never(DeathKind kind, const QString &explanation) const
{
    Prediction p;
    p.kind = kind;
    p.explanation = explanation;
    return p;
}

Prediction DetectionPredictor::fin() const
{
    // Nothing waits on a timer: the FIN leaves when the process dies and arrives after the
    // one-way delay; allow a jiffy for the kernel to get round to it.
    const qint64 oneWayUs = qRound64(m_input.rttMs * 500);
    Prediction p;
    p.kind = DeathKind::PeerProcessKilled;
    p.mechanism = DetectionMechanism::Fin;
    p.errnoValue = EPIPE;
    p.reference = TimeReference::Fault;
    p.expectedUs = oneWayUs;
    p.minUs = oneWayUs;
    p.maxUs = oneWayUs + m_wheel.jiffyUs();
    p.events = {{ScheduledEvent::Kind::Fin, oneWayUs, 0}, {ScheduledEvent::Kind::Detected, oneWayUs, 0}};
    p.explanation = PredictionText::fin();
    return p;
}

Prediction DetectionPredictor::rst() const
{
    const qint64 rttUs = qRound64(m_input.rttMs * 1000);
    Prediction p;
    p.kind = DeathKind::PeerRebooted;
    p.mechanism = DetectionMechanism::Rst;
    p.errnoValue = ECONNRESET;
    p.reference = TimeReference::FirstUnackedSend;
    p.expectedUs = rttUs;
    p.minUs = rttUs;
    p.maxUs = rttUs + m_wheel.jiffyUs();
    p.events = {{ScheduledEvent::Kind::Send, 0, 0},
                {ScheduledEvent::Kind::Rst, rttUs, 0},
                {ScheduledEvent::Kind::Detected, rttUs, 0}};
    p.explanation = PredictionText::rst();
    return p;
}

QList<Prediction> DetectionPredictor::candidates(DeathKind kind) const
{
    const bool heartbeatOn = m_input.heartbeat.enabled;
    const bool keepaliveOn = m_input.keepalive.enabled;
    auto keepaliveNever = [&](const QString &why) {
        Prediction p = never(kind, why);
        p.mechanism = DetectionMechanism::Keepalive;
        return p;
    };

    QList<Prediction> list;
    switch (kind) {
    case DeathKind::IdlePeerPoweredOff:
        if (!heartbeatOn) {
            list << keepalive(kind);
            break;
        }
        list << heartbeat(kind) << pingRetransmissions();
        if (keepaliveOn) {
            // Keepalive can only finish in the quiet time before the next ping.
            const Prediction k = keepalive(kind);
            if (k.expectedUs && *k.expectedUs < msToUs(m_input.heartbeat.intervalMs))
                list << k;
            else
                list << keepaliveNever(PredictionText::keepaliveWaitsForHeartbeat());
        }
        break;
    case DeathKind::PeerUnpluggedDataInFlight:
        list << retransmissions(kind);
        if (heartbeatOn)
            list << heartbeat(kind);
        if (keepaliveOn)
            list << keepaliveNever(PredictionText::keepaliveWaitsForAck());
        break;
    case DeathKind::ConnectToPoweredOffHost:
        list << connectTimeout();
        break;
    case DeathKind::PeerProcessKilled:
        list << fin();
        break;
    case DeathKind::PeerRebooted:
        list << rst();
        break;
    case DeathKind::PeerRebootedIdle:
        if (heartbeatOn) {
            // The next ping is a send: the RST answers it within one interval of the fault.
            Prediction p = rst();
            p.kind = kind;
            p.reference = TimeReference::Fault;
            const qint64 intervalUs = msToUs(m_input.heartbeat.intervalMs);
            p.expectedUs = *p.expectedUs + intervalUs / 2;
            p.minUs += intervalUs / 2;
            p.maxUs += intervalUs;
            for (ScheduledEvent &event : p.events) {
                event.atUs += intervalUs / 2;
                if (event.kind == ScheduledEvent::Kind::Send)
                    event = {ScheduledEvent::Kind::HeartbeatPing, event.atUs, 1};
            }
            p.explanation = PredictionText::heartbeatPingUnanswered(intervalUs) + p.explanation;
            list << p;
        }
        list << rstAnsweringKeepaliveProbe();
        break;
    case DeathKind::PeerProcessFrozen:
        if (heartbeatOn)
            list << heartbeat(kind);
        list << never(kind, PredictionText::frozenNever());
        if (keepaliveOn)
            list << keepaliveNever(PredictionText::keepaliveAnsweredByFrozenPeer());
        break;
    }
    if (std::optional<Prediction> app = application(kind))
        list << *app;
    std::stable_sort(list.begin(), list.end(), [](const Prediction &a, const Prediction &b) {
        if (a.isNever() != b.isNever())
            return b.isNever();
        return !a.isNever() && *a.expectedUs < *b.expectedUs;
    });
    return list;
}

Prediction DetectionPredictor::predict(DeathKind kind) const
{
    return candidates(kind).constFirst();
}

QList<ScheduledEvent> DetectionPredictor::schedule(DeathKind kind) const
{
    return predict(kind).events;
}

QJsonObject DetectionPredictor::toJson() const
{
    QJsonObject json;
    for (DeathKind kind : allDeathKinds()) {
        const QList<Prediction> all = candidates(kind);
        QJsonObject winner = all.constFirst().toJson();
        QJsonArray alternatives;
        for (qsizetype i = 1; i < all.size(); ++i) {
            const QJsonObject full = all.at(i).toJson();
            alternatives.append(QJsonObject{{QStringLiteral("mechanism"), full.value(QStringLiteral("mechanism"))},
                                            {QStringLiteral("seconds"), full.value(QStringLiteral("seconds"))},
                                            {QStringLiteral("reference"), full.value(QStringLiteral("reference"))}});
        }
        winner.insert(QStringLiteral("alternatives"), alternatives);
        if (const std::optional<Prediction> app = application(kind))
            winner.insert(QStringLiteral("application"), app->toJson());
        json.insert(deathKindName(kind), winner);
    }
    return json;
}

} // namespace halfopen::core
