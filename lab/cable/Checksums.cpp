// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/Checksums.h"

namespace halfopen::lab {

quint32 Checksums::partialSum(QByteArrayView data, quint32 sum)
{
    const auto *bytes = reinterpret_cast<const quint8 *>(data.data());
    const qsizetype size = data.size();
    qsizetype i = 0;
    for (; i + 1 < size; i += 2) {
        sum += quint32(bytes[i]) << 8 | bytes[i + 1];
        // Fold early so a 64 KiB segment can never overflow 32 bits.
        sum = (sum & 0xffff) + (sum >> 16);
    }
    if (i < size) // an odd last byte is padded with a zero byte on the right
        sum += quint32(bytes[i]) << 8;
    return sum;
}

quint16 Checksums::finish(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum & 0xffff);
}

quint16 Checksums::ipv4Header(QByteArrayView header)
{
    return finish(partialSum(header));
}

quint16 Checksums::tcp(quint32 sourceIp, quint32 destinationIp, QByteArrayView segment)
{
    quint32 sum = 0;
    sum += sourceIp >> 16;
    sum += sourceIp & 0xffff;
    sum += destinationIp >> 16;
    sum += destinationIp & 0xffff;
    sum += 6; // IPPROTO_TCP
    sum += quint32(segment.size());
    return finish(partialSum(segment, sum));
}

quint16 Checksums::icmp(QByteArrayView message)
{
    return finish(partialSum(message));
}

} // namespace halfopen::lab
