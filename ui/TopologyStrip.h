// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/LabWorld.h"

#include <QLineF>
#include <QList>
#include <QWidget>

namespace halfopen::core {
class Session;
}

namespace halfopen::ui {

// The two hosts and the cable, drawn: a cut cable, a lossy or slow one, a host powered off, a
// frozen or killed process — at a glance, from the session's fault events.
class TopologyStrip : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyStrip(core::Session *session, QWidget *parent = nullptr);

    const lab::LabWorld &state() const { return m_state; }
    // The status line under a lab host (client or server), as drawn.
    QString hostStatus(core::Host host) const;
    // Real-network mode: this machine is `host` (client or server), the other box is the
    // real peer at `peer` (an address, or a phrase when unknown). false: the lab's two hosts.
    void setRealNetwork(bool real, core::Host host = core::Host::None, const QString &thisMachine = {},
                        const QString &peer = {});
    // The run failed (the controller's word, for a lab whose process never sent an event).
    void setLabFailed(const QString &message);
    // The user pressed "I pulled the cable now" in this session.
    bool markerPressed() const { return m_markerUs > 0; }
    // The cable as drawn, whole (its cuts are gaps in it): one line from the client's box to the
    // server's, or, when it is cut one way only, the client → server way above and the server →
    // client way below, each from its sender to its receiver.
    QList<QLineF> cableStrands() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The world changed (a fault carried out, a new session).
    void stateChanged(const halfopen::lab::LabWorld &state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr qreal kStrandOffset = 5; // px from the middle, when the two ways are drawn apart

    struct CableWay
    {
        bool cutAtClient = false;
        bool cutAtServer = false;
        bool operator==(const CableWay &) const = default;
    };
    CableWay cableWay(bool clientToServer) const;
    qreal hostWidth() const;
    void drawHost(QPainter &painter, const QRectF &box, const QString &name, const QString &address,
                  const lab::LabWorld::HostState &host, bool realPeer = false);
    QString status(const lab::LabWorld::HostState &host) const;

    lab::LabWorld m_state;
    bool m_started = false; // the session has events: a lab ran (or a recording was opened)
    bool m_real = false;
    core::Host m_realHost = core::Host::None;
    QString m_thisMachine;    // real network: this machine's endpoint address
    QString m_peer;           // real network: the peer's
    QString m_thisMachineSet; // as given, before a connection made them exact
    QString m_peerSet;
    qint64 m_markerUs = 0;
};

} // namespace halfopen::ui
