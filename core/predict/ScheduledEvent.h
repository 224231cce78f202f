// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace halfopen::core {

// One step a prediction expects on the wire or in the application, at a time measured from
// the prediction's reference point. The GUI draws these on the timeline.
struct ScheduledEvent
{
    enum class Kind : quint8 {
        Send,              // the first unacknowledged data segment
        TailLossProbe,     // TLP: retransmission of the tail before the RTO; does not count
        Retransmission,    // a timeout retransmission of data
        Syn,               // the first SYN of connect()
        SynRetransmission, // a timeout retransmission of the SYN
        KeepaliveProbe,    // an unanswered keepalive probe
        HeartbeatPing,     // an application ping that goes unanswered
        HeartbeatMiss,     // the application counts a missed answer
        Fin,               // the peer's FIN arrives
        Rst,               // the peer's RST arrives
        Detected,          // the application learns of the death (error or end of stream)
        // Appended, so the numbering of the others stays:
        NeighbourProbe,  // an ARP/ND probe for the next hop (unicast in PROBE, broadcast in INCOMPLETE)
        NeighbourFailed, // the neighbour entry turned FAILED; with a packet queued, a local EHOSTUNREACH
        ApplicationPing, // the application protocol's keepalive (MQTT PINGREQ, AMQP heartbeat frame)
    };

    Kind kind = Kind::Detected;
    qint64 atUs = 0;
    int number = 0; // 1-based count within its kind (probe 1, 2, ...), 0 where it does not apply

    QJsonObject toJson() const;
    bool operator==(const ScheduledEvent &) const = default;
};

// Stable snake_case names for JSON ("keepalive_probe", "syn_retransmission").
QString scheduledEventKindName(ScheduledEvent::Kind kind);

} // namespace halfopen::core
