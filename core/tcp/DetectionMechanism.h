// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace halfopen::core {

// What made a connection's death known to the application.
enum class DetectionMechanism : quint8 {
    None,                  // nothing noticed (yet)
    Keepalive,             // unanswered TCP keepalive probes
    RetransmissionTimeout, // tcp_retries2 budget of data retransmissions ran out
    UserTimeout,           // TCP_USER_TIMEOUT ran out while data was unacknowledged
    SynTimeout,            // connect(): SYN retries ran out
    Heartbeat,             // the application's own heartbeat missed too many answers
    Rst,                   // the peer (or a middlebox) answered with RST
    Fin,                   // the peer closed: read() returned 0
    Icmp,                  // an ICMP unreachable that arrived from a router
    LocalError,            // the local stack refused (bind, options, resources)
    // Appended, so the numbering of the others stays as recorded:
    NeighbourUnreachable, // neighbour (ARP) resolution of the next hop failed: a local
                          // EHOSTUNREACH (net/core/neighbour.c neigh_invalidate ->
                          // arp_error_report), no ICMP ever crossed the wire
    ApplicationKeepalive, // an application protocol's own keepalive (MQTT, AMQP heartbeat)
};

// Stable snake_case names for JSON and the CLI ("keepalive", "retransmission_timeout").
QString mechanismName(DetectionMechanism mechanism);
std::optional<DetectionMechanism> mechanismFromName(QStringView name);

} // namespace halfopen::core
