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
    Icmp,                  // ICMP unreachable, or neighbour resolution failed
    LocalError,            // the local stack refused (bind, options, resources)
};

// Stable snake_case names for JSON and the CLI ("keepalive", "retransmission_timeout").
QString mechanismName(DetectionMechanism mechanism);
std::optional<DetectionMechanism> mechanismFromName(QStringView name);

} // namespace halfopen::core
