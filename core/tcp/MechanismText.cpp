// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/MechanismText.h"

namespace halfopen::core {

QString MechanismText::title(DetectionMechanism mechanism)
{
    using M = DetectionMechanism;
    switch (mechanism) {
    case M::None:
        return tr("nothing", "detection mechanism");
    case M::Keepalive:
        return tr("TCP keepalive");
    case M::RetransmissionTimeout:
        return tr("retransmission timeout (tcp_retries2)");
    case M::UserTimeout:
        return tr("TCP user timeout");
    case M::SynTimeout:
        return tr("SYN retries running out");
    case M::Heartbeat:
        return tr("the application heartbeat");
    case M::Rst:
        return tr("an RST from the peer");
    case M::Fin:
        return tr("the peer's FIN (end of stream)");
    case M::Icmp:
        return tr("ICMP unreachable");
    case M::LocalError:
        return tr("a local error");
    case M::NeighbourUnreachable:
        return tr("neighbour (ARP) resolution failed");
    case M::ApplicationKeepalive:
        return tr("the application protocol's keepalive");
    }
    // The address never answered ARP: no ICMP came, the host's own neighbour table gave up.
    if (mechanismName(mechanism) == QLatin1String("neighbour_unreachable"))
        return tr("neighbour (ARP) resolution failed");
    return mechanismName(mechanism);
}

QString MechanismText::shortName(DetectionMechanism m)
{
    using M = DetectionMechanism;
    switch (m) {
    case M::None:
        return tr("nothing");
    case M::Keepalive:
        return tr("keepalive", "TCP keepalive detected it");
    case M::RetransmissionTimeout:
        return tr("retransmission timeout");
    case M::UserTimeout:
        return tr("user timeout", "TCP_USER_TIMEOUT");
    case M::SynTimeout:
        return tr("SYN timeout", "connect() gave up after its SYN retries");
    case M::Heartbeat:
        return tr("heartbeat", "the application's own heartbeat");
    case M::Rst:
        return tr("RST", "the peer answered with a reset");
    case M::Fin:
        return tr("FIN", "the peer closed");
    case M::Icmp:
        return tr("ICMP");
    case M::LocalError:
        return tr("local error");
    case M::NeighbourUnreachable:
        return tr("neighbour (ARP) failed", "no ICMP: the local neighbour resolution gave up");
    case M::ApplicationKeepalive:
        return tr("application keepalive", "MQTT keepalive, AMQP heartbeat");
    }
    return mechanismName(m);
}

} // namespace halfopen::core
