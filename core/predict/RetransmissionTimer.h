// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimerRun.h"
#include "core/predict/TimerWheel.h"

namespace halfopen::core {

// tcp_retransmit_timer() + tcp_write_timeout() for a segment nobody acknowledges, timed from
// its first transmission: the data segment of an established connection or connect()'s SYN.
//
// Data: a tail-loss probe goes first and does not count; the first timeout retransmission
// starts the clock (retrans_stamp). Before each retransmission the kernel gives up when the
// time since that clock start reaches the budget (tcp_model_timeout for tcp_retries2) or, with
// TCP_USER_TIMEOUT, the user timeout, whose last timer is shortened to fit
// (tcp_clamp_rto_to_user_timeout). RTO doubles after each retransmission up to RTO max.
//
// SYN: the clock starts at the first SYN; the RTO stays at 1 s for the first
// tcp_syn_linear_timeouts retransmissions (plus one: the kernel doubles only once more than
// that many were sent), and the kernel also gives up after tcp_syn_retries +
// tcp_syn_linear_timeouts retransmissions.
class RetransmissionTimer
{
public:
    struct Settings
    {
        bool syn = false;
        qint64 firstRtoUs = 0;
        qint64 rtoMaxUs = 0;
        qint64 tailLossProbeUs = 0; // data only: when the TLP fires after the send
        qint64 budgetUs = 0;        // tcp_model_timeout for the boundary
        qint64 userTimeoutUs = 0;   // 0: off
        int maxRetransmissions = 0; // SYN only: the count limit
        int linearTimeouts = 0;     // SYN only
    };

    RetransmissionTimer(const Settings &settings, const TimerWheel &wheel);

    // late: every timer fires as late as the wheel allows (the other edge of the range).
    TimerRun run(bool late) const;

private:
    bool timedOut(qint64 nowUs, qint64 clockStartUs, int retransmissions) const;

    Settings m_settings;
    TimerWheel m_wheel;
};

} // namespace halfopen::core
