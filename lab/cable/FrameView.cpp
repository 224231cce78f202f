// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/FrameView.h"

#include "core/session/TcpFlags.h"

#include <QtEndian>

#include <arpa/inet.h>

namespace halfopen::lab {

namespace {

quint16 read16(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<quint16>(bytes.data() + offset);
}

quint32 read32(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<quint32>(bytes.data() + offset);
}

MacAddress readMac(QByteArrayView bytes, qsizetype offset)
{
    MacAddress mac;
    for (int i = 0; i < 6; ++i)
        mac[i] = quint8(bytes[offset + i]);
    return mac;
}

// The fixed fields and the options' length; the datagram's own length is checked by the
// caller, because an ICMP error embeds only the start of the original datagram.
bool readIpv4Header(QByteArrayView bytes, FrameView::Ipv4 &ip)
{
    if (bytes.size() < 20 || (quint8(bytes[0]) >> 4) != 4)
        return false;
    ip.headerLength = (quint8(bytes[0]) & 0x0f) * 4;
    if (ip.headerLength < 20 || bytes.size() < ip.headerLength)
        return false;
    ip.totalLength = read16(bytes, 2);
    ip.id = read16(bytes, 4);
    const quint16 fragmentField = read16(bytes, 6);
    ip.moreFragments = fragmentField & 0x2000;
    ip.fragmentOffset = fragmentField & 0x1fff;
    ip.ttl = quint8(bytes[8]);
    ip.protocol = quint8(bytes[9]);
    ip.source = read32(bytes, 12);
    ip.destination = read32(bytes, 16);
    return true;
}

} // namespace

FrameView::FrameView(QByteArrayView frame)
    : m_bytes(frame)
{
    if (frame.size() < kEthernetHeaderBytes)
        return;
    m_ethernet.destination = readMac(frame, 0);
    m_ethernet.source = readMac(frame, 6);
    m_ethernet.etherType = read16(frame, 12);
    const QByteArrayView packet = frame.sliced(kEthernetHeaderBytes);
    switch (m_ethernet.etherType) {
    case kEtherTypeArp:
        if (parseArp(packet))
            m_kind = Kind::Arp;
        break;
    case kEtherTypeIpv4:
        parseIpv4(packet);
        break;
    case kEtherTypeIpv6:
        // TCP over IPv6 is read (a watched connection's); anything else, or a truncated
        // packet, passes as before: other.
        if (!parseIpv6(packet))
            m_kind = Kind::Other;
        break;
    default:
        m_kind = Kind::Other;
    }
}

bool FrameView::parseArp(QByteArrayView packet)
{
    if (packet.size() < 28)
        return false;
    // Only Ethernet/IPv4 ARP has the layout below; anything else is still a parsed ARP frame
    // with zero addresses.
    if (read16(packet, 0) == 1 && read16(packet, 2) == kEtherTypeIpv4 && packet[4] == 6 && packet[5] == 4) {
        m_arp.operation = read16(packet, 6);
        m_arp.senderMac = readMac(packet, 8);
        m_arp.senderIp = read32(packet, 14);
        m_arp.targetMac = readMac(packet, 18);
        m_arp.targetIp = read32(packet, 24);
    } else {
        m_arp.operation = read16(packet, 6);
    }
    return true;
}

bool FrameView::parseIpv4(QByteArrayView datagram)
{
    if (!readIpv4Header(datagram, m_ipv4) || m_ipv4.totalLength < m_ipv4.headerLength
        || m_ipv4.totalLength > datagram.size())
        return false;
    const QByteArrayView payload = datagram.sliced(m_ipv4.headerLength, m_ipv4.totalLength - m_ipv4.headerLength);
    // A fragment's payload does not start with a transport header we could trust.
    if (m_ipv4.isFragment()) {
        m_kind = Kind::OtherIpv4;
        return true;
    }
    switch (m_ipv4.protocol) {
    case 6:
        if (!parseTcp(payload))
            return false;
        m_kind = Kind::Tcp;
        return true;
    case 1:
        if (!parseIcmp(payload))
            return false;
        m_kind = Kind::Icmp;
        return true;
    default:
        m_kind = Kind::OtherIpv4;
        return true;
    }
}

bool FrameView::parseIpv6(QByteArrayView packet)
{
    if (packet.size() < 40 || (quint8(packet[0]) >> 4) != 6)
        return false;
    m_ipv6.payloadLength = read16(packet, 4);
    m_ipv6.nextHeader = quint8(packet[6]);
    m_ipv6.hopLimit = quint8(packet[7]);
    for (int i = 0; i < 16; ++i) {
        m_ipv6.source[size_t(i)] = quint8(packet[8 + i]);
        m_ipv6.destination[size_t(i)] = quint8(packet[24 + i]);
    }
    if (40 + qsizetype(m_ipv6.payloadLength) > packet.size())
        return false;
    // TCP right after the fixed header; extension headers (and everything not TCP) stay Other.
    if (m_ipv6.nextHeader != 6) {
        m_kind = Kind::Other;
        return true;
    }
    if (!parseTcp(packet.sliced(40, m_ipv6.payloadLength)))
        return false;
    m_kind = Kind::Tcp6;
    return true;
}

QString FrameView::tcpSource() const
{
    const QString host = m_kind == Kind::Tcp6 ? QLatin1Char('[') + formatIpv6(m_ipv6.source) + QLatin1Char(']')
                                              : formatIpv4(m_ipv4.source);
    return host + QLatin1Char(':') + QString::number(m_tcp.sourcePort);
}

QString FrameView::tcpDestination() const
{
    const QString host = m_kind == Kind::Tcp6 ? QLatin1Char('[') + formatIpv6(m_ipv6.destination) + QLatin1Char(']')
                                              : formatIpv4(m_ipv4.destination);
    return host + QLatin1Char(':') + QString::number(m_tcp.destinationPort);
}

QString FrameView::formatIpv6(const std::array<quint8, 16> &address)
{
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, address.data(), text, sizeof text);
    return QString::fromLatin1(text);
}

