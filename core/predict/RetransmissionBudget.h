// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace halfopen::core {

// tcp_model_timeout(): how long retransmissions may go on before the kernel gives up, as
// "boundary" retransmissions with RTO doubling from `baseUs`, capped at RTO max:
//   thresh = ilog2(rtoMax / base)
//   timeout = ((2 << min(boundary, thresh)) - 1) × base + max(0, boundary - thresh) × rtoMax
// For established sockets the base is TCP_RTO_MIN (200 ms) whatever the connection's real RTO
// and boundary is tcp_retries2: 5 → 12.6 s, 15 → 924.6 s. For SYN_SENT the base is the initial
// RTO (1 s) and boundary tcp_syn_retries.
class RetransmissionBudget
{
public:
    static constexpr qint64 kRtoMinUs = 200000;    // TCP_RTO_MIN (HZ / 5)
    static constexpr qint64 kSynRtoUs = 1000000;   // TCP_TIMEOUT_INIT
    static constexpr qint64 kRtoMaxUs = 120000000; // TCP_RTO_MAX (sysctl tcp_rto_max_ms)

    static int linearBackoffThreshold(qint64 baseUs, qint64 rtoMaxUs);
    static qint64 timeoutUs(int boundary, qint64 baseUs, qint64 rtoMaxUs);
};

} // namespace halfopen::core
