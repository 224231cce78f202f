// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/DeathKind.h"
#include "core/predict/Prediction.h"
#include "core/predict/PredictionInput.h"
#include "core/predict/RetransmissionTimer.h"
#include "core/predict/TimerWheel.h"

#include <QList>
#include <optional>

namespace halfopen::core {

// When, how and with which errno the side described by PredictionInput learns that its peer
// died, for each kind of death, by the kernel's rules as TCP-FACTS.md states them.
//
// Several mechanisms may be configured; the fastest wins. To rank them the reference points
// are taken to coincide with the fault (the idle connection's last packet came just before it,
// the unacknowledged data went out at the fault). A heartbeat changes the picture: its pings
// are data, so after the fault something is always unacknowledged, keepalive waits, and the
// retransmission timer runs on the first unanswered ping.
class DetectionPredictor
{
public:
    explicit DetectionPredictor(const PredictionInput &input);

    const PredictionInput &input() const { return m_input; }

    // The fastest mechanism for this kind of death.
    Prediction predict(DeathKind kind) const;
    // Every mechanism that could notice, fastest first, "never" last.
    QList<Prediction> candidates(DeathKind kind) const;
    // The steps the winner expects on the way (probes, retransmissions, pings), for drawing.
    QList<ScheduledEvent> schedule(DeathKind kind) const;
    // One key per kind of death: the winner's Prediction::toJson() plus "alternatives", the
    // other candidates as {"mechanism", "seconds", "reference"}.
    QJsonObject toJson() const;

    // Building blocks, each timed from its own reference point.
    Prediction keepalive(DeathKind kind) const;       // idle connection, from the last packet received
    Prediction retransmissions(DeathKind kind) const; // data unacknowledged, from its first send
    Prediction connectTimeout() const;                // SYN unanswered, from connect()
    Prediction heartbeat(DeathKind kind) const;       // from the fault
    // The application protocol's keepalive (PredictionInput::application), from the last
    // packet received; nullopt without a protocol or for a death it cannot see.
    std::optional<Prediction> application(DeathKind kind) const;

    // With dynamic ARP the retransmissions end on one of several paths (Prediction::paths);
    // this is the one that gives `errnoValue` (EHOSTUNREACH: the neighbour failed first), the
    // nearest to `measuredUs` (from the first unacknowledged send) when several do. Without
    // dynamic ARP, retransmissions(kind).
    Prediction retransmissionsEndingWith(DeathKind kind, int errnoValue, std::optional<qint64> measuredUs = {}) const;
    // IP_RECVERR with dynamic ARP: the non-fatal EHOSTUNREACH (neighbour_unreachable) reported
    // when the neighbour first fails, from the first unacknowledged send; nullopt when no path
    // has one.
    std::optional<Prediction> neighbourSoftError(DeathKind kind, std::optional<qint64> measuredUs = {}) const;
    // A peer rebooted while our data waited: its RST answers the `number`th retransmission on
    // the wire (1-based, the tail-loss probe counted, as a capture shows them), ECONNRESET one
    // RTT after the timer sends it; from the first unacknowledged send.
    Prediction rstAnsweringRetransmission(int number) const;
    // A rebooted peer found by a keepalive probe: ECONNRESET one RTT after the first probe, from
    // the last packet received; never without keepalive (until the application sends).
    Prediction rstAnsweringKeepaliveProbe() const;

    // The connection's first RTO: RTT + RTO min, in whole jiffies (tcpi_rto 204 ms on a LAN).
    qint64 firstRtoUs() const;
    // The tail-loss probe for one segment in flight: 2 × RTT + RTO min, at most the RTO.
    qint64 tailLossProbeUs() const;
    // tcp_model_timeout for tcp_retries2 (12.6 s for 5, 924.6 s for 15).
    qint64 retransmissionBudgetUs() const;
    // tcp_model_timeout for tcp_syn_retries with a 1 s base (7 s for 2, 127 s for 6).
    qint64 synBudgetUs() const;

private:
    RetransmissionTimer::Settings dataTimerSettings() const;
    RetransmissionTimer::Settings synTimerSettings() const;
    Prediction pingRetransmissions() const;
    Prediction never(DeathKind kind, const QString &explanation) const;
    Prediction fin() const;
    Prediction rst() const;
    QList<PredictionPath> neighbourPaths() const;
    Prediction neighbourConnect() const;
    static void takePath(Prediction &p, const PredictionPath &path);

    PredictionInput m_input;
    TimerWheel m_wheel;
};

} // namespace halfopen::core
