#pragma once

#include "core/session/Event.h"
#include "lab/scenario/Detection.h"

#include <QList>
#include <QSet>

namespace halfopen::lab {

// A fault as the lab reported it (not as the scenario asked for it).
struct FaultRecord {
    qint64 tUs = 0;
    QString fault;
    QString host;
};

// Finds the detections in a time-ordered event stream and the moments they count from.
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
    // Events after `endUs` and verdict events are ignored.
    DetectionFinder(const QList<core::Event> &events, qint64 endUs);

    const QList<FaultRecord> &faults() const { return m_faults; }
    const QList<Detection> &detections() const { return m_detections; }

private:
    void addError(const core::Event &event);
    void addHeartbeatDeath(const core::Event &event);
    bool mergeHeartbeat(const core::Event &event);
    void fillReferences(const QList<core::Event> &events, qint64 endUs);

    QList<FaultRecord> m_faults;
    QList<Detection> m_detections;
    QSet<QString> m_softSinceFault; // host|errno already reported since the last fault
};

} // namespace halfopen::lab
