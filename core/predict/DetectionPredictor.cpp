#include "core/predict/DetectionPredictor.h"

#include "core/predict/KeepaliveTimer.h"
#include "core/predict/PredictionText.h"
#include "core/predict/RetransmissionBudget.h"

#include <QJsonArray>

#include <algorithm>
#include <cerrno>

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
{
}

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
    return RetransmissionBudget::timeoutUs(m_input.synRetries, RetransmissionBudget::kSynRtoUs, msToUs(m_input.rtoMaxMs));
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
    return p;
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
    case DeathKind::PeerProcessFrozen:
        if (heartbeatOn)
            list << heartbeat(kind);
        list << never(kind, PredictionText::frozenNever());
        if (keepaliveOn)
            list << keepaliveNever(PredictionText::keepaliveAnsweredByFrozenPeer());
        break;
    }
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
        json.insert(deathKindName(kind), winner);
    }
    return json;
}

} // namespace halfopen::core
