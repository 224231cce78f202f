// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/TcpFlowKey.h"

#include <tuple>

namespace halfopen::lab {

TcpFlowKey TcpFlowKey::of(const FrameView::Ipv4 &ip, const FrameView::Tcp &tcp, bool *fromA)
{
    const bool sourceIsLower = std::tie(ip.source, tcp.sourcePort) <= std::tie(ip.destination, tcp.destinationPort);
    if (fromA)
        *fromA = sourceIsLower;
    if (sourceIsLower)
        return {ip.source, tcp.sourcePort, ip.destination, tcp.destinationPort};
    return {ip.destination, tcp.destinationPort, ip.source, tcp.sourcePort};
}

TcpFlowKey TcpFlowKey::of(const FrameView::Ipv6 &ip, const FrameView::Tcp &tcp, bool *fromA)
{
    const bool sourceIsLower = std::tie(ip.source, tcp.sourcePort) <= std::tie(ip.destination, tcp.destinationPort);
    if (fromA)
        *fromA = sourceIsLower;
    TcpFlowKey key;
    key.ipv6 = true;
    key.address6A = sourceIsLower ? ip.source : ip.destination;
    key.portA = sourceIsLower ? tcp.sourcePort : tcp.destinationPort;
    key.address6B = sourceIsLower ? ip.destination : ip.source;
    key.portB = sourceIsLower ? tcp.destinationPort : tcp.sourcePort;
    return key;
}

TcpFlowKey TcpFlowKey::of(const FrameView &frame, bool *fromA)
{
    return frame.kind() == FrameView::Kind::Tcp6 ? of(frame.ipv6(), frame.tcp(), fromA)
                                                 : of(frame.ipv4(), frame.tcp(), fromA);
}

} // namespace halfopen::lab
