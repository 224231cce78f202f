// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/LabWorld.h"
#include "lab/scenario/Detection.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <deque>
#include <limits>
#include <optional>

namespace halfopen::lab {

// A fault as the lab reported it (not as the scenario asked for it).
struct FaultRecord
{
    qint64 tUs = 0;
    QString fault;
    core::Host host = core::Host::None;
};

// Finds the detections in a time-ordered event stream and the moments they count from, one
// event at a time: what it keeps is per flow, not per event, so feeding a long run costs the
// same per event at its end as at its start.
//
// A detection is a fatal `error` event of a lab host, an EOF, a heartbeat "dead" (merged with
// the error the endpoint reports for it), or the first soft error per host and errno after
// each fault. Reference points, each on the detection's own connection:
// - fault: the last `fault` event at or before the detection, or the last manual marker
//   ("I pulled the cable now") when there is one;
// - last_received: detection − the error's detail.since_last_received_ms (tcp_info's last ACK
//   received); without it, the last packet the cable delivered to the host from its peer,
//   RSTs and ICMP errors aside;
// - first_unacked_send: the first segment needing an ACK (SYN, data, retransmission, heartbeat
//   frame, FIN) the host sent beyond the highest ACK number its peer got through to it.
class DetectionFinder
{
public:
    DetectionFinder() = default;
    // Feeds every event up to `endUs` (verdict events are ignored).
    DetectionFinder(const QList<core::Event> &events, qint64 endUs);

    // Events in time order; a detection's references are taken from what was fed before it.
    void feed(const core::Event &event);

    const QList<FaultRecord> &faults() const { return m_faults; }
    const QList<Detection> &detections() const { return m_detections; }

private:
    // A segment that waits for its ACK: its time and the sequence number just past it
    // (none for frames without sequence numbers: any later ACK on the flow covers those).
    struct Send
    {
        qint64 tUs = 0;
        std::optional<quint32> end;
        bool retransmission = false;
    };
    // One direction pair as a host sees it: "its address|its peer's address".
    struct Flow
    {
        QString local;
        QString remote;
        std::optional<quint32> highestAck;
        qint64 lastAckAt = std::numeric_limits<qint64>::min();
        std::optional<qint64> lastReceivedUs;
        std::deque<Send> unacked;         // in time order; the front is the first not yet covered
        std::optional<qint64> lastSentUs; // the last segment sent that is not a bare ACK or RST
        QString lastSentClass;
        bool covers(const Send &send) const;
        void dropCovered();
    };

    void feedPacket(const core::Event &event);
    void addError(const core::Event &event);
    void addHeartbeatDeath(const core::Event &event);
    bool mergeHeartbeat(const core::Event &event);
    void fillReferences(Detection *detection) const;
    Flow &flow(core::Host host, const QString &key, const QString &local, const QString &remote);

    // The latest RTT (tcpi_rtt) of a host's connections, now and as it was at each fault.
    struct RttSeen
    {
        std::optional<double> latestMs;      // of any connection
        QHash<QString, double> byConnection; // "local|remote" -> ms
    };

    QList<FaultRecord> m_faults;
    QHash<core::Host, RttSeen> m_rtt;               // host ->
    QList<QHash<core::Host, RttSeen>> m_rttAtFault; // m_rtt when m_faults[i] came
    std::optional<qsizetype> m_lastMarker;          // index in m_faults
    QList<Detection> m_detections;
    QSet<std::pair<int, int>> m_softSinceFault;      // host, errno already reported since the last fault
    LabWorld m_world;                                // whether a frame came out at the other end
    QHash<core::Host, QHash<QString, Flow>> m_flows; // host -> "local|remote" -> flow
};

} // namespace halfopen::lab
