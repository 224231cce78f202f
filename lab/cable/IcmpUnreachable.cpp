// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/IcmpUnreachable.h"

#include "lab/cable/Checksums.h"

#include <QtEndian>

namespace halfopen::lab {

namespace {

bool isUnicast(quint32 address)
{
    const quint32 firstOctet = address >> 24;
    // 0/8 "this network", 127/8 loopback, 224/4 multicast, 240/4 reserved and broadcast.
    return firstOctet != 0 && firstOctet != 127 && firstOctet < 224;
}

} // namespace

QByteArray IcmpUnreachable::build(const FrameView &frame, quint32 routerIp, const MacAddress &routerMac, Code code)
{
    if (!frame.isIpv4())
        return {};
    const FrameView::Ipv4 &ip = frame.ipv4();
    // RFC 1122 3.2.2 and RFC 1812 4.3.2.7: never about an ICMP error, a non-initial
    // fragment, or a datagram whose source names no single host.
    if (frame.kind() == FrameView::Kind::Icmp && frame.icmp().isError())
        return {};
    if (!isUnicast(ip.source) || !isUnicast(ip.destination))
        return {};
    if (ip.fragmentOffset != 0)
        return {};
    const QByteArrayView datagram = frame.ipv4Datagram();

    const qsizetype quoted = qMin<qsizetype>(datagram.size(), ip.headerLength + kOriginalPayloadBytes);
    const int icmpBytes = 8 + int(quoted);
    const int ipBytes = 20 + icmpBytes;
    QByteArray out(FrameView::kEthernetHeaderBytes + ipBytes, '\0');
    auto *p = reinterpret_cast<uchar *>(out.data());

    const MacAddress &sourceMac = frame.ethernet().source;
    std::copy(sourceMac.begin(), sourceMac.end(), p);
    std::copy(routerMac.begin(), routerMac.end(), p + 6);
    qToBigEndian<quint16>(FrameView::kEtherTypeIpv4, p + 12);

    uchar *ipHeader = p + FrameView::kEthernetHeaderBytes;
    ipHeader[0] = 0x45;
    ipHeader[1] = 0xc0; // precedence "internetwork control", as Linux sends its ICMP errors
    qToBigEndian<quint16>(quint16(ipBytes), ipHeader + 2);
    ipHeader[8] = 64; // TTL
    ipHeader[9] = 1;  // ICMP
    qToBigEndian<quint32>(routerIp, ipHeader + 12);
    qToBigEndian<quint32>(ip.source, ipHeader + 16);
    qToBigEndian<quint16>(Checksums::ipv4Header({ipHeader, 20}), ipHeader + 10);

    uchar *icmp = ipHeader + 20;
    icmp[0] = kType;
    icmp[1] = quint8(code);
    // bytes 4..7 unused (zero): no next-hop MTU for these codes
    std::copy(datagram.data(), datagram.data() + quoted, icmp + 8);
    qToBigEndian<quint16>(Checksums::icmp({icmp, icmpBytes}), icmp + 2);
    return out;
}

} // namespace halfopen::lab
