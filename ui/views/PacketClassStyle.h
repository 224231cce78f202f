// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QScatterSeries>
#include <QString>

namespace halfopen::ui {

// How the timeline draws one class of packet (the cable's classification: "data", "ack",
// "keepalive-probe", ...) or one heartbeat phase ("sent", "answered", "missed", "dead").
struct PacketClassStyle
{
    QString title;  // translated: what this one is (the hover's words)
    QString legend; // translated legend text of the symbol, shared by the classes drawn alike
    QColor color;   // reads on light and dark chart themes
    QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle;
    qreal size = 9;      // marker size in pixels
    bool hollow = false; // drawn as an outline (the tail-loss probe: a retransmission's shape, not one)
};

// The legend has one entry per symbol a viewer can tell apart: classes drawn alike share their
// `legend` (the application's heartbeat steps sent, received and answered are one symbol).
PacketClassStyle packetClassStyle(const QString &packetClass);
PacketClassStyle heartbeatPhaseStyle(const QString &phase);
// A keepalive probe or retransmission known only from tcp_info's counters (no capture): the
// packet's shape, see-through, and a legend that says where it comes from.
PacketClassStyle countedPacketStyle(const QString &packetClass);

// Colour of the n-th socket's RTO line.
QColor socketLineColor(int index);

} // namespace halfopen::ui
