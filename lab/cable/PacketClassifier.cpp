// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/PacketClassifier.h"

#include "core/session/PacketFields.h"

#include <QJsonObject>

namespace halfopen::lab {

namespace {

// RFC 1982 serial number arithmetic: a is before b within half the sequence space.
bool seqBefore(quint32 a, quint32 b)
{
    return qint32(a - b) < 0;
}

bool startsWith(QByteArrayView payload, char type)
{
    // The test protocol's heartbeat header: type, then a 4-byte payload length (FrameCodec).
    return payload.size() >= 3 && payload[0] == type && payload[1] == 0 && payload[2] == 4;
}

QString endpoint(quint32 address, quint16 port)
{
    return FrameView::formatIpv4(address) + QLatin1Char(':') + QString::number(port);
}

} // namespace

PacketClass PacketClassifier::classOf(const FrameView &frame)
{
    switch (frame.kind()) {
    case FrameView::Kind::Tcp:
    case FrameView::Kind::Tcp6:
        return classifyTcp(frame, nullptr, nullptr);
    case FrameView::Kind::Icmp:
        return frame.icmp().isDestinationUnreachable() ? PacketClass::IcmpUnreachable : PacketClass::Icmp;
    case FrameView::Kind::Arp:
        return PacketClass::Arp;
    case FrameView::Kind::NotParsed:
    case FrameView::Kind::OtherIpv4:
    case FrameView::Kind::Other:
        break;
    }
    return PacketClass::Other;
}

PacketClass PacketClassifier::classifyTcp(const FrameView &frame, quint32 *relativeSeq, quint32 *relativeAck)
{
    const FrameView::Tcp &tcp = frame.tcp();
    bool fromA = true;
    Flow &flow = m_flows[TcpFlowKey::of(frame, &fromA)];
    Direction &self = fromA ? flow.fromA : flow.fromB;
    Direction &peer = fromA ? flow.fromB : flow.fromA;

    // A SYN with another ISN is a new connection on the same 4-tuple (a rebooted host that
    // picked the same port): what we knew about the old one no longer applies.
    if (tcp.has(FrameView::kSyn) && self.base && *self.base != tcp.seq) {
        self = {};
        if (!tcp.has(FrameView::kAck))
            peer = {};
    }
    if (!self.base)
        self.base = tcp.has(FrameView::kSyn) ? tcp.seq : tcp.seq - 1;
    if (!peer.base && tcp.has(FrameView::kAck))
        peer.base = tcp.ack - 1;

    const PacketClass packetClass = classifySegment(tcp, self, peer);
    remember(tcp, packetClass, self, peer);

    if (relativeSeq)
        *relativeSeq = tcp.seq - *self.base;
    if (relativeAck)
        *relativeAck = tcp.has(FrameView::kAck) ? tcp.ack - *peer.base : 0;
    return packetClass;
}

PacketClass PacketClassifier::classifySegment(const FrameView::Tcp &tcp, const Direction &self, const Direction &peer)
{
    const bool syn = tcp.has(FrameView::kSyn);
    const bool fin = tcp.has(FrameView::kFin);
    if (tcp.has(FrameView::kRst))
        return PacketClass::Rst;
    // snd_una - 1 is what the peer acknowledged last, minus one: the receiver must answer it
    // with an ACK although it carries nothing new. Linux sends no byte, Windows one.
    if (!syn && !fin && tcp.payloadLength <= 1 && peer.highestAck && tcp.seq == *peer.highestAck - 1)
        return PacketClass::KeepaliveProbe;
    if ((tcp.payloadLength > 0 || syn || fin) && self.nextSeq && seqBefore(tcp.seq, *self.nextSeq)) {
        // The rule and where it comes from: PacketClassifier.h.
        const bool sack = self.sackPermitted.value_or(true) && peer.sackPermitted.value_or(true);
        const bool tail = tcp.seq + tcp.sequenceSpace() == *self.nextSeq && self.lastSegmentSeq
            && !seqBefore(tcp.seq, *self.lastSegmentSeq);
        if (!syn && sack && tail && !self.resendUntil)
            return PacketClass::TailLossProbe;
        return PacketClass::Retransmission;
    }
    if (syn)
        return tcp.has(FrameView::kAck) ? PacketClass::SynAck : PacketClass::Syn;
    if (fin)
        return PacketClass::Fin;
    if (tcp.payloadLength > 0) {
        const QByteArrayView payload(tcp.payload, tcp.payloadLength);
        if (startsWith(payload, 'P'))
            return PacketClass::HeartbeatPing;
        if (startsWith(payload, 'A'))
            return PacketClass::HeartbeatPong;
        return PacketClass::Data;
    }
    if (tcp.has(FrameView::kAck) && peer.probeSeq && tcp.ack == *peer.probeSeq + 1)
        return PacketClass::KeepaliveAck;
    return PacketClass::Ack;
}

void PacketClassifier::remember(const FrameView::Tcp &tcp, PacketClass packetClass, Direction &self, Direction &peer)
{
    if (tcp.has(FrameView::kSyn))
        self.sackPermitted = tcp.sackPermitted;
    if (packetClass != PacketClass::Rst) {
        const quint32 end = tcp.seq + tcp.sequenceSpace();
        if (!self.nextSeq || seqBefore(*self.nextSeq, end)) {
            self.nextSeq = end;
            self.lastSegmentSeq = tcp.seq;
        }
    }
    if (packetClass == PacketClass::Retransmission || packetClass == PacketClass::TailLossProbe)
        self.resendUntil = self.nextSeq;
    if (tcp.has(FrameView::kAck) && (!self.highestAck || seqBefore(*self.highestAck, tcp.ack)))
        self.highestAck = tcp.ack;
    // The peer's re-sends are over once this side has acknowledged all it had sent by then.
    if (tcp.has(FrameView::kAck) && peer.resendUntil && !seqBefore(tcp.ack, *peer.resendUntil))
        peer.resendUntil.reset();
    // A probe stays open until answered; anything else this side sends supersedes it.
    if (packetClass == PacketClass::KeepaliveProbe)
        self.probeSeq = tcp.seq;
    else
        self.probeSeq.reset();
    if (packetClass == PacketClass::KeepaliveAck)
        peer.probeSeq.reset();
}

core::Event PacketClassifier::classify(const FrameView &frame, qint64 tUs, core::Host fromHost, core::Host toHost)
{
    return describe(frame, classifyFrame(frame), tUs, fromHost, toHost);
}

PacketClassifier::Classified PacketClassifier::classifyFrame(const FrameView &frame)
{
    Classified c;
    if (frame.isTcp())
        c.packetClass = classifyTcp(frame, &c.relativeSeq, &c.relativeAck);
    else
        c.packetClass = classOf(frame);
    return c;
}

core::Event PacketClassifier::describe(const FrameView &frame, const Classified &classified, qint64 tUs,
                                       core::Host fromHost, core::Host toHost, bool dropped)
{
    core::Event event;
    event.kind = core::EventKind::Packet;
    event.tUs = tUs;
    event.host = fromHost;
    core::PacketFields fields;
    fields.from = fromHost;
    fields.to = toHost;
    fields.dropped = dropped;
    QJsonObject detail; // what only ICMP and ARP frames carry, and the class

    const PacketClass packetClass = classified.packetClass;
    const quint32 relativeSeq = classified.relativeSeq;
    const quint32 relativeAck = classified.relativeAck;
    switch (frame.kind()) {
    case FrameView::Kind::Tcp:
    case FrameView::Kind::Tcp6: {
        const FrameView::Tcp &tcp = frame.tcp();
        event.local = frame.tcpSource();
        event.remote = frame.tcpDestination();
        event.count = tcp.payloadLength;
        fields.flags = core::TcpFlags(tcp.flags);
        fields.seq = tcp.seq;
        fields.ack = tcp.ack;
        fields.relativeSeq = relativeSeq;
        fields.relativeAck = relativeAck;
        fields.length = tcp.payloadLength;
        fields.window = tcp.window;
        break;
    }
    case FrameView::Kind::Icmp: {
        const FrameView::Icmp &icmp = frame.icmp();
        event.local = FrameView::formatIpv4(frame.ipv4().source);
        event.remote = FrameView::formatIpv4(frame.ipv4().destination);
        detail.insert(QStringLiteral("icmp_type"), icmp.type);
        detail.insert(QStringLiteral("icmp_code"), icmp.code);
        if (icmp.hasOriginalTcp) {
            detail.insert(QStringLiteral("original"),
                          endpoint(icmp.original.source, icmp.originalSourcePort) + QStringLiteral("->")
                              + endpoint(icmp.original.destination, icmp.originalDestinationPort));
            detail.insert(QStringLiteral("original_seq"), qint64(icmp.originalSeq));
        } else if (icmp.hasOriginal) {
            detail.insert(QStringLiteral("original"),
                          FrameView::formatIpv4(icmp.original.source) + QStringLiteral("->")
                              + FrameView::formatIpv4(icmp.original.destination));
        }
        break;
    }
    case FrameView::Kind::Arp:
        event.local = FrameView::formatIpv4(frame.arp().senderIp);
        event.remote = FrameView::formatIpv4(frame.arp().targetIp);
        detail.insert(QStringLiteral("arp_op"), frame.arp().operation);
        break;
    case FrameView::Kind::NotParsed:
    case FrameView::Kind::OtherIpv4:
    case FrameView::Kind::Other:
        break;
    }
    event.what = packetClassName(packetClass);
    detail.insert(QStringLiteral("class"), event.what);
    const QJsonObject header = fields.toDetail();
    for (auto it = header.begin(); it != header.end(); ++it)
        detail.insert(it.key(), it.value());
    event.detail = detail;
    return event;
}

} // namespace halfopen::lab
