// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/TimerWheel.h"

namespace halfopen::core {

namespace {
constexpr int kLevelBits = 6;       // LVL_BITS: 64 slots a level
constexpr int kLevelClockShift = 3; // LVL_CLK_SHIFT: each level 8 times coarser
constexpr int kLevels = 9;
} // namespace

TimerWheel::TimerWheel(int hz)
    : m_hz(hz > 0 ? hz : kDefaultHz)
{ }

qint64 TimerWheel::jiffyUs() const
{
    return 1000000 / m_hz;
}

qint64 TimerWheel::roundUpUs(qint64 us) const
{
    const qint64 jiffy = jiffyUs();
    if (us <= 0)
        return 0;
    return (us + jiffy - 1) / jiffy * jiffy;
}

qint64 TimerWheel::slackUs(qint64 delayUs) const
{
    const qint64 jiffies = roundUpUs(delayUs) / jiffyUs();
    // calc_wheel_index(): a timer goes to level n when its delta is below LVL_START(n + 1)
    // = 63 << (3 n) jiffies, and that level has a granule of 1 << (3 n) jiffies.
    for (int level = 0; level < kLevels - 1; ++level) {
        const qint64 nextLevelStart = qint64((1 << kLevelBits) - 1) << (level * kLevelClockShift);
        if (jiffies < nextLevelStart)
            return (qint64(1) << (level * kLevelClockShift)) * jiffyUs();
    }
    return (qint64(1) << ((kLevels - 1) * kLevelClockShift)) * jiffyUs();
}

} // namespace halfopen::core
