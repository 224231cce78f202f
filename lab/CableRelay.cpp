#include "lab/CableRelay.h"

namespace halfopen::lab {

CableRelay::CableRelay(QObject *parent)
    : QObject(parent)
{
    for (Side side : {Side::Client, Side::Server}) {
        connect(&m_ports[int(side)], &PacketPort::frameReceived, this,
                [this, side](const QByteArray &frame, qint64 tUs) { relay(side, frame, tUs); });
    }
}

bool CableRelay::attach(Side side, const QString &interfaceName, QString *error)
{
    m_ports[int(side)].close();
    return m_ports[int(side)].open(interfaceName, error);
}

void CableRelay::detach(Side side)
{
    m_ports[int(side)].close();
}

void CableRelay::setCut(Side from, bool cut)
{
    m_cut[int(from)] = cut;
}

void CableRelay::relay(Side from, const QByteArray &frame, qint64 tUs)
{
    const Side to = from == Side::Client ? Side::Server : Side::Client;
    const bool delivered = !m_cut[int(from)] && m_ports[int(to)].send(frame);
    if (delivered)
        ++m_forwarded;
    else
        ++m_dropped;
    emit this->frame(frame, from, tUs, delivered);
}

QString sideName(CableRelay::Side side)
{
    return side == CableRelay::Side::Client ? QStringLiteral("client") : QStringLiteral("server");
}

} // namespace halfopen::lab
