// SPDX-License-Identifier: GPL-3.0-or-later
// Lab benchmark (not a CTest test; needs root): lab start-to-ready time, round-trip time and bulk
// throughput through the virtual cable, each beside the same measurement over a plain veth pair.

#include "lab/LabProcess.h"
#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace halfopen::core;
using namespace halfopen::lab;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QString tool(const char *name)
{
    return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().filePath(QString::fromLatin1(name));
}

// Heartbeat round trips and stream throughput from a client's events.
struct Measures
{
    QList<double> rttMs;
    double mbitPerS = 0;
};

Measures measure(const QList<Event> &events, halfopen::core::Host host)
{
    Measures m;
    qint64 firstUs = 0, lastUs = 0;
    quint64 firstBytes = 0, lastBytes = 0;
    for (const Event &e : events) {
        if (e.host != host)
            continue;
        if (e.kind == EventKind::Heartbeat && e.what == QLatin1String("answered"))
            m.rttMs.append(e.detail.value(QStringLiteral("rtt_ms")).toDouble());
        if (e.kind == EventKind::Sample && e.sample && e.sample->bytesAcked > 0) {
            if (firstUs == 0) {
                firstUs = e.tUs;
                firstBytes = e.sample->bytesAcked;
            }
            lastUs = e.tUs;
            lastBytes = e.sample->bytesAcked;
        }
    }
    if (lastUs > firstUs)
        m.mbitPerS = (lastBytes - firstBytes) * 8.0 / ((lastUs - firstUs) / 1e6) / 1e6;
    return m;
}

QList<Event> runLab(const LabConfig &config, int seconds, double *readyMs, const QString &capture = {})
{
    LabProcess lab(LabProcess::Options{tool("halfopen-lab"), capture, {}});
    QList<Event> events;
    QObject::connect(&lab, &LabDriver::event, [&](const Event &e) { events.append(e); });
    QSignalSpy ready(&lab, &LabDriver::ready);
    QElapsedTimer timer;
    timer.start();
    lab.start(config);
    if (!ready.wait(5000))
        return {};
    if (readyMs)
        *readyMs = timer.nsecsElapsed() / 1e6;
    QTest::qWait(seconds * 1000);
    QSignalSpy stopped(&lab, &LabDriver::stopped);
    lab.stop();
    stopped.wait(5000);
    return events;
}

QList<Event> runVeth(const QStringList &clientOptions, int seconds)
{
    NetnsPair net;
    CliPeer server(net.execIn(net.b()));
    const int port = server.startServer(QStringLiteral("%1:0").arg(QLatin1String(NetnsPair::kAddressB)),
                                        {QStringLiteral("--heartbeat"), QStringLiteral("20,1000")});
    CliPeer client(net.execIn(net.a()));
    client.start(QStringList{QStringLiteral("connect"),
                             QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port),
                             QStringLiteral("--name"), QStringLiteral("client")}
                 + clientOptions);
    QTest::qWait(seconds * 1000);
    return client.events();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (::geteuid() != 0) {
        std::fprintf(stderr, "lab bench: needs root (it compares with a veth pair made with ip netns)\n");
        return 2;
    }

    // --only ready|rtt|bulk: one measure (when working on it); --seconds N: the stream's length;
    // --capture FILE: the lab's bulk stream with the cable's capture on, written to FILE.
    const QStringList args = app.arguments();
    const qsizetype onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt > 0 && onlyAt + 1 < args.size() ? args.at(onlyAt + 1) : QString();
    const qsizetype secondsAt = args.indexOf(QStringLiteral("--seconds"));
    const int bulkSeconds
        = secondsAt > 0 && secondsAt + 1 < args.size() ? std::max(1, args.at(secondsAt + 1).toInt()) : 3;
    const qsizetype captureAt = args.indexOf(QStringLiteral("--capture"));
    const QString capture = captureAt > 0 && captureAt + 1 < args.size() ? args.at(captureAt + 1) : QString();
    const auto wanted = [&only](const char *name) { return only.isEmpty() || only == QLatin1String(name); };

    QList<double> readyMs;
    for (int i = 0; i < 7 && wanted("ready"); ++i) {
        double ms = 0;
        runLab(LabConfig::defaults(), 0, &ms);
        readyMs.append(ms);
    }
    bool missed = false;
    const auto verdict = [&missed](bool met) {
        missed |= !met;
        return met ? "met" : "missed";
    };
    if (wanted("ready"))
        std::printf("lab start-to-ready          median %7.1f ms  (target <= 300 ms: %s)\n", median(readyMs),
                    verdict(median(readyMs) <= 300));
    if (wanted("rtt")) {
        LabConfig heartbeat = LabConfig::defaults();
        heartbeat.client.endpoint.heartbeat = {true, 20, 1000, true};
        heartbeat.server.endpoint.heartbeat = {true, 20, 1000, false};
        const Measures labRtt = measure(runLab(heartbeat, 3, nullptr), halfopen::core::Host::Client);
        const Measures vethRtt = measure(runVeth({QStringLiteral("--heartbeat"), QStringLiteral("20,1000")}, 3),
                                         halfopen::core::Host::Client);
        const double added = (median(labRtt.rttMs) - median(vethRtt.rttMs)) / 2;
        std::printf("round trip (app heartbeat)  lab %.3f ms, veth %.3f ms: cable adds %.3f ms one way (target <= 0.1 "
                    "ms: %s)\n",
                    median(labRtt.rttMs), median(vethRtt.rttMs), added, verdict(added <= 0.1));
    }
    if (!wanted("bulk"))
        return missed ? 3 : 0;

    LabConfig stream = LabConfig::defaults();
    stream.client.endpoint.traffic.kind = TrafficPattern::Kind::Stream;
    const Measures labBulk = measure(runLab(stream, bulkSeconds, nullptr, capture), halfopen::core::Host::Client);
    const Measures vethBulk = measure(runVeth({QStringLiteral("--traffic"), QStringLiteral("stream")}, bulkSeconds),
                                      halfopen::core::Host::Client);
    const double share = vethBulk.mbitPerS > 0 ? 100 * labBulk.mbitPerS / vethBulk.mbitPerS : 0;
    std::printf("bulk transfer               lab %.0f Mbit/s, veth %.0f Mbit/s in the same run: %.1f %% (target >= "
                "3000 Mbit/s and >= 25 %%: %s)\n",
                labBulk.mbitPerS, vethBulk.mbitPerS, share, verdict(labBulk.mbitPerS >= 3000 && share >= 25));
    return missed ? 3 : 0;
}
