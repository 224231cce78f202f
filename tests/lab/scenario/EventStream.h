// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builders for synthetic event streams as the lab would report them: the client
// 198.18.0.1:40000 connected to the server 198.18.0.2:5000, packets as lab/cable's
// PacketClassifier writes them, endpoint steps and errors as core/endpoint does.

#include "core/session/Event.h"

#include <QList>
#include <optional>

namespace scenariotest {

using halfopen::core::DetectionMechanism;
using halfopen::core::Event;
using halfopen::core::EventKind;
using halfopen::core::TcpState;

inline const QString kClientAddress = QStringLiteral("198.18.0.1:40000");
inline const QString kServerAddress = QStringLiteral("198.18.0.2:5000");

inline qint64 us(double seconds)
{
    return qRound64(seconds * 1e6);
}

inline QString addressOf(halfopen::core::Host host)
{
    return host == halfopen::core::Host::Client ? kClientAddress : kServerAddress;
}

inline Event packet(qint64 tUs, halfopen::core::Host from, const QString &what,
                    std::optional<quint32> seq = std::nullopt, std::optional<quint32> ack = std::nullopt, int len = 0,
                    const QString &flags = QStringLiteral("."))
{
    Event e;
    e.kind = EventKind::Packet;
    e.tUs = tUs;
    e.host = from;
    e.local = addressOf(from);
    e.remote = addressOf(*halfopen::core::peerOf(from));
    e.what = what;
    e.count = len;
    e.detail.insert(QStringLiteral("direction"),
                    halfopen::core::hostName(from) + QStringLiteral("->")
                        + halfopen::core::hostName(*halfopen::core::peerOf(from)));
    e.detail.insert(QStringLiteral("class"), what);
    if (seq) {
        e.detail.insert(QStringLiteral("flags"), flags);
        e.detail.insert(QStringLiteral("seq"), qint64(*seq));
        e.detail.insert(QStringLiteral("ack"), qint64(ack.value_or(0)));
        e.detail.insert(QStringLiteral("len"), len);
    }
    return e;
}

inline Event fault(qint64 tUs, const QString &what, halfopen::core::Host host)
{
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = tUs;
    e.host = host;
    e.what = what;
    return e;
}

inline Event endpoint(qint64 tUs, halfopen::core::Host host, const QString &what)
{
    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = tUs;
    e.host = host;
    e.local = addressOf(host);
    e.remote = addressOf(*halfopen::core::peerOf(host));
    e.what = what;
    return e;
}

inline Event error(qint64 tUs, halfopen::core::Host host, int errnoValue, DetectionMechanism mechanism,
                   bool fatal = true, std::optional<qint64> sinceLastReceivedMs = std::nullopt,
                   const QString &operation = QStringLiteral("recv"))
{
    Event e = endpoint(tUs, host, operation);
    e.kind = EventKind::Error;
    e.errnoValue = errnoValue;
    e.mechanism = mechanism;
    e.detail = {{QStringLiteral("operation"), operation}, {QStringLiteral("fatal"), fatal}};
    if (sinceLastReceivedMs)
        e.detail.insert(QStringLiteral("since_last_received_ms"), *sinceLastReceivedMs);
    return e;
}

inline Event eof(qint64 tUs, halfopen::core::Host host)
{
    Event e = endpoint(tUs, host, QStringLiteral("eof"));
    e.kind = EventKind::Error;
    e.mechanism = DetectionMechanism::Fin;
    e.detail = {{QStringLiteral("operation"), QStringLiteral("recv")}};
    return e;
}

inline Event state(qint64 tUs, halfopen::core::Host host, TcpState from, TcpState to, const QString &remote = QString())
{
    Event e = endpoint(tUs, host, QString());
    e.kind = EventKind::State;
    if (!remote.isEmpty())
        e.remote = remote;
    e.fromState = from;
    e.toState = to;
    return e;
}

inline Event heartbeat(qint64 tUs, halfopen::core::Host host, const QString &what, qint64 count)
{
    Event e = endpoint(tUs, host, what);
    e.kind = EventKind::Heartbeat;
    e.count = count;
    if (what == QLatin1String("dead"))
        e.mechanism = DetectionMechanism::Heartbeat;
    return e;
}

// The handshake at t0 and both sides' endpoint steps: SYN, SYN-ACK, ACK, connected, accepted.
inline QList<Event> handshake(qint64 t0, quint32 clientIsn = 1000, quint32 serverIsn = 5000)
{
    return {packet(t0, halfopen::core::Host::Client, QStringLiteral("syn"), clientIsn, 0, 0, QStringLiteral("S")),
            packet(t0 + 100, halfopen::core::Host::Server, QStringLiteral("syn-ack"), serverIsn, clientIsn + 1, 0,
                   QStringLiteral("S.")),
            packet(t0 + 200, halfopen::core::Host::Client, QStringLiteral("ack"), clientIsn + 1, serverIsn + 1, 0),
            endpoint(t0 + 250, halfopen::core::Host::Client, QStringLiteral("connected")),
            endpoint(t0 + 300, halfopen::core::Host::Server, QStringLiteral("accepted"))};
}

} // namespace scenariotest
