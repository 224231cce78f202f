// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/PacketClassStyle.h"

#include <QCoreApplication>
#include <QList>

namespace halfopen::ui {

namespace {
class PacketClassText
{
    Q_DECLARE_TR_FUNCTIONS(PacketClassStyle)
public:
    static PacketClassStyle packet(const QString &packetClass);
    static PacketClassStyle heartbeat(const QString &phase);
};

using Shape = QScatterSeries::MarkerShape;

PacketClassStyle PacketClassText::packet(const QString &c)
{
    // Colours from the Tableau 10 palette (made for charts read by many on any background);
    // the alarming classes (retransmission, rst, icmp) get the warm ones and bigger markers.
    if (c == QLatin1String("syn"))
        return {
            tr("SYN", "TCP packet with the SYN flag"), {}, QColor(0x76, 0xb7, 0xb2), Shape::MarkerShapeRectangle, 9};
    if (c == QLatin1String("syn-ack"))
        return {tr("SYN-ACK", "TCP packet with SYN and ACK flags"),
                {},
                QColor(0x4e, 0x9a, 0x95),
                Shape::MarkerShapeRectangle,
                9};
    if (c == QLatin1String("data"))
        return {tr("data", "TCP segment carrying payload"), {}, QColor(0x4e, 0x79, 0xa7), Shape::MarkerShapeCircle, 9};
    if (c == QLatin1String("ack"))
        return {tr("ACK", "pure TCP acknowledgement"), {}, QColor(0x9d, 0xa3, 0xab), Shape::MarkerShapeCircle, 7};
    if (c == QLatin1String("keepalive-probe"))
        return {tr("keepalive probe"), {}, QColor(0xf2, 0x8e, 0x2b), Shape::MarkerShapeTriangle, 12};
    if (c == QLatin1String("keepalive-ack"))
        return {tr("keepalive ACK", "the peer's answer to a keepalive probe"),
                {},
                QColor(0xed, 0xc9, 0x48),
                Shape::MarkerShapeTriangle,
                10};
    if (c == QLatin1String("heartbeat-ping"))
        return {tr("heartbeat ping", "application heartbeat request"),
                {},
                QColor(0x59, 0xa1, 0x4f),
                Shape::MarkerShapePentagon,
                11};
    if (c == QLatin1String("heartbeat-pong"))
        return {tr("heartbeat pong", "application heartbeat answer"),
                {},
                QColor(0x8c, 0xd1, 0x7d),
                Shape::MarkerShapePentagon,
                10};
    if (c == QLatin1String("retransmission"))
        return {tr("retransmission"), {}, QColor(0xb0, 0x7a, 0xa1), Shape::MarkerShapeRotatedRectangle, 12};
    // The kernel's tail-loss probe sends the last segment again before the retransmission timer
    // could fire; it is not one of the retransmissions tcp_retries2 and tcp_info count, so the
    // same diamond drawn hollow, in its own colour.
    if (c == QLatin1String("tail-loss-probe"))
        return {tr("tail-loss probe (TLP)", "the kernel's tail-loss probe (RFC 8985): not a retransmission"),
                {},
                QColor(0xd3, 0x72, 0xa8),
                Shape::MarkerShapeRotatedRectangle,
                13,
                true};
    if (c == QLatin1String("fin"))
        return {tr("FIN", "TCP packet with the FIN flag"), {}, QColor(0x3b, 0x8f, 0xd9), Shape::MarkerShapeStar, 13};
    if (c == QLatin1String("rst"))
        return {tr("RST", "TCP packet with the RST flag"), {}, QColor(0xe1, 0x57, 0x59), Shape::MarkerShapeStar, 15};
    if (c == QLatin1String("icmp-unreachable"))
        return {tr("ICMP unreachable"), {}, QColor(0x9c, 0x75, 0x5f), Shape::MarkerShapeStar, 13};
    return {c, {}, QColor(0xba, 0xb0, 0xac), Shape::MarkerShapeCircle, 7};
}

PacketClassStyle PacketClassText::heartbeat(const QString &p)
{
    // The application's own steps, drawn just above the wire's ping and pong: the three that say
    // "all is well" (sent, received, answered) are one small green square, as the lane and the
    // time already tell them apart; a miss and the death each a symbol of their own, neither
    // like a retransmission (rotated square) nor an RST (star).
    const QString step = tr("heartbeat step (application)", "legend: heartbeat sent, received or answered");
    if (p == QLatin1String("sent"))
        return {tr("heartbeat sent", "the application sent its heartbeat"), step, QColor(0x59, 0xa1, 0x4f),
                Shape::MarkerShapeRectangle, 7};
    if (p == QLatin1String("received"))
        return {tr("heartbeat received", "the peer's heartbeat arrived"), step, QColor(0x59, 0xa1, 0x4f),
                Shape::MarkerShapeRectangle, 7};
    if (p == QLatin1String("answered"))
        return {tr("heartbeat answered"), step, QColor(0x59, 0xa1, 0x4f), Shape::MarkerShapeRectangle, 7};
    if (p == QLatin1String("missed"))
        return {tr("heartbeat missed"), {}, QColor(0xff, 0x9d, 0xa7), Shape::MarkerShapeRectangle, 11};
    if (p == QLatin1String("dead"))
        return {tr("heartbeat: peer dead"), {}, QColor(0xc0, 0x1f, 0x2f), Shape::MarkerShapePentagon, 15};
    return {tr("heartbeat %1").arg(p), {}, QColor(0xba, 0xb0, 0xac), Shape::MarkerShapeRectangle, 7};
}
} // namespace

PacketClassStyle packetClassStyle(const QString &packetClass)
{
    return PacketClassText::packet(packetClass);
}

PacketClassStyle heartbeatPhaseStyle(const QString &phase)
{
    return PacketClassText::heartbeat(phase);
}

QColor socketLineColor(int index)
{
    static const QList<QColor> colors = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f), QColor(0xe1, 0x57, 0x59),
        QColor(0xb0, 0x7a, 0xa1), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48), QColor(0x9c, 0x75, 0x5f),
    };
    return colors.at(index % colors.size());
}

PacketClassStyle countedPacketStyle(const QString &packetClass)
{
    PacketClassStyle style = packetClassStyle(packetClass);
    style.title
        = QCoreApplication::translate("PacketClassStyle", "%1 (counted by tcp_info, no capture)").arg(style.title);
    style.legend = style.title;
    style.color.setAlpha(90);
    return style;
}

} // namespace halfopen::ui
