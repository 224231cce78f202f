// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/PacketFields.h"

#include <QString>
#include <optional>

namespace halfopen::lab {

struct LabWorld;

// How the scenario runner reads a `packet` event of the virtual cable (lab/cable's
// PacketClassifier): `what` is the class (syn, syn-ack, data, ack, keepalive-probe,
// keepalive-ack, retransmission, fin, rst, icmp-unreachable, heartbeat-ping, heartbeat-pong),
// `host` the host that sent it, local/remote the sender's and receiver's "ip:port", and detail
// direction ("client->server"), flags (tcpdump notation), seq, ack and len. Frames are
// captured as they enter the cable, before a cut, a loss or a NAT drops them.
class CablePacket
{
public:
    // The fields are the packet's own (core::PacketFields::of), read once by the caller.
    static core::Host sender(const core::Event &packet);
    static core::Host sender(const core::Event &packet, const core::PacketFields &fields);
    static core::Host receiver(const core::Event &packet, const core::PacketFields &fields);
    // Came out at the other end: not marked dropped and the cable was not cut that way when it
    // entered.
    static bool delivered(const core::Event &packet, const core::PacketFields &fields, const LabWorld &world);
    // Occupies sequence space and waits for an ACK: SYN, data and its retransmissions,
    // heartbeat frames, FIN.
    static bool needsAck(const core::Event &packet);
    // Tells the receiver its peer is alive and acknowledges what it sent before: anything but
    // an RST (which says "no such connection", not "received") or an ICMP error.
    static bool acknowledges(const core::Event &packet);
    // The sequence number just past this segment (seq + len, + 1 for SYN and for FIN);
    // nullopt without sequence numbers.
    static std::optional<quint32> sequenceEnd(const core::Event &packet, const core::PacketFields &fields);
    // The acknowledgement number when the ACK flag is set.
    static std::optional<quint32> ackNumber(const core::PacketFields &fields);
    // "sender|receiver" addresses: a flow as its sender sees it.
    static QString flowFromSender(const core::Event &packet);
    static QString flowFromReceiver(const core::Event &packet);
};

} // namespace halfopen::lab
