// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/NeighbourTimers.h"

#include <QHostAddress>
#include <QString>
#include <optional>

namespace halfopen::core {

// Reads /proc/sys/net/ipv4/neigh/IFNAME/ (ipv6 for an IPv6 peer); keeps the kernel's defaults
// for what it cannot read.
NeighbourTimers readNeighbourTimers(const QString &interfaceName, bool ipv6 = false);

// How this machine reaches a peer, asked from the kernel's routing table with RTM_GETROUTE
// (what `ip route get ADDR` prints), and the state of the next hop's neighbour entry
// (RTM_GETNEIGH, `ip neigh get`).
struct RouteToPeer
{
    bool local = false;   // the peer is one of this machine's addresses (or loopback)
    bool onLink = false;  // no gateway: the peer itself must answer ARP/ND
    QHostAddress gateway; // routed: the next hop
    QHostAddress source;  // the preferred source address
    int interfaceIndex = 0;
    QString interfaceName;

    // The neighbour whose resolution a send to the peer depends on: the peer on-link, else the
    // gateway; null for a local peer.
    QHostAddress nextHop(const QHostAddress &peer) const;

    // nullopt with a message (errno name and meaning) when the kernel has no route.
    static std::optional<RouteToPeer> lookup(const QHostAddress &peer, QString *error);
};

// The NUD_* bits of a neighbour entry (include/uapi/linux/neighbour.h), nullopt when there is
// no entry (or it cannot be read).
std::optional<quint16> neighbourState(int interfaceIndex, const QHostAddress &address);
// NUD_FAILED or NUD_INCOMPLETE: resolution failed or is failing.
bool neighbourResolutionFailing(quint16 nudState);
// "REACHABLE", "STALE", "FAILED"... as `ip neigh` prints them.
QString neighbourStateName(quint16 nudState);

} // namespace halfopen::core

namespace halfopen::core {
// For an EHOSTUNREACH just read from a socket: true when the neighbour entry of the next hop
// towards `peer` is FAILED or INCOMPLETE (the local neighbour resolution gave up: no ICMP came
// from anywhere), false when it is usable (the error was an ICMP from a router), nullopt when
// it cannot be told (no route, no entry).
std::optional<bool> nextHopResolutionFailed(const QHostAddress &peer);
} // namespace halfopen::core
