// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Events of every kind with every field they carry filled in, and a field-by-field comparison
// (Event has no operator==, and comparing toJson() would hide a field toJson forgets).

#include "core/session/Event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QString>

#include <cerrno>

namespace fixtures {

using namespace halfopen::core;

inline TcpInfoSample retransmittingSample()
{
    TcpInfoSample s;
    s.state = TcpState::Established;
    s.caState = 4;
    s.retransmits = 3;
    s.backoff = 3;
    s.rtoUs = 1632000;
    s.rttUs = 412;
    s.rttVarUs = 206;
    s.unacked = 2;
    s.totalRetrans = 3;
    s.lastDataSentMs = 3300;
    s.lastAckRecvMs = 3310;
    s.sendCwnd = 1;
    s.segsOut = 12;
    s.segsIn = 8;
    s.bytesAcked = 1001;
    s.bytesReceived = 900;
    s.sendQ = 200;
    s.timerKnown = true;
    s.timer = TcpTimer::Retransmit;
    s.timerExpiresMs = 1210;
    return s;
}

// One event per kind, each with a sample, errno, mechanism, count and detail, at increasing
// times on a realistic CLOCK_MONOTONIC axis.
inline QList<Event> eventsOfEveryKind()
{
    QList<Event> events;
    const qint64 t0 = 86'400'123'456; // a day of uptime, in microseconds
    for (int k = int(EventKind::State); k <= int(EventKind::Endpoint); ++k) {
        Event e;
        e.kind = EventKind(k);
        e.tUs = t0 + k * 1'250'001;
        e.host = k % 2 ? halfopen::core::Host::Server : halfopen::core::Host::Client;
        e.local = QStringLiteral("10.0.0.%1:40000").arg(k + 1);
        e.remote = QStringLiteral("[fd00::1]:5000");
        e.what = QStringLiteral("what-%1").arg(eventKindName(e.kind));
        if (e.kind == EventKind::State) {
            e.fromState = TcpState::Established;
            e.toState = TcpState::CloseWait;
        }
        e.sample = retransmittingSample();
        e.sample->probes = quint8(k);
        e.errnoValue = k % 2 ? ETIMEDOUT : ECONNRESET;
        e.mechanism = k % 2 ? DetectionMechanism::Keepalive : DetectionMechanism::UserTimeout;
        e.count = 1000 + k;
        e.detail = QJsonObject{{QStringLiteral("kind_index"), k},
                               {QStringLiteral("flags"), QStringLiteral("SA")},
                               {QStringLiteral("list"), QJsonArray{1, 2.5, QStringLiteral("x")}},
                               {QStringLiteral("nested"), QJsonObject{{QStringLiteral("ok"), true}}}};
        events.append(e);
    }
    return events;
}

inline Event simpleEvent(qint64 tUs, const QString &what)
{
    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = tUs;
    e.host = halfopen::core::Host::Client;
    e.what = what;
    return e;
}

// Names the first field that differs, empty when the events are equal.
inline QString eventDifference(const Event &a, const Event &b)
{
    if (a.kind != b.kind)
        return QStringLiteral("kind %1 vs %2").arg(eventKindName(a.kind), eventKindName(b.kind));
    if (a.tUs != b.tUs)
        return QStringLiteral("t_us %1 vs %2").arg(a.tUs).arg(b.tUs);
    if (a.host != b.host || a.local != b.local || a.remote != b.remote)
        return QStringLiteral("socket %1 vs %2").arg(a.socketKey(), b.socketKey());
    if (a.what != b.what)
        return QStringLiteral("what %1 vs %2").arg(a.what, b.what);
    if (a.fromState != b.fromState || a.toState != b.toState)
        return QStringLiteral("states");
    if (a.sample.has_value() != b.sample.has_value())
        return QStringLiteral("sample present vs absent");
    if (a.sample && !(*a.sample == *b.sample))
        return QStringLiteral("sample %1 vs %2")
            .arg(QString::fromUtf8(QJsonDocument(a.sample->toJson()).toJson(QJsonDocument::Compact)),
                 QString::fromUtf8(QJsonDocument(b.sample->toJson()).toJson(QJsonDocument::Compact)));
    if (a.errnoValue != b.errnoValue)
        return QStringLiteral("errno %1 vs %2").arg(a.errnoValue).arg(b.errnoValue);
    if (a.mechanism != b.mechanism)
        return QStringLiteral("mechanism");
    if (a.count != b.count)
        return QStringLiteral("count %1 vs %2").arg(a.count).arg(b.count);
    if (a.detail != b.detail)
        return QStringLiteral("detail");
    return {};
}

} // namespace fixtures
