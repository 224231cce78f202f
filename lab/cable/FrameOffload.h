// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/cable/FrameView.h"

#include <QByteArray>
#include <QList>

namespace halfopen::lab {

// The kernel's offload metadata for one frame, field for field struct virtio_net_hdr as a
// packet socket with PACKET_VNET_HDR reads and writes it (host byte order). With segmentation
// offload on, a host hands its veth 64 KB TCP "super-frames" the NIC (here: the receiving
// host's stack) never splits, and a checksum the sender left partial (only the pseudo-header
// sum is in the field). The cable carries both through unchanged, so the receiver accepts them.
struct FrameOffload
{
    static constexpr quint8 kNeedsChecksum = 1; // VIRTIO_NET_HDR_F_NEEDS_CSUM
    static constexpr quint8 kDataValid = 2;     // VIRTIO_NET_HDR_F_DATA_VALID
    static constexpr quint8 kGsoNone = 0, kGsoTcpv4 = 1, kGsoUdp = 3, kGsoTcpv6 = 4, kGsoEcn = 0x80;

    quint8 flags = 0;
    quint8 gsoType = kGsoNone;
    quint16 headerLength = 0;
    quint16 gsoSize = 0; // payload bytes per wire segment
    quint16 checksumStart = 0;
    quint16 checksumOffset = 0;

    bool isGso() const { return (gsoType & ~kGsoEcn) != kGsoNone && gsoSize > 0; }
    // How many wire segments a frame with this much TCP payload stands for.
    int segments(int payloadLength) const
    {
        return isGso() && payloadLength > gsoSize ? (payloadLength + gsoSize - 1) / gsoSize : 1;
    }
};

// Splits an IPv4 TCP super-frame into the wire-sized frames a NIC would send (as the kernel's
// tcp_gso_segment does): each with gsoSize bytes of payload (the last the rest), the sequence
// number advanced, IP id counting up, CWR only on the first, FIN and PSH only on the last, and
// both checksums complete. Empty when the frame is no such super-frame.
QList<QByteArray> segmentTcp4(const FrameView &frame, const FrameOffload &offload);

// Fills in the checksum a sender left partial (kNeedsChecksum: the pseudo-header sum is in the
// field; the sum from checksumStart to the end of the IPv4 datagram completes it, as the
// kernel's skb_checksum_help does). False when the frame has no such checksum or is not IPv4.
bool completeChecksum(QByteArray &frame, const FrameOffload &offload);

} // namespace halfopen::lab
