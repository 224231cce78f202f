// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/cable/FrameView.h"

#include <QHashFunctions>

namespace halfopen::lab {

// A TCP connection seen from the cable, the same key for both directions: the endpoint that
// sorts lower (address, then port) is `a`. The protocol is always TCP, so with it this is the
// usual 5-tuple.
struct TcpFlowKey
{
    quint32 addressA = 0;
    quint16 portA = 0;
    quint32 addressB = 0;
    quint16 portB = 0;
    // IPv6 (a watched connection's frames): the addresses are these, addressA/B stay 0.
    bool ipv6 = false;
    std::array<quint8, 16> address6A{};
    std::array<quint8, 16> address6B{};

    // The key of a TCP frame; *fromA tells whether it travels from a to b.
    static TcpFlowKey of(const FrameView::Ipv4 &ip, const FrameView::Tcp &tcp, bool *fromA);
    static TcpFlowKey of(const FrameView::Ipv6 &ip, const FrameView::Tcp &tcp, bool *fromA);
    // Of a frame of kind Tcp or Tcp6.
    static TcpFlowKey of(const FrameView &frame, bool *fromA);

    friend bool operator==(const TcpFlowKey &, const TcpFlowKey &) = default;
};

inline size_t qHash(const TcpFlowKey &key, size_t seed = 0)
{
    const size_t h = qHashMulti(seed, key.addressA, key.portA, key.addressB, key.portB);
    if (!key.ipv6)
        return h;
    return qHashBits(key.address6B.data(), 16, qHashBits(key.address6A.data(), 16, h));
}

} // namespace halfopen::lab
