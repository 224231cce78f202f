// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/KeepaliveTimer.h"

#include <algorithm>
#include <limits>

namespace halfopen::core {

KeepaliveTimer::KeepaliveTimer(const KeepaliveSettings &keepalive, int userTimeoutMs, const TimerWheel &wheel)
    : m_keepalive(keepalive)
    , m_userTimeoutUs(wheel.roundUpUs(qint64(userTimeoutMs) * 1000)) // msecs_to_jiffies
    , m_wheel(wheel)
{ }

TimerRun KeepaliveTimer::run(bool late) const
{
    TimerRun run;
    if (!m_keepalive.enabled)
        return run;

    const qint64 idleUs = qint64(m_keepalive.idleS) * 1000000;
    const qint64 intervalUs = qint64(m_keepalive.intervalS) * 1000000;
    const qint64 firstLateUs = late ? m_wheel.slackUs(idleUs) : 0;
    const qint64 stepUs = intervalUs + (late ? m_wheel.slackUs(intervalUs) : 0);

    // Timer firing k (0-based) happens at idle + k × interval; each firing either sends a
    // probe or gives up. Closed form, because a user timeout of days means millions of probes.
    qint64 lastFiring = m_keepalive.count;
    if (m_userTimeoutUs > 0) {
        const qint64 shortOfTimeout = m_userTimeoutUs - idleUs - firstLateUs;
        lastFiring = std::max<qint64>(1, shortOfTimeout <= 0 ? 1 : (shortOfTimeout + stepUs - 1) / stepUs);
    }
    auto firingUs = [&](qint64 k) { return idleUs + firstLateUs + k * stepUs; };

    for (qint64 k = 0; k < lastFiring && k < TimerRun::kMaxEvents; ++k)
        run.add(ScheduledEvent::Kind::KeepaliveProbe, firingUs(k), int(k + 1));
    run.endUs = firingUs(lastFiring);
    run.attempts = int(std::min<qint64>(lastFiring, std::numeric_limits<int>::max()));
    run.slackUs = m_wheel.slackUs(idleUs) + lastFiring * m_wheel.slackUs(intervalUs);
    run.decidedBy = DetectionMechanism::Keepalive;
    run.add(ScheduledEvent::Kind::Detected, *run.endUs);
    return run;
}

} // namespace halfopen::core
