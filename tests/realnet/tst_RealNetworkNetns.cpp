// SPDX-License-Identifier: GPL-3.0-or-later
// Real-network mode against a peer that really goes silent: the test moves itself into network
// namespace "a" of a NetnsPair (so "this machine's own namespace" is one the test created), the
// peer `halfopen-cli serve` runs in "b", and after the user's marker the path is cut (a's frames
// to b vanish). The verdict and the window's headline count from the prediction's reference and
// show the marker beside it. Needs root; the loopback tests cover the rest without it.

#include "lab/Fault.h"
#include "tests/realnet/RealNetworkRun.h"
#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"
#include "ui/VerdictPanel.h"
#include "ui/views/EventWords.h"

#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

using namespace halfopen;
using namespace halfopen::core;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;
using halfopen::testing::RealNetworkRun;

class RealNetworkNetnsTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void keepaliveHeadlineCountsFromThePredictionsReference();

private:
    std::unique_ptr<NetnsPair> m_net;
    int m_home = -1; // our original network namespace
};

void RealNetworkNetnsTest::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("creating network namespaces with ip netns needs root; tst_RealNetworkDriver covers real-network mode on "
              "loopback");
    m_net = std::make_unique<NetnsPair>();
    QVERIFY(m_net->isReady());
    m_home = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    QVERIFY(m_home >= 0);
    // This thread (the event loop's: the driver's sock_diag socket and endpoint are made here)
    // now lives in "a": what the driver takes for this machine's network.
    const int a
        = ::open(QStringLiteral("/run/netns/%1").arg(m_net->a()).toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(a >= 0);
    QCOMPARE(::setns(a, CLONE_NEWNET), 0);
    ::close(a);
}

void RealNetworkNetnsTest::cleanupTestCase()
{
    if (m_home >= 0) {
        ::setns(m_home, CLONE_NEWNET);
        ::close(m_home);
    }
    m_net.reset();
}

void RealNetworkNetnsTest::keepaliveHeadlineCountsFromThePredictionsReference()
{
    CliPeer peer(m_net->execIn(m_net->b()));
    const int port = peer.startServer(QStringLiteral("%1:0").arg(QLatin1String(NetnsPair::kAddressB)));
    QVERIFY(port > 0);

    realnet::RealNetworkConfig network;
    network.role = realnet::RealNetworkConfig::Role::Client;
    network.peerAddress = QLatin1String(NetnsPair::kAddressB);
    network.peerPort = quint16(port);
    lab::LabConfig config = lab::LabConfig::defaults();
    config.client.endpoint.options.keepalive = {true, 2, 1, 3};
    RealNetworkRun run;
    run.start(network, config);
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected"), halfopen::core::Host::Client),
                             5000);

    // The user pulls the cable and presses the marker; here the marker comes first and the cut
    // a moment later, as a slow hand would do it.
    lab::Fault marker;
    marker.kind = lab::FaultKind::Marker;
    run.driver.apply(marker);
    const Event *markerEvent = run.find(EventKind::Fault, QStringLiteral("marker"));
    QVERIFY(markerEvent);
    const qint64 markerUs = markerEvent->tUs;
    QTest::qWait(200);
    QVERIFY(m_net->unplug());

    // Keepalive 2/1/3: idle 2 s from the last packet received, then 3 probes a second apart:
    // ETIMEDOUT 4.5 s to 6.5 s after the last packet received.
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Verdict, {}, halfopen::core::Host::Client), 10000);
    const Event *error = nullptr;
    for (const Event &e : run.session.events()) {
        if (e.kind == EventKind::Error && e.host == halfopen::core::Host::Client
            && e.detail.value(QStringLiteral("fatal")).toBool())
            error = &e;
    }
    QVERIFY(error);
    QCOMPARE(error->errnoValue, ETIMEDOUT);
    QCOMPARE(error->mechanism, DetectionMechanism::Keepalive);
    const double sinceRx = error->detail.value(QStringLiteral("since_last_received_ms")).toDouble() / 1000.0;
    QVERIFY2(sinceRx >= 4.5 && sinceRx <= 6.5, qPrintable(QString::number(sinceRx)));

    // The verdict counts from where the prediction counts (keepalive: the last packet
    // received), so the two figures compare; the marker is shown beside it.
    const Event *verdict = run.find(EventKind::Verdict, {}, halfopen::core::Host::Client);
    QCOMPARE(verdict->errnoValue, ETIMEDOUT);
    QCOMPARE(verdict->mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(verdict->detail.value(QStringLiteral("fault")).toString(), QStringLiteral("marker"));
    QCOMPARE(verdict->detail.value(QStringLiteral("predicted_reference")).toString(), QStringLiteral("last_received"));
    QCOMPARE(verdict->detail.value(QStringLiteral("reference")).toString(), QStringLiteral("last_received"));
    QCOMPARE(verdict->detail.value(QStringLiteral("predicted_s")).toDouble(), 5.0);
    const double elapsed = verdict->detail.value(QStringLiteral("elapsed_s")).toDouble();
    QVERIFY2(qAbs(elapsed - sinceRx) < 0.06, qPrintable(QStringLiteral("%1 vs %2").arg(elapsed).arg(sinceRx)));
    const double fromMarker
        = verdict->detail.value(QStringLiteral("elapsed_from")).toObject().value(QStringLiteral("fault")).toDouble();
    QVERIFY2(qAbs(fromMarker - (error->tUs - markerUs) / 1e6) < 0.001, qPrintable(QString::number(fromMarker)));
    QVERIFY2(fromMarker > 3.5 && fromMarker <= 6.5, qPrintable(QString::number(fromMarker)));
    qInfo("ETIMEDOUT by keepalive %.3f s after the last packet received, %.3f s after the marker", sinceRx, fromMarker);

    // The window's headline says the same: the prediction's reference first, the marker beside.
    const QString headline = ui::verdictHeadline(*verdict);
    qInfo("headline: %s", qPrintable(headline));
    QVERIFY2(headline.startsWith(QStringLiteral("Client: dead peer detected %1 s after the last packet received by "
                                                "TCP keepalive (ETIMEDOUT) — predicted 5.0 s; ")
                                     .arg(elapsed, 0, 'f', 2)),
             qPrintable(headline));
    QVERIFY2(headline.contains(QStringLiteral("%1 s after your marker").arg(fromMarker, 0, 'f', 2)),
             qPrintable(headline));
    // The peer, cut off, still believes in the connection.
    QVERIFY(!peer.find(EventKind::Error));
    QVERIFY(run.stop());
}

QTEST_GUILESS_MAIN(RealNetworkNetnsTest)
#include "tst_RealNetworkNetns.moc"
