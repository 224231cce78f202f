// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/RetransmissionTimer.h"

#include <algorithm>

namespace halfopen::core {

namespace {
// A user timeout of 24 days at a 1 s RTO max is ~2 million timer runs: still quick, but stop
// somewhere should the settings be nonsense.
constexpr int kMaxTimerRuns = 4000000;
} // namespace

RetransmissionTimer::RetransmissionTimer(const Settings &settings, const TimerWheel &wheel)
    : m_settings(settings)
    , m_wheel(wheel)
{ }

bool RetransmissionTimer::timedOut(qint64 nowUs, qint64 clockStartUs, int retransmissions) const
{
    if (m_settings.syn && retransmissions >= m_settings.maxRetransmissions)
        return true;
    if (retransmissions == 0) // retransmits_timed_out() needs one retransmission first
        return false;
    const qint64 limitUs = m_settings.userTimeoutUs > 0 ? m_settings.userTimeoutUs : m_settings.budgetUs;
    return nowUs - clockStartUs >= limitUs;
}

TimerRun RetransmissionTimer::run(bool late) const
{
    using Kind = ScheduledEvent::Kind;
    TimerRun run;
    auto lateUs = [&](qint64 delayUs) { return late ? m_wheel.slackUs(delayUs) : 0; };

    qint64 nowUs = 0;
    qint64 clockStartUs = 0;
    if (m_settings.syn) {
        run.add(Kind::Syn, 0);
    } else {
        run.add(Kind::Send, 0);
        nowUs = m_settings.tailLossProbeUs + lateUs(m_settings.tailLossProbeUs);
        run.slackUs += m_wheel.slackUs(m_settings.tailLossProbeUs);
        run.add(Kind::TailLossProbe, nowUs);
    }

    qint64 rtoUs = m_settings.firstRtoUs;
    qint64 delayUs = rtoUs;
    int retransmissions = 0;
    for (int runs = 0; runs < kMaxTimerRuns; ++runs) {
        nowUs += delayUs + lateUs(delayUs);
        run.slackUs += m_wheel.slackUs(delayUs);
        if (timedOut(nowUs, clockStartUs, retransmissions)) {
            run.endUs = nowUs;
            run.attempts = retransmissions;
            const bool byUserTimeout
                = m_settings.userTimeoutUs > 0 && !(m_settings.syn && retransmissions >= m_settings.maxRetransmissions);
            run.decidedBy = byUserTimeout ? DetectionMechanism::UserTimeout
                : m_settings.syn          ? DetectionMechanism::SynTimeout
                                          : DetectionMechanism::RetransmissionTimeout;
            run.add(Kind::Detected, nowUs);
            return run;
        }
        ++retransmissions;
        if (retransmissions == 1 && !m_settings.syn)
            clockStartUs = nowUs; // retrans_stamp: the first timeout retransmission
        run.add(m_settings.syn ? Kind::SynRetransmission : Kind::Retransmission, nowUs, retransmissions);

        if (!m_settings.syn || retransmissions > m_settings.linearTimeouts)
            rtoUs = std::min(rtoUs * 2, m_settings.rtoMaxUs);
        delayUs = rtoUs;
        if (m_settings.userTimeoutUs > 0) {
            // tcp_clamp_rto_to_user_timeout(): never sleep past the user timeout; at least a jiffy.
            const qint64 remainingUs = m_settings.userTimeoutUs - (nowUs - clockStartUs);
            delayUs = remainingUs <= 0 ? m_wheel.jiffyUs() : std::min(rtoUs, m_wheel.roundUpUs(remainingUs));
        }
    }
    run.attempts = retransmissions;
    return run;
}

} // namespace halfopen::core
