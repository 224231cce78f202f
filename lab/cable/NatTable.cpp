// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/NatTable.h"

#include "lab/cable/Checksums.h"

#include <QtEndian>

namespace halfopen::lab {

NatTable::Verdict NatTable::process(const FrameView &frame, qint64 nowUs)
{
    if (frame.kind() != FrameView::Kind::Tcp)
        return Verdict::Pass;
    const FrameView::Tcp &tcp = frame.tcp();
    const TcpFlowKey key = TcpFlowKey::of(frame.ipv4(), tcp, nullptr);

    auto it = m_lastActivityUs.find(key);
    if (it != m_lastActivityUs.end() && m_timeoutUs > 0 && nowUs - *it > m_timeoutUs) {
        m_lastActivityUs.erase(it);
        it = m_lastActivityUs.end();
    }
    const bool opening = tcp.has(FrameView::kSyn) && !tcp.has(FrameView::kAck);
    if (it != m_lastActivityUs.end() || opening || m_timeoutUs == 0) {
        m_lastActivityUs.insert(key, nowUs);
        return Verdict::Pass;
    }
    if (m_reset && !tcp.has(FrameView::kRst))
        return Verdict::Reset;
    return Verdict::Drop;
}

QByteArray NatTable::buildReset(const FrameView &frame)
{
    if (frame.kind() != FrameView::Kind::Tcp || frame.tcp().has(FrameView::kRst))
        return {};
    const FrameView::Ipv4 &ip = frame.ipv4();
    const FrameView::Tcp &tcp = frame.tcp();

    constexpr int kIpBytes = 20;
    constexpr int kTcpBytes = 20;
    QByteArray out(FrameView::kEthernetHeaderBytes + kIpBytes + kTcpBytes, '\0');
    auto *p = reinterpret_cast<uchar *>(out.data());

    const FrameView::Ethernet &ethernet = frame.ethernet();
    std::copy(ethernet.source.begin(), ethernet.source.end(), p);
    std::copy(ethernet.destination.begin(), ethernet.destination.end(), p + 6);
    qToBigEndian<quint16>(FrameView::kEtherTypeIpv4, p + 12);

    uchar *ipHeader = p + FrameView::kEthernetHeaderBytes;
    ipHeader[0] = 0x45;
    qToBigEndian<quint16>(kIpBytes + kTcpBytes, ipHeader + 2);
    qToBigEndian<quint16>(0x4000, ipHeader + 6); // DF, as Linux sends its resets
    ipHeader[8] = 64;
    ipHeader[9] = 6;
    qToBigEndian<quint32>(ip.destination, ipHeader + 12);
    qToBigEndian<quint32>(ip.source, ipHeader + 16);
    qToBigEndian<quint16>(Checksums::ipv4Header({ipHeader, kIpBytes}), ipHeader + 10);

    uchar *segment = ipHeader + kIpBytes;
    qToBigEndian<quint16>(tcp.destinationPort, segment);
    qToBigEndian<quint16>(tcp.sourcePort, segment + 2);
    if (tcp.has(FrameView::kAck)) {
        // The receiver's view: the sender expects our next byte at its ack.
        qToBigEndian<quint32>(tcp.ack, segment + 4);
        segment[13] = FrameView::kRst;
    } else {
        qToBigEndian<quint32>(tcp.seq + tcp.sequenceSpace(), segment + 8);
        segment[13] = FrameView::kRst | FrameView::kAck;
    }
    segment[12] = (kTcpBytes / 4) << 4;
    qToBigEndian<quint16>(Checksums::tcp(ip.destination, ip.source, {segment, kTcpBytes}), segment + 16);
    return out;
}

} // namespace halfopen::lab
