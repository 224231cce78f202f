// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace halfopen::core {

// What one frame on the cable is, in the words a TCP textbook uses. Every frame gets exactly
// one class; the names are the `what` of packet events.
enum class PacketClass : quint8 {
    Syn,
    SynAck,
    Data,
    Ack,
    KeepaliveProbe, // 0 or 1 byte at snd_una - 1
    KeepaliveAck,   // the pure ACK answering a probe
    Retransmission, // data, SYN or FIN whose sequence space was sent before
    TailLossProbe,  // the kernel's tail-loss probe: the last segment sent again (PacketClassifier)
    Fin,
    Rst,
    IcmpUnreachable, // any ICMP destination unreachable
    Icmp,            // any other ICMP
    Arp,
    HeartbeatPing, // the test protocol's 'P' frame
    HeartbeatPong, // its 'A' answer
    Other,         // not TCP/ICMP/ARP, or truncated
};

QLatin1StringView packetClassName(PacketClass packetClass); // "syn-ack", "keepalive-probe", ...
std::optional<PacketClass> packetClassFromName(QStringView name);

} // namespace halfopen::core
