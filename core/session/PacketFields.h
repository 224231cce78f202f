// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/TcpFlags.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::core {

// A packet event's header fields, typed. The cable writes them into the event's detail with
// toDetail (lab/cable's PacketClassifier); whatever reads a packet reads them with of(), one
// decoding of the detail. The detail's names ("direction", "flags", "rel_seq", ...), and so the
// recordings', are spelled here only.
struct PacketFields
{
    Host from = Host::None; // the host that sent it, and the one it was sent to ("direction": "client->server")
    Host to = Host::None;
    std::optional<TcpFlags> flags;      // TCP only
    std::optional<quint32> seq;         // the header's numbers
    std::optional<quint32> ack;         // (whether the ACK flag is set or not)
    std::optional<quint32> relativeSeq; // from the connection's initial sequence numbers
    std::optional<quint32> relativeAck; //
    std::optional<qint64> length;       // TCP payload bytes
    std::optional<int> window;          //
    bool dropped = false;               // seen on the wire, never delivered
    bool aggregated = false;            // bulk frames summed into one event (count: bytes)
    qint64 frames = 0;                  // aggregated: how many

    static PacketFields of(const Event &packet);
    // The fields set, in the detail's names (merged into what the cable adds for ICMP and ARP).
    QJsonObject toDetail() const;
    // "client → server", or "" when the direction is unknown.
    QString directionText(const QString &arrow = QStringLiteral("->")) const;
};

} // namespace halfopen::core
