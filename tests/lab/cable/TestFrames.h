// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Synthesized Ethernet/IPv4/TCP frames for the cable tests. The checksums here are computed
// by a plain loop of their own, not by lab/cable/Checksums, so the library is checked against
// an independent implementation.

#include "lab/cable/FrameView.h"

#include <QByteArray>
#include <QtEndian>

namespace halfopen::lab::test {

inline constexpr quint32 kClientIp = 0xc6120001; // 198.18.0.1
inline constexpr quint32 kServerIp = 0xc6120002; // 198.18.0.2
inline constexpr MacAddress kClientMac{0x02, 0x00, 0xc6, 0x12, 0x00, 0x01};
inline constexpr MacAddress kServerMac{0x02, 0x00, 0xc6, 0x12, 0x00, 0x02};

inline quint16 referenceChecksum(const QByteArray &data, quint64 sum = 0)
{
    for (qsizetype i = 0; i < data.size(); ++i)
        sum += (i % 2 == 0) ? quint64(quint8(data[i])) << 8 : quint64(quint8(data[i]));
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}

inline quint64 pseudoHeaderSum(quint32 source, quint32 destination, quint8 protocol, int length)
{
    return (source >> 16) + (source & 0xffff) + (destination >> 16) + (destination & 0xffff) + protocol
        + quint64(length);
}

struct Segment
{
    MacAddress sourceMac = kClientMac;
    MacAddress destinationMac = kServerMac;
    quint32 sourceIp = kClientIp;
    quint32 destinationIp = kServerIp;
    quint16 sourcePort = 40000;
    quint16 destinationPort = 5000;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = FrameView::kAck;
    quint16 window = 502;
    QByteArray options; // a multiple of 4 bytes
    QByteArray payload;
    quint16 ipId = 0;
};

inline QByteArray ethernetHeader(const MacAddress &destination, const MacAddress &source, quint16 type)
{
    QByteArray bytes;
    bytes.append(reinterpret_cast<const char *>(destination.data()), 6);
    bytes.append(reinterpret_cast<const char *>(source.data()), 6);
    bytes.append(char(type >> 8)).append(char(type & 0xff));
    return bytes;
}

inline void put16(QByteArray &bytes, int offset, quint16 value)
{
    qToBigEndian<quint16>(value, bytes.data() + offset);
}

inline void put32(QByteArray &bytes, int offset, quint32 value)
{
    qToBigEndian<quint32>(value, bytes.data() + offset);
}

// An IPv4 header (20 bytes, DF) with its checksum, for a payload of `payloadBytes`.
inline QByteArray ipv4Header(quint32 source, quint32 destination, quint8 protocol, int payloadBytes, quint16 id = 0)
{
    QByteArray ip(20, '\0');
    ip[0] = char(0x45);
    put16(ip, 2, quint16(20 + payloadBytes));
    put16(ip, 4, id);
    put16(ip, 6, 0x4000);
    ip[8] = char(64);
    ip[9] = char(protocol);
    put32(ip, 12, source);
    put32(ip, 16, destination);
    put16(ip, 10, referenceChecksum(ip));
    return ip;
}

inline QByteArray tcpFrame(const Segment &s)
{
    const int headerBytes = 20 + int(s.options.size());
    QByteArray tcp(headerBytes, '\0');
    put16(tcp, 0, s.sourcePort);
    put16(tcp, 2, s.destinationPort);
    put32(tcp, 4, s.seq);
    put32(tcp, 8, s.ack);
    tcp[12] = char((headerBytes / 4) << 4);
    tcp[13] = char(s.flags);
    put16(tcp, 14, s.window);
    tcp.replace(20, s.options.size(), s.options);
    tcp += s.payload;
    put16(tcp, 16, referenceChecksum(tcp, pseudoHeaderSum(s.sourceIp, s.destinationIp, 6, int(tcp.size()))));
    return ethernetHeader(s.destinationMac, s.sourceMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(s.sourceIp, s.destinationIp, 6, int(tcp.size()), s.ipId) + tcp;
}

// One end of a synthesized connection.
struct TcpEnd
{
    MacAddress mac;
    quint32 ip = 0;
    quint16 port = 0;
    quint32 nextSeq = 0; // the ISN until the SYN is sent
};

// A TCP conversation between two ends whose segments are all delivered unless the test says
// otherwise: each segment acknowledges everything the other end has sent.
struct Conversation
{
    TcpEnd client{kClientMac, kClientIp, 40000, 1000};
    TcpEnd server{kServerMac, kServerIp, 5000, 500000};

    static Segment segment(const TcpEnd &from, const TcpEnd &to, quint32 seq, quint8 flags, const QByteArray &payload)
    {
        Segment s;
        s.sourceMac = from.mac;
        s.destinationMac = to.mac;
        s.sourceIp = from.ip;
        s.destinationIp = to.ip;
        s.sourcePort = from.port;
        s.destinationPort = to.port;
        s.seq = seq;
        s.ack = (flags & FrameView::kAck) ? to.nextSeq : 0;
        s.flags = flags;
        s.payload = payload;
        return s;
    }

    // At `from`'s next sequence number; advances it.
    static QByteArray send(TcpEnd &from, const TcpEnd &to, quint8 flags, const QByteArray &payload = {})
    {
        const QByteArray frame = tcpFrame(segment(from, to, from.nextSeq, flags, payload));
        from.nextSeq
            += quint32(payload.size()) + ((flags & FrameView::kSyn) ? 1 : 0) + ((flags & FrameView::kFin) ? 1 : 0);
        return frame;
    }

    // At an explicit sequence number (a retransmission, a keepalive probe); advances nothing.
    static QByteArray sendAt(const TcpEnd &from, const TcpEnd &to, quint32 seq, quint8 flags,
                             const QByteArray &payload = {})
    {
        return tcpFrame(segment(from, to, seq, flags, payload));
    }
};

inline constexpr quint8 kPshAck = FrameView::kPsh | FrameView::kAck;
inline constexpr quint8 kSynAck = FrameView::kSyn | FrameView::kAck;
inline constexpr quint8 kFinAck = FrameView::kFin | FrameView::kAck;

} // namespace halfopen::lab::test
