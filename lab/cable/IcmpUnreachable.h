// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/cable/FrameView.h"

#include <QByteArray>

namespace halfopen::lab {

// The ICMP destination-unreachable a router sends back when it cannot deliver a datagram:
// the cable plays that router to show how TCP reacts (EHOSTUNREACH at connect, a soft error
// on an established connection).
class IcmpUnreachable
{
public:
    enum class Code : quint8 { Network = 0, Host = 1, Port = 3 };

    // The frame to send back to `frame`'s sender: Ethernet from routerMac to the original
    // source MAC, IPv4 from routerIp (host byte order) to the original source, carrying the
    // original IPv4 header and the first 8 bytes of its payload, with correct checksums.
    // Empty when no router would answer: not a complete IPv4 frame, an ICMP error itself, a
    // later fragment, or a source that is not a unicast address.
    static QByteArray build(const FrameView &frame, quint32 routerIp, const MacAddress &routerMac,
                            Code code = Code::Host);

    static constexpr quint8 kType = 3;
    static constexpr int kOriginalPayloadBytes = 8;
};

} // namespace halfopen::lab
