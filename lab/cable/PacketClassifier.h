// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/PacketClass.h"
#include "lab/cable/FrameView.h"
#include "lab/cable/TcpFlowKey.h"

#include <QHash>
#include <optional>

namespace halfopen::lab {

using core::PacketClass;
using core::packetClassFromName;
using core::packetClassName;

// Follows both directions of every TCP flow on the cable and names each frame (PacketClass),
// the way Wireshark's TCP analysis does for keep-alives and retransmissions, so a capture
// opened in Wireshark agrees with our events. Feed it every frame in the order they crossed
// the cable.
//
// Precedence for TCP: rst > keepalive-probe > tail-loss-probe > retransmission > syn/syn-ack >
// fin > heartbeat-ping/pong > data > keepalive-ack > ack.
//
// Tail-loss probe (RFC 8985 §7; Linux tcp_schedule_loss_probe/tcp_send_loss_probe): when the
// probe timer (PTO = 2 x SRTT plus rto_min with one segment out, plus 2 ms with more, never
// later than the RTO) fires, Linux sends new data if it has some (that stays `data`), otherwise
// the last segment of the flight again, once per loss episode (tlp_high_seq), only on a SACK
// connection and only in the Open/CWR congestion state (not after an RTO until the peer has
// acknowledged what was out then). So a re-sent segment is a `tail-loss-probe` when:
//  - it is not a SYN, and neither SYN of the connection refused SACK (a flow picked up
//    mid-stream counts as SACK, Linux's default);
//  - it ends at the highest sequence number sent and starts within the last segment sent with
//    new data (an RTO retransmission re-sends the head, snd_una; collapsed with the segments
//    after it, it starts before the last one);
//  - no re-send of this side is outstanding: since its last tail-loss probe or retransmission
//    the peer has acknowledged everything sent up to it (the kernel's tlp_high_seq and the
//    Loss state's high_seq).
// The time alone cannot tell: with one segment out the PTO is capped by the RTO, so on a short
// path the probe leaves when the RTO would have (then the RTO is re-armed from the probe).
class PacketClassifier
{
public:
    // A `packet` event for one frame: host = the sending host, local/remote = "ip:port" of
    // sender and receiver, what = the class name, count = TCP payload bytes. detail carries
    // direction ("client->server"), class, and for TCP flags (tcpdump notation), seq, ack
    // (absolute), rel_seq, rel_ack (relative to each direction's ISN, as Wireshark shows them),
    // len and win; for ICMP icmp_type, icmp_code and the flow it reports (original);
    // for ARP arp_op.
    core::Event classify(const FrameView &frame, qint64 tUs, core::Host fromHost, core::Host toHost);

    // The class alone, updating the flow state the same way.
    PacketClass classOf(const FrameView &frame);

    // classify() in two steps, for a caller that needs the event only for some classes (the
    // cable sums bulk data and ACKs past a rate): classifyFrame updates the flow state, once
    // per frame; describe builds the event from its result. `dropped`: seen on the wire, never
    // delivered (cut, lost, refused by a NAT).
    struct Classified
    {
        PacketClass packetClass = PacketClass::Other;
        quint32 relativeSeq = 0;
        quint32 relativeAck = 0;
    };
    Classified classifyFrame(const FrameView &frame);
    static core::Event describe(const FrameView &frame, const Classified &classified, qint64 tUs, core::Host fromHost,
                                core::Host toHost, bool dropped = false);

private:
    // One direction of a flow. Sequence numbers wrap, so every comparison is modulo 2^32.
    struct Direction
    {
        std::optional<quint32> base;           // ISN (or seq - 1 when picked up mid-stream)
        std::optional<quint32> nextSeq;        // highest seq + length sent so far
        std::optional<quint32> highestAck;     // highest ack this side has sent
        std::optional<quint32> probeSeq;       // an unanswered keepalive probe
        std::optional<quint32> lastSegmentSeq; // where the segment that last advanced nextSeq began
        std::optional<quint32> resendUntil;    // nextSeq at the last re-send, until the peer acks it
        std::optional<bool> sackPermitted;     // from this side's SYN, when seen
    };
    struct Flow
    {
        Direction fromA;
        Direction fromB;
    };

    // Classifies and updates the flow; the sequence numbers relative to each side's ISN too.
    PacketClass classifyTcp(const FrameView &frame, quint32 *relativeSeq, quint32 *relativeAck);
    static PacketClass classifySegment(const FrameView::Tcp &tcp, const Direction &self, const Direction &peer);
    static void remember(const FrameView::Tcp &tcp, PacketClass packetClass, Direction &self, Direction &peer);

    QHash<TcpFlowKey, Flow> m_flows;
};

} // namespace halfopen::lab
