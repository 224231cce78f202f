// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/FrameOffload.h"

#include "lab/cable/Checksums.h"

#include <QtEndian>
#include <cstring>

namespace halfopen::lab {

QList<QByteArray> segmentTcp4(const FrameView &frame, const FrameOffload &offload)
{
    if (frame.kind() != FrameView::Kind::Tcp || (offload.gsoType & ~FrameOffload::kGsoEcn) != FrameOffload::kGsoTcpv4
        || offload.gsoSize == 0 || frame.ipv4().isFragment())
        return {};
    const FrameView::Ipv4 &ip = frame.ipv4();
    const FrameView::Tcp &tcp = frame.tcp();
    const int ipOffset = FrameView::kEthernetHeaderBytes;
    const int tcpOffset = ipOffset + ip.headerLength;
    const int headers = tcpOffset + tcp.dataOffset;
    const int payload = tcp.payloadLength;
    const int count = offload.segments(payload);
    QList<QByteArray> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int from = i * offload.gsoSize;
        const int size = std::min<int>(offload.gsoSize, payload - from);
        QByteArray segment(headers + size, Qt::Uninitialized);
        auto *p = reinterpret_cast<uchar *>(segment.data());
        std::memcpy(p, frame.bytes().data(), size_t(headers));
        std::memcpy(p + headers, tcp.payload + from, size_t(size));
        uchar *ipHeader = p + ipOffset;
        qToBigEndian<quint16>(quint16(ip.headerLength + tcp.dataOffset + size), ipHeader + 2);
        qToBigEndian<quint16>(quint16(ip.id + i), ipHeader + 4);
        qToBigEndian<quint16>(0, ipHeader + 10);
        qToBigEndian<quint16>(Checksums::ipv4Header({ipHeader, ip.headerLength}), ipHeader + 10);
        uchar *tcpHeader = p + tcpOffset;
        qToBigEndian<quint32>(tcp.seq + quint32(from), tcpHeader + 4);
        quint8 flags = tcp.flags;
        if (i > 0)
            flags &= ~FrameView::kCwr;
        if (i + 1 < count)
            flags &= ~(FrameView::kFin | FrameView::kPsh);
        tcpHeader[13] = flags;
        qToBigEndian<quint16>(0, tcpHeader + 16);
        const int tcpBytes = tcp.dataOffset + size;
        qToBigEndian<quint16>(Checksums::tcp(ip.source, ip.destination, {tcpHeader, tcpBytes}), tcpHeader + 16);
        out.append(segment);
    }
    return out;
}

bool completeChecksum(QByteArray &frame, const FrameOffload &offload)
{
    if (!(offload.flags & FrameOffload::kNeedsChecksum))
        return false;
    const FrameView view(frame);
    if (!view.isIpv4())
        return false;
    const int end = FrameView::kEthernetHeaderBytes + view.ipv4().totalLength; // not the padding
    const int field = offload.checksumStart + offload.checksumOffset;
    if (offload.checksumStart < FrameView::kEthernetHeaderBytes || field + 2 > end)
        return false;
    const quint16 sum = Checksums::finish(
        Checksums::partialSum(QByteArrayView(frame).sliced(offload.checksumStart, end - offload.checksumStart)));
    qToBigEndian<quint16>(sum, frame.data() + field);
    return true;
}

} // namespace halfopen::lab
