// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/CablePacket.h"

#include "lab/LabWorld.h"

namespace halfopen::lab {

using core::Event;
using core::PacketFields;
using core::TcpFlags;

core::Host CablePacket::sender(const Event &packet)
{
    return packet.host == core::Host::None ? PacketFields::of(packet).from : packet.host;
}

core::Host CablePacket::sender(const Event &packet, const PacketFields &fields)
{
    return packet.host == core::Host::None ? fields.from : packet.host;
}

core::Host CablePacket::receiver(const Event &packet, const PacketFields &fields)
{
    return fields.to == core::Host::None ? core::peerOf(sender(packet, fields)).value_or(core::Host::None) : fields.to;
}

bool CablePacket::delivered(const Event &packet, const PacketFields &fields, const LabWorld &world)
{
    return !fields.dropped && world.delivers(sender(packet, fields), receiver(packet, fields));
}

bool CablePacket::needsAck(const Event &packet)
{
    switch (packet.packetClass().value_or(core::PacketClass::Other)) {
    case core::PacketClass::Syn:
    case core::PacketClass::SynAck:
    case core::PacketClass::Data:
    case core::PacketClass::Retransmission:
    case core::PacketClass::TailLossProbe:
    case core::PacketClass::HeartbeatPing:
    case core::PacketClass::HeartbeatPong:
    case core::PacketClass::Fin:
        return true;
    default:
        return false;
    }
}

bool CablePacket::acknowledges(const Event &packet)
{
    switch (packet.packetClass().value_or(core::PacketClass::Ack)) {
    case core::PacketClass::Rst:
    case core::PacketClass::IcmpUnreachable:
    case core::PacketClass::Icmp:
    case core::PacketClass::Arp:
    case core::PacketClass::Other:
        return false;
    default:
        return true;
    }
}

std::optional<quint32> CablePacket::sequenceEnd(const Event &packet, const PacketFields &fields)
{
    if (!fields.seq)
        return std::nullopt;
    const TcpFlags flags = fields.flags.value_or(TcpFlags());
    const qint64 length = fields.length.value_or(packet.count) + (flags.has(TcpFlags::Syn) ? 1 : 0)
        + (flags.has(TcpFlags::Fin) ? 1 : 0);
    return quint32(*fields.seq + length);
}

std::optional<quint32> CablePacket::ackNumber(const PacketFields &fields)
{
    if (!fields.ack || !fields.flags || !fields.flags->has(TcpFlags::Ack))
        return std::nullopt;
    return fields.ack;
}

QString CablePacket::flowFromSender(const Event &packet)
{
    return packet.local + QLatin1Char('|') + packet.remote;
}

QString CablePacket::flowFromReceiver(const Event &packet)
{
    return packet.remote + QLatin1Char('|') + packet.local;
}

} // namespace halfopen::lab
