// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Synthetic events as the engine emits them: samples and state changes from the sampler and
// sock_diag, packets from the cable, faults from the supervisor, errors from the endpoint and
// verdicts from the scenario runner. One client socket per port, all talking to the server.

#include "core/session/Event.h"
#include "core/tcp/SocketOptions.h"

#include <QJsonObject>
#include <QString>

#include <cerrno>

namespace fixtures {

using namespace halfopen::core;

inline constexpr qint64 kT0 = 86'400'000'000; // a day of uptime, in microseconds

inline qint64 at(double seconds)
{
    return kT0 + qint64(seconds * 1e6);
}

inline QString localOf(int port)
{
    return QStringLiteral("10.0.0.1:%1").arg(port);
}

inline TcpInfoSample established(double rtoMs = 204, quint32 sendQ = 0)
{
    TcpInfoSample s;
    s.state = TcpState::Established;
    s.rtoUs = quint32(rtoMs * 1000);
    s.rttUs = 412;
    s.sendQ = sendQ;
    s.lastAckRecvMs = 100;
    s.lastDataRecvMs = 60000; // the last data a minute ago, an ACK since
    s.timerKnown = true;
    s.timer = TcpTimer::Keepalive;
    s.timerExpiresMs = 5000;
    return s;
}

inline Event socketEvent(EventKind kind, double seconds, halfopen::core::Host host, int port)
{
    Event e;
    e.kind = kind;
    e.tUs = at(seconds);
    e.host = host;
    e.local = localOf(port);
    e.remote = QStringLiteral("10.0.0.2:5000");
    return e;
}

inline Event sample(double seconds, halfopen::core::Host host, int port, const TcpInfoSample &s = established())
{
    Event e = socketEvent(EventKind::Sample, seconds, host, port);
    e.sample = s;
    return e;
}

inline Event state(double seconds, halfopen::core::Host host, int port, TcpState from, TcpState to)
{
    Event e = socketEvent(EventKind::State, seconds, host, port);
    e.fromState = from;
    e.toState = to;
    TcpInfoSample s = established();
    s.state = from; // the sample rides along from before the change, as SnapshotDiff sends it
    e.sample = s;
    return e;
}

inline Event error(double seconds, halfopen::core::Host host, int port, int errnoValue, DetectionMechanism mechanism,
                   bool fatal = true)
{
    Event e = socketEvent(EventKind::Error, seconds, host, port);
    e.what = QStringLiteral("recv");
    e.errnoValue = errnoValue;
    e.mechanism = mechanism;
    e.detail = {{QStringLiteral("fatal"), fatal}, {QStringLiteral("operation"), QStringLiteral("recv")}};
    return e;
}

inline Event endpointClosed(double seconds, halfopen::core::Host host, int port)
{
    Event e = socketEvent(EventKind::Endpoint, seconds, host, port);
    e.what = QStringLiteral("closed");
    return e;
}

inline Event packet(double seconds, halfopen::core::Host fromHost, const QString &packetClass, int seq = 1)
{
    Event e;
    e.kind = EventKind::Packet;
    e.tUs = at(seconds);
    e.host = fromHost;
    e.local = QStringLiteral("10.0.0.1:40000");
    e.remote = QStringLiteral("10.0.0.2:5000");
    e.what = packetClass;
    e.detail = {{QStringLiteral("direction"), halfopen::core::hostName(fromHost) + QStringLiteral("->peer")},
                {QStringLiteral("flags"), QStringLiteral("A")},
                {QStringLiteral("seq"), seq},
                {QStringLiteral("len"), 0}};
    return e;
}

inline Event heartbeat(double seconds, halfopen::core::Host host, const QString &phase)
{
    Event e = socketEvent(EventKind::Heartbeat, seconds, host, 40000);
    e.what = phase;
    return e;
}

inline Event fault(double seconds, halfopen::core::Host host, const QString &name)
{
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = at(seconds);
    e.host = host;
    e.what = name;
    e.detail = {{QStringLiteral("fault"), name}, {QStringLiteral("host"), halfopen::core::hostName(host)}};
    return e;
}

// As the scenario runner writes it: times relative to the run's start, stamped at detection.
inline Event verdict(double detectedSeconds, halfopen::core::Host host, double faultTS, double detectedTS,
                     DetectionMechanism mechanism, int errnoValue)
{
    Event e;
    e.kind = EventKind::Verdict;
    e.tUs = at(detectedSeconds);
    e.host = host;
    e.what = QStringLiteral("ETIMEDOUT");
    e.errnoValue = errnoValue;
    e.mechanism = mechanism;
    e.detail = {{QStringLiteral("fault"), QStringLiteral("power-off")},
                {QStringLiteral("fault_t_s"), faultTS},
                {QStringLiteral("detected_t_s"), detectedTS},
                {QStringLiteral("elapsed_s"), detectedTS - faultTS}};
    return e;
}

// The endpoint's report of a socket's options: port 0 for a socket set up before it had an
// address (a client before connect), `live` for a change on an open connection.
inline Event options(double seconds, halfopen::core::Host host, int port, const KeepaliveSettings &keepalive,
                     bool live = false)
{
    Event e = port ? socketEvent(EventKind::Endpoint, seconds, host, port) : Event{};
    e.kind = EventKind::Endpoint;
    e.tUs = at(seconds);
    e.host = host;
    e.what = QStringLiteral("options");
    SocketOptions o;
    o.keepalive = keepalive;
    e.detail = {{QStringLiteral("requested"), o.toJson()}, {QStringLiteral("applied"), o.toJson()}};
    if (live)
        e.detail.insert(QStringLiteral("live"), true);
    return e;
}

} // namespace fixtures
