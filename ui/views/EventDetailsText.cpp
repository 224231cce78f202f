// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/EventDetailsText.h"

#include "core/tcp/ErrnoCatalog.h"
#include "models/SocketOptionsText.h"
#include "ui/views/FaultText.h"
#include "ui/views/PacketClassStyle.h"

#include <QCoreApplication>
#include <QStringList>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

namespace {
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventDetailsText)
public:
    static QString details(const Event &e, qint64 originUs);
    static QString headline(const Event &e);
    static QString mechanism(core::DetectionMechanism m);
};

QString EventText::mechanism(core::DetectionMechanism m)
{
    using M = core::DetectionMechanism;
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
    return core::mechanismName(m);
}

QString EventText::headline(const Event &e)
{
    switch (e.kind) {
    case EventKind::Packet: {
        const QString direction = e.detail.value(QStringLiteral("direction"))
                                      .toString()
                                      .replace(QStringLiteral("->"), QStringLiteral(" → "));
        return tr("%1 packet, %2").arg(packetClassStyle(e.what).title, direction.isEmpty() ? e.host : direction);
    }
    case EventKind::Heartbeat:
        return tr("%1 on %2").arg(heartbeatPhaseStyle(e.what).title, e.host);
    case EventKind::State:
        return tr("%1: %2 → %3").arg(e.host, tcpStateName(e.fromState), tcpStateName(e.toState));
    case EventKind::Fault:
        return e.host.isEmpty() ? tr("fault: %1").arg(faultTitle(e.what))
                                : tr("fault: %1 %2").arg(faultTitle(e.what), e.host);
    case EventKind::Error:
        return tr("%1 saw %2 (detected by %3)")
            .arg(e.host, e.errnoValue != 0 ? core::ErrnoCatalog::describe(e.errnoValue) : tr("EOF: the peer closed"),
                 mechanism(e.mechanism));
    case EventKind::Endpoint:
        if (e.what == QLatin1String("options"))
            return models::isLiveOptionsChange(e.detail) ? tr("%1: socket options changed").arg(e.host)
                                                         : tr("%1: socket options set").arg(e.host);
        return core::describeEvent(e, 0);
    case EventKind::Verdict:
        return tr("verdict: %1 by %2 after %3 s")
            .arg(e.what, mechanism(e.mechanism))
            .arg(e.detail.value(QStringLiteral("elapsed_s")).toDouble(), 0, 'f', 2);
    default:
        return core::describeEvent(e, 0);
    }
}

QString EventText::details(const Event &e, qint64 originUs)
{
    QStringList lines;
    lines.append(headline(e));
    lines.append(tr("at %1 s").arg((e.tUs - originUs) / 1e6, 0, 'f', 3));
    if (!e.local.isEmpty())
        lines.append(e.remote.isEmpty() ? e.local : QStringLiteral("%1 → %2").arg(e.local, e.remote));
    if (e.kind == EventKind::Packet) {
        const QJsonObject &d = e.detail;
        lines.append(tr("flags %1  seq %2  ack %3  len %4")
                         .arg(d.value(QStringLiteral("flags")).toString())
                         .arg(d.value(QStringLiteral("rel_seq")).toVariant().toString())
                         .arg(d.value(QStringLiteral("rel_ack")).toVariant().toString())
                         .arg(d.value(QStringLiteral("len")).toInt()));
    }
    if (e.kind == EventKind::Heartbeat && e.count != 0)
        lines.append(tr("count %1").arg(e.count));
    if (e.kind == EventKind::Endpoint && e.what == QLatin1String("options"))
        lines.append(models::optionsEventText(e.detail));
    if (e.kind == EventKind::Error && e.detail.contains(QStringLiteral("operation")))
        lines.append(tr("in %1()").arg(e.detail.value(QStringLiteral("operation")).toString()));
    return lines.join(QLatin1Char('\n'));
}
} // namespace

QString eventDetailsText(const Event &event, qint64 originUs)
{
    return EventText::details(event, originUs);
}

QString mechanismWords(core::DetectionMechanism mechanism)
{
    return EventText::mechanism(mechanism);
}

} // namespace halfopen::ui
