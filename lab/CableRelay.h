#pragma once

#include "lab/PacketPort.h"

#include <QObject>

namespace halfopen::lab {

// The virtual cable: frames from one host's port go out of the other's. Each direction can be
// cut on its own (the hosts keep carrier, nothing tells them). Every frame that arrives is
// offered to observers before it is forwarded or dropped, with the time it arrived.
class CableRelay : public QObject
{
    Q_OBJECT
public:
    enum class Side { Client = 0, Server = 1 };
    Q_ENUM(Side)

    explicit CableRelay(QObject *parent = nullptr);

    // (Re)attaches one side to an interface in our namespace, e.g. after the host powered on.
    bool attach(Side side, const QString &interfaceName, QString *error);
    void detach(Side side);

    // Cut frames leaving `from` (towards the other side).
    void setCut(Side from, bool cut);
    bool isCut(Side from) const { return m_cut[int(from)]; }

    qint64 forwarded() const { return m_forwarded; }
    qint64 dropped() const { return m_dropped; }

signals:
    void frame(const QByteArray &frame, halfopen::lab::CableRelay::Side from, qint64 tUs, bool delivered);

private:
    void relay(Side from, const QByteArray &frame, qint64 tUs);

    PacketPort m_ports[2];
    bool m_cut[2] = {false, false};
    qint64 m_forwarded = 0;
    qint64 m_dropped = 0;
};

QString sideName(CableRelay::Side side);

} // namespace halfopen::lab
