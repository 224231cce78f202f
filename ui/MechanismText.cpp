// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MechanismText.h"

namespace halfopen::ui {

QString MechanismText::title(core::DetectionMechanism mechanism)
{
    using M = core::DetectionMechanism;
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
    if (core::mechanismName(mechanism) == QLatin1String("neighbour_unreachable"))
        return tr("neighbour (ARP) resolution failed");
    return core::mechanismName(mechanism);
}

} // namespace halfopen::ui
