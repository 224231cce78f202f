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

} // namespace halfopen::lab
