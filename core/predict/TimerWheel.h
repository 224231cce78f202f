// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace halfopen::core {

// The kernel's clock for TCP timers at a given HZ: timers are armed in whole jiffies and the
// timer wheel fires them late by up to one granule of the level they land on (kernel/time/
// timer.c: 64 slots a level, each level 8 times coarser). At HZ 250 that is 4 ms under 252 ms,
// 32 ms under 2 s, 256 ms under 16 s, 2 s under 129 s (TCP-FACTS caveat 1).
class TimerWheel
{
public:
    static constexpr int kDefaultHz = 250;

    explicit TimerWheel(int hz = kDefaultHz);

    int hz() const { return m_hz; }
    qint64 jiffyUs() const;

    // usecs_to_jiffies()/msecs_to_jiffies(): round up to a whole jiffy.
    qint64 roundUpUs(qint64 us) const;

    // How late a timer armed `delayUs` ahead may fire: the granule of its wheel level.
    qint64 slackUs(qint64 delayUs) const;

private:
    int m_hz;
};

} // namespace halfopen::core
