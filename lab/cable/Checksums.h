// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace halfopen::lab {

// The Internet checksum (RFC 1071) as IPv4, TCP and ICMP use it. Every function sums the bytes
// as they are: over a header whose checksum field is zero the result is the value to store
// there; over one that carries a correct checksum the result is 0, which is how a receiver
// verifies it.
class Checksums
{
public:
    // One's-complement sum of 16-bit big-endian words, not yet folded or complemented, so
    // pieces (a pseudo-header, then a segment) can be chained.
    static quint32 partialSum(QByteArrayView data, quint32 sum = 0);
    // Folds the carries and complements: the value that goes on the wire.
    static quint16 finish(quint32 sum);

    static quint16 ipv4Header(QByteArrayView header);
    // TCP over the IPv4 pseudo-header (addresses in host byte order, protocol 6, length).
    static quint16 tcp(quint32 sourceIp, quint32 destinationIp, QByteArrayView segment);
    static quint16 icmp(QByteArrayView message);
};

} // namespace halfopen::lab
