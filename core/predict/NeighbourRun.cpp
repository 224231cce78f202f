// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/NeighbourRun.h"

#include <algorithm>
#include <cerrno>
#include <limits>

namespace halfopen::core {

namespace {
constexpr int kMaxSteps = 200000;
constexpr qint64 kNever = std::numeric_limits<qint64>::max();

enum class Nud { Reachable, Stale, Delay, Probe, Failed, Incomplete };
} // namespace

NeighbourRun::NeighbourRun(const RetransmissionTimer::Settings &settings, const NeighbourTimers &neighbour,
                           bool recvErr, const TimerWheel &wheel)
    : m_settings(settings)
    , m_neighbour(neighbour)
    , m_recvErr(recvErr)
    , m_wheel(wheel)
{ }

QList<qint64> NeighbourRun::transmissionTimes() const
{
    QList<qint64> times{0};
    const TimerRun plain = RetransmissionTimer(m_settings, m_wheel).run(false);
    for (const ScheduledEvent &e : plain.events) {
        if (e.kind == ScheduledEvent::Kind::TailLossProbe || e.kind == ScheduledEvent::Kind::Retransmission)
            times.append(e.atUs);
    }
    return times;
}

NeighbourRun::Outcome NeighbourRun::run(qint64 reachableUs, bool late) const
{
    using Kind = ScheduledEvent::Kind;
    Outcome out;
    TimerRun &run = out.run;
    auto lateUs = [&](qint64 delayUs) { return late ? m_wheel.slackUs(delayUs) : 0; };
    const qint64 retransUs = qint64(m_neighbour.retransTimeMs) * 1000;
    const qint64 delayProbeUs = qint64(m_neighbour.delayFirstProbeMs) * 1000;

    Nud nud = Nud::Reachable;
    qint64 nudTimerUs = kNever;
    int queued = 0;
    bool softError = false;
    int backoff = 0;
    int retransmissions = 0;
    qint64 clockStartUs = 0;
    qint64 lastSendUs = 0;
    int probes = 0;

    // A packet leaves through the neighbour entry at `t`.
    auto output = [&](qint64 t) {
        if (nud == Nud::Reachable && t >= reachableUs)
            nud = Nud::Stale; // the REACHABLE timer ran out at reachableUs
        switch (nud) {
        case Nud::Stale:
            nud = Nud::Delay;
            nudTimerUs = t + m_wheel.roundUpUs(delayProbeUs);
            if (!out.staleUseUs)
                out.staleUseUs = t;
            break;
        case Nud::Failed:
            if (m_neighbour.mcastSolicit == 0)
                break; // dropped without a report (__neigh_event_send with no probes to send)
            nud = Nud::Incomplete;
            queued = 1;
            for (int i = 0; i < m_neighbour.mcastSolicit; ++i)
                run.add(Kind::NeighbourProbe, t + i * retransUs, ++probes);
            nudTimerUs = t + m_neighbour.mcastSolicit * retransUs;
            break;
        case Nud::Incomplete:
            ++queued;
            break;
        default:
            break;
        }
    };
    auto rto = [&](int b) {
        qint64 r = m_settings.firstRtoUs;
        for (int i = 0; i < b && r < m_settings.rtoMaxUs; ++i)
            r *= 2;
        return std::min(r, m_settings.rtoMaxUs);
    };
    auto timedOut = [&](qint64 t) {
        if (retransmissions == 0)
            return false;
        const qint64 limitUs = m_settings.userTimeoutUs > 0 ? m_settings.userTimeoutUs : m_settings.budgetUs;
        return t - clockStartUs >= limitUs;
    };

    run.add(Kind::Send, 0);
    output(0);
    qint64 rtxUs = m_settings.tailLossProbeUs + lateUs(m_settings.tailLossProbeUs);
    bool tlpPending = true;
    run.slackUs += m_wheel.slackUs(m_settings.tailLossProbeUs);

    for (int step = 0; step < kMaxSteps; ++step) {
        if (nudTimerUs <= rtxUs) {
            const qint64 t = nudTimerUs;
            nudTimerUs = kNever;
            if (nud == Nud::Delay) {
                // PROBE: ucast_solicit unicast probes, then FAILED with nothing queued.
                nud = Nud::Probe;
                for (int i = 0; i < m_neighbour.ucastSolicit; ++i)
                    run.add(Kind::NeighbourProbe, t + i * retransUs, ++probes);
                nudTimerUs = t + m_neighbour.ucastSolicit * retransUs;
            } else if (nud == Nud::Probe) {
                nud = Nud::Failed;
                run.add(Kind::NeighbourFailed, t);
            } else if (nud == Nud::Incomplete) {
                nud = Nud::Failed;
                run.add(Kind::NeighbourFailed, t);
                for (int i = 0; i < queued; ++i) {
                    if (!out.neighbourErrorUs)
                        out.neighbourErrorUs = t;
                    if (!m_recvErr)
                        softError = true;
                    // tcp_ld_RTO_revert(): one step of backoff back, re-armed unclamped.
                    if (retransmissions > 0 && backoff > 0) {
                        --backoff;
                        const qint64 remainingUs = rto(backoff) - (t - lastSendUs);
                        rtxUs = remainingUs > 0 ? t + remainingUs + lateUs(remainingUs) : t;
                        // This timer may land on a coarse wheel level: a 23 s timer fires up to 2 s late.
                        if (remainingUs > 0)
                            run.slackUs += m_wheel.slackUs(remainingUs);
                        tlpPending = false;
                    }
                }
                queued = 0;
            }
            continue;
        }
        const qint64 t = rtxUs;
        if (tlpPending) {
            tlpPending = false;
            run.add(Kind::TailLossProbe, t);
            output(t);
            const qint64 delayUs = m_settings.firstRtoUs;
            rtxUs = t + delayUs + lateUs(delayUs);
            run.slackUs += m_wheel.slackUs(delayUs);
            continue;
        }
        if (timedOut(t)) {
            run.endUs = t;
            run.attempts = retransmissions;
            out.errnoValue = softError ? EHOSTUNREACH : ETIMEDOUT;
            run.decidedBy = softError          ? DetectionMechanism::NeighbourUnreachable
                : m_settings.userTimeoutUs > 0 ? DetectionMechanism::UserTimeout
                                               : DetectionMechanism::RetransmissionTimeout;
            run.add(Kind::Detected, t);
            return out;
        }
        ++retransmissions;
        if (retransmissions == 1)
            clockStartUs = t;
        ++backoff;
        lastSendUs = t;
        run.add(Kind::Retransmission, t, retransmissions);
        output(t);
        const qint64 r = rto(backoff);
        qint64 delayUs = r;
        if (m_settings.userTimeoutUs > 0) {
            // tcp_clamp_rto_to_user_timeout()
            const qint64 remainingUs = m_settings.userTimeoutUs - (t - clockStartUs);
            delayUs = remainingUs <= 0 ? m_wheel.jiffyUs() : std::min(r, m_wheel.roundUpUs(remainingUs));
        }
        rtxUs = t + delayUs + lateUs(delayUs);
        run.slackUs += m_wheel.slackUs(delayUs);
    }
    return out;
}

} // namespace halfopen::core