bool FrameView::parseTcp(QByteArrayView segment)
{
    if (segment.size() < 20)
        return false;
    const int dataOffset = (quint8(segment[12]) >> 4) * 4;
    if (dataOffset < 20 || dataOffset > segment.size())
        return false;
    m_tcp.sourcePort = read16(segment, 0);
    m_tcp.destinationPort = read16(segment, 2);
    m_tcp.seq = read32(segment, 4);
    m_tcp.ack = read32(segment, 8);
    m_tcp.flags = quint8(segment[13]);
    m_tcp.window = read16(segment, 14);
    m_tcp.dataOffset = dataOffset;
    m_tcp.hasOptions = dataOffset > 20;
    m_tcp.sackPermitted = false;
    if (m_tcp.has(kSyn)) {
        // Options: kind 0 ends the list, kind 1 is one byte of padding, the others carry a length.
        for (int i = 20; i < dataOffset;) {
            const quint8 kind = quint8(segment[i]);
            if (kind == 0)
                break;
            if (kind == 1) {
                ++i;
                continue;
            }
            if (i + 1 >= dataOffset || quint8(segment[i + 1]) < 2)
                break;
            if (kind == 4)
                m_tcp.sackPermitted = true;
            i += quint8(segment[i + 1]);
        }
    }
    m_tcp.payloadLength = int(segment.size() - dataOffset);
    m_tcp.payload = segment.data() + dataOffset;
    return true;
}

bool FrameView::parseIcmp(QByteArrayView message)
{
    if (message.size() < 8)
        return false;
    m_icmp.type = quint8(message[0]);
    m_icmp.code = quint8(message[1]);
    if (!m_icmp.isError())
        return true;
    const QByteArrayView original = message.sliced(8);
    m_icmp.hasOriginal = readIpv4Header(original, m_icmp.original);
    if (m_icmp.hasOriginal && m_icmp.original.protocol == 6 && original.size() >= m_icmp.original.headerLength + 8) {
        const QByteArrayView tcp = original.sliced(m_icmp.original.headerLength);
        m_icmp.hasOriginalTcp = true;
        m_icmp.originalSourcePort = read16(tcp, 0);
        m_icmp.originalDestinationPort = read16(tcp, 2);
        m_icmp.originalSeq = read32(tcp, 4);
    }
    return true;
}

QByteArrayView FrameView::ipv4Datagram() const
{
    if (!isIpv4())
        return {};
    return m_bytes.sliced(kEthernetHeaderBytes, m_ipv4.totalLength);
}

QString FrameView::formatIpv4(quint32 address)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff);
}

QString FrameView::formatMac(const MacAddress &address)
{
    QString text;
    for (size_t i = 0; i < address.size(); ++i) {
        if (i)
            text += QLatin1Char(':');
        text += QStringLiteral("%1").arg(address[i], 2, 16, QLatin1Char('0'));
    }
    return text;
}

QString FrameView::formatTcpFlags(quint8 flags)
{
    return core::TcpFlags(flags).toText();
}

} // namespace halfopen::lab
