// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimerRun.h"
#include "core/predict/TimerWheel.h"
#include "core/tcp/SocketOptions.h"

namespace halfopen::core {

// tcp_keepalive_timer() on an idle connection whose peer is gone, timed from the last packet
// received. The first probe goes out after `idle`, then one every `interval`. Without a user
// timeout the kernel gives up when `count` probes are unanswered (at idle + count × interval);
// with TCP_USER_TIMEOUT it gives up at the first check where the idle time has reached the
// user timeout and at least one probe was sent, ignoring `count`.
class KeepaliveTimer
{
public:
    KeepaliveTimer(const KeepaliveSettings &keepalive, int userTimeoutMs, const TimerWheel &wheel);

    // late: every timer fires as late as the wheel allows (the other edge of the range).
    TimerRun run(bool late) const;

private:
    KeepaliveSettings m_keepalive;
    qint64 m_userTimeoutUs;
    TimerWheel m_wheel;
};

} // namespace halfopen::core
