// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/RetransmissionTimer.h"
#include "core/predict/TimerRun.h"
#include "core/predict/TimerWheel.h"
#include "core/tcp/NeighbourTimers.h"

#include <optional>

namespace halfopen::core {

// The data retransmission timer of RetransmissionTimer played together with the neighbour
// entry of an on-link peer that died, resolved by ARP (kernel 6.18):
//
// - The entry stays REACHABLE for its random reachable time after the last confirmation (the
//   last ACK), then goes STALE (neigh_timer_handler). Sends through a REACHABLE entry do not
//   touch it.
// - The first send through the STALE entry moves it to DELAY; delay_first_probe_time later it
//   sends ucast_solicit unicast probes retrans_time apart (PROBE) and then turns FAILED. Sends
//   in DELAY/PROBE leave with the old address, nothing is queued, so this failure reports
//   nothing to TCP.
// - The next send through the FAILED entry makes it INCOMPLETE and is queued while
//   mcast_solicit broadcast probes go out; then the entry fails again and every queued packet
//   is reported (neigh_invalidate -> arp_error_report -> ipv4_link_failure): a locally built
//   ICMP host unreachable reaches tcp_v4_err. No ICMP crosses the wire.
// - tcp_v4_err keeps EHOSTUNREACH as the soft error (or, with IP_RECVERR, reports it at once
//   and keeps nothing) and, because the error is for snd_una, reverts one step of backoff
//   (tcp_ld_RTO_revert, RFC 6069): the retransmission timer is re-armed for the halved RTO
//   counted from the last retransmission, NOT clamped to TCP_USER_TIMEOUT — the timer that
//   makes a 60 s user timeout end at ~78 s — or, when that time has passed, retransmits now.
// - When the budget or the user timeout runs out, tcp_write_err reports the soft error if one
//   is kept (EHOSTUNREACH), else ETIMEDOUT.
//
// Times are from the first unacknowledged send; the entry's last confirmation is taken there.
class NeighbourRun
{
public:
    struct Outcome
    {
        TimerRun run;                           // Send, TLP, retransmissions, neighbour probes, Detected
        int errnoValue = 0;                     // ETIMEDOUT or EHOSTUNREACH
        std::optional<qint64> neighbourErrorUs; // the first local EHOSTUNREACH reported to TCP
        std::optional<qint64> staleUseUs;       // the send that found the entry stale
    };

    NeighbourRun(const RetransmissionTimer::Settings &settings, const NeighbourTimers &neighbour, bool recvErr,
                 const TimerWheel &wheel);

    Outcome run(qint64 reachableUs, bool late) const;

    // The times data leaves (send, TLP, retransmissions) while the neighbour entry still
    // works: where the outcome can change as the reachable time grows.
    QList<qint64> transmissionTimes() const;

private:
    RetransmissionTimer::Settings m_settings;
    NeighbourTimers m_neighbour;
    bool m_recvErr;
    TimerWheel m_wheel;
};

} // namespace halfopen::core
