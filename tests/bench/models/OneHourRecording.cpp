// SPDX-License-Identifier: GPL-3.0-or-later
#include "OneHourRecording.h"

#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"

#include <algorithm>
#include <cerrno>

namespace bench {

using namespace halfopen;

namespace {

constexpr qint64 kT0 = 3'600'000'000;
const halfopen::core::Host kClient = halfopen::core::Host::Client;
const halfopen::core::Host kServer = halfopen::core::Host::Server;
const QString kClientAddress = QStringLiteral("10.77.0.1:40312");
const QString kServerAddress = QStringLiteral("10.77.0.2:5000");

core::Event event(core::EventKind kind, double seconds, halfopen::core::Host host, const QString &what = {})
{
    core::Event e;
    e.kind = kind;
    e.tUs = kT0 + qint64(seconds * 1e6);
    e.host = host;
    e.local = host == kClient ? kClientAddress : kServerAddress;
    e.remote = host == kClient ? kServerAddress : kClientAddress;
    e.what = what;
    return e;
}

core::Event packet(double seconds, halfopen::core::Host from, const QString &packetClass, qint64 seq, int len)
{
    core::Event e = event(core::EventKind::Packet, seconds, from, packetClass);
    e.count = len;
    e.detail = {
        {QStringLiteral("direction"),
         halfopen::core::hostName(from) + (from == kClient ? QStringLiteral("->server") : QStringLiteral("->client"))},
        {QStringLiteral("flags"), len ? QStringLiteral("PA") : QStringLiteral("A")},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("ack"), seq + 1},
        {QStringLiteral("rel_seq"), seq % 100000},
        {QStringLiteral("rel_ack"), 1},
        {QStringLiteral("len"), len},
        {QStringLiteral("win"), 502},
        {QStringLiteral("class"), packetClass}};
    return e;
}

core::Event sample(double seconds, halfopen::core::Host host, quint32 rtoUs, quint8 backoff, quint32 sendQ,
                   quint32 segs)
{
    core::Event e = event(core::EventKind::Sample, seconds, host);
    core::TcpInfoSample s;
    s.state = core::TcpState::Established;
    s.rtoUs = rtoUs;
    s.backoff = backoff;
    s.retransmits = backoff;
    s.rttUs = 350;
    s.rttVarUs = 120;
    s.sendQ = sendQ;
    s.unacked = sendQ ? 1 : 0;
    s.segsOut = segs;
    s.segsIn = segs;
    s.bytesAcked = segs * 100ull;
    s.bytesReceived = segs * 100ull;
    s.lastAckRecvMs = 30;
    s.sendCwnd = 10;
    s.timerKnown = true;
    s.timer = sendQ ? core::TcpTimer::Retransmit : core::TcpTimer::Keepalive;
    s.timerExpiresMs = sendQ ? rtoUs / 1000 : 7200000;
    e.sample = s;
    return e;
}

} // namespace

QList<core::Event> oneHourOfEvents()
{
    QList<core::Event> events;
    events.reserve(200'000);
    core::Event ready = event(core::EventKind::Endpoint, 0, halfopen::core::Host::Lab, QStringLiteral("ready"));
    ready.local.clear();
    ready.remote.clear();
    events.append(ready);
    constexpr double kUnplugS = 3590;
    quint32 segs = 0;
    for (int second = 0; second < 3600; ++second) {
        for (int k = 0; k < 15; ++k) {
            const double t = second + k / 15.0;
            if (t >= kUnplugS)
                break;
            events.append(packet(t, kClient, QStringLiteral("data"), ++segs * 100, 100));
            events.append(packet(t + 0.0004, kServer, QStringLiteral("ack"), segs, 0));
        }
        for (int k = 0; k < 10 && second + k / 10.0 < kUnplugS; ++k) {
            events.append(sample(second + k / 10.0 + 0.001, kClient, 204'000, 0, k % 2 ? 100 : 0, segs));
            events.append(sample(second + k / 10.0 + 0.002, kServer, 204'000, 0, 0, segs));
        }
        if (second < kUnplugS) {
            events.append(event(core::EventKind::Heartbeat, second + 0.05, kClient, QStringLiteral("sent")));
            events.append(packet(second + 0.05, kClient, QStringLiteral("heartbeat-ping"), ++segs * 100, 9));
            events.append(packet(second + 0.0505, kServer, QStringLiteral("heartbeat-pong"), segs, 9));
            events.append(event(core::EventKind::Heartbeat, second + 0.051, kClient, QStringLiteral("answered")));
        }
    }
    core::Event unplug = event(core::EventKind::Fault, kUnplugS, kServer, QStringLiteral("unplug"));
    unplug.local.clear();
    unplug.remote.clear();
    events.append(unplug);
    // Retransmissions back off: the RTO doubles until the data is given up.
    double t = kUnplugS;
    for (quint8 backoff = 0; backoff < 6; ++backoff) {
        const quint32 rto = 204'000u << backoff;
        t += rto / 1e6;
        events.append(packet(t, kClient, QStringLiteral("retransmission"), segs * 100, 100));
        events.append(sample(t + 0.001, kClient, rto * 2, quint8(backoff + 1), 100, segs));
    }
    core::Event error = event(core::EventKind::Error, t + 0.5, kClient, QStringLiteral("recv"));
    error.errnoValue = ETIMEDOUT;
    error.mechanism = core::DetectionMechanism::UserTimeout;
    error.detail = {{QStringLiteral("fatal"), true}, {QStringLiteral("operation"), QStringLiteral("recv")}};
    events.append(error);
    std::stable_sort(events.begin(), events.end(),
                     [](const core::Event &a, const core::Event &b) { return a.tUs < b.tUs; });
    return events;
}

double writeOneHourRecording(const QString &path)
{
    core::Session recorded;
    core::JsonlRecorder recorder(&recorded);
    QString why;
    if (!recorder.open(path, &why))
        qFatal("%s", qPrintable(why));
    for (const core::Event &e : oneHourOfEvents())
        recorded.add(e);
    recorder.close();
    return (recorded.events().last().tUs - recorded.events().first().tUs) / 1e6;
}

} // namespace bench
