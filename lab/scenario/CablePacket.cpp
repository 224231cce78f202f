// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/CablePacket.h"

#include "lab/LabWorld.h"

namespace halfopen::lab {

using core::Event;

namespace {

QString flags(const Event &packet)
{
    return packet.detail.value(QStringLiteral("flags")).toString();
}

QStringList direction(const Event &packet)
{
    return packet.detail.value(QStringLiteral("direction")).toString().split(QStringLiteral("->"));
}

} // namespace

QString CablePacket::sender(const Event &packet)
{
    if (!packet.host.isEmpty())
        return packet.host;
    const QStringList d = direction(packet);
    return d.size() == 2 ? d.first() : QString();
}

QString CablePacket::receiver(const Event &packet)
{
    const QStringList d = direction(packet);
    return d.size() == 2 ? d.last() : peerOf(sender(packet));
}

bool CablePacket::delivered(const Event &packet, const LabWorld &world)
{
    return !packet.detail.value(QStringLiteral("dropped")).toBool(false)
        && world.delivers(sender(packet), receiver(packet));
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

std::optional<quint32> CablePacket::sequenceEnd(const Event &packet)
{
    const QJsonValue seq = packet.detail.value(QStringLiteral("seq"));
    if (!seq.isDouble())
        return std::nullopt;
    const QString f = flags(packet);
    const qint64 length = packet.detail.value(QStringLiteral("len")).toInteger(packet.count)
        + (f.contains(QLatin1Char('S')) ? 1 : 0) + (f.contains(QLatin1Char('F')) ? 1 : 0);
    return quint32(seq.toInteger() + length);
}

std::optional<quint32> CablePacket::ackNumber(const Event &packet)
{
    const QJsonValue ack = packet.detail.value(QStringLiteral("ack"));
    if (!ack.isDouble() || !flags(packet).contains(QLatin1Char('.')))
        return std::nullopt;
    return quint32(ack.toInteger());
}

QString CablePacket::flowFromSender(const Event &packet)
{
    return packet.local + QLatin1Char('|') + packet.remote;
}

QString CablePacket::flowFromReceiver(const Event &packet)
{
    return packet.remote + QLatin1Char('|') + packet.local;
}

QString CablePacket::peerOf(const QString &host)
{
    if (host == QLatin1String("client"))
        return QStringLiteral("server");
    if (host == QLatin1String("server"))
        return QStringLiteral("client");
    return {};
}

} // namespace halfopen::lab
