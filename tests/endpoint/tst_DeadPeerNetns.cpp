// SPDX-License-Identifier: GPL-3.0-or-later
// A peer that stops answering, for real: two network namespaces joined by a veth pair, the
// client's frames to the server silently dropped ("cable pulled"). Expected detection times are
// derived from the settings (TCP-FACTS.md), measured on the shared CLOCK_MONOTONIC axis.

#include "core/session/MonotonicClock.h"
#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"

#include <QTest>

#include <cerrno>

using namespace halfopen::core;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;

namespace {

const Event *fatalError(const CliPeer &peer)
{
    for (const Event &e : peer.events()) {
        if (e.kind == EventKind::Error && e.detail.value(QStringLiteral("fatal")).toBool())
            return &e;
    }
    return nullptr;
}

QList<TcpInfoSample> samplesAfter(const CliPeer &peer, qint64 fromUs)
{
    QList<TcpInfoSample> samples;
    for (const Event &e : peer.events()) {
        if (e.kind == EventKind::Sample && e.sample && e.tUs >= fromUs)
            samples.append(*e.sample);
    }
    return samples;
}

} // namespace

class DeadPeerNetnsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void keepaliveDetectsSilentPeer();
    void retries2LimitsRetransmission();
    void userTimeoutLimitsRetransmission();

private:
    // Starts a server in b and a client in a with the client's options; returns when connected.
    bool connectPair(const QStringList &clientOptions);

    std::unique_ptr<NetnsPair> m_net;
    std::unique_ptr<CliPeer> m_server;
    std::unique_ptr<CliPeer> m_client;
};

void DeadPeerNetnsTest::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("creating network namespaces with ip netns needs root; the unprivileged lab has its own tests");
}

void DeadPeerNetnsTest::init()
{
    m_net = std::make_unique<NetnsPair>();
    QVERIFY(m_net->isReady());
}

void DeadPeerNetnsTest::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_net.reset();
}

bool DeadPeerNetnsTest::connectPair(const QStringList &clientOptions)
{
    m_server = std::make_unique<CliPeer>(m_net->execIn(m_net->b()));
    const int port = m_server->startServer(QStringLiteral("%1:0").arg(QLatin1String(NetnsPair::kAddressB)));
    if (port <= 0)
        return false;
    m_client = std::make_unique<CliPeer>(m_net->execIn(m_net->a()));
    m_client->start(QStringList{QStringLiteral("connect"),
                                QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port)}
                    + clientOptions);
    return QTest::qWaitFor(
        [this] { return m_client->find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; }, 5000);
}

void DeadPeerNetnsTest::keepaliveDetectsSilentPeer()
{
    QVERIFY(connectPair({QStringLiteral("--keepalive"), QStringLiteral("2,1,3")}));
    QVERIFY(m_net->unplug());

    // Idle from the last packet received: first probe after 2 s, then 3 probes 1 s apart → 5 s,
    // plus timer rounding; ETIMEDOUT between 4.5 s and 6.5 s after the last packet received.
    QTRY_VERIFY_WITH_TIMEOUT(fatalError(*m_client), 9000);
    const Event *death = fatalError(*m_client);
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, DetectionMechanism::Keepalive);
    const double sinceRx = death->detail.value(QStringLiteral("since_last_received_ms")).toDouble() / 1000.0;
    QVERIFY2(sinceRx >= 4.5 && sinceRx <= 6.5, qPrintable(QString::number(sinceRx)));

    // The probes were counted by tcp_info on the way: 1, 2, then the third and the abort.
    int maxProbes = 0;
    for (const TcpInfoSample &s : samplesAfter(*m_client, 0))
        maxProbes = std::max<int>(maxProbes, s.probes);
    QVERIFY2(maxProbes >= 2, qPrintable(QString::number(maxProbes)));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->process().state(), QProcess::NotRunning, 3000);
    QCOMPARE(m_client->process().exitCode(), 1);
    QVERIFY(m_client->standardError().contains("ETIMEDOUT"));
}

void DeadPeerNetnsTest::retries2LimitsRetransmission()
{
    QVERIFY(m_net->sysctl(m_net->a(), QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("5")));
    QVERIFY(connectPair({QStringLiteral("--traffic"), QStringLiteral("periodic:200:100")}));
    QTest::qWait(300); // let the RTT settle on a few acknowledged sends
    QVERIFY(m_net->unplug());
    const qint64 faultUs = monotonicNowUs();

    // tcp_retries2 = 5: budget (2^6 − 1) × 200 ms = 12.6 s from the first timeout retransmission
    // (≈0.2–0.4 s after the first unacked send, itself ≤ 0.2 s after the fault), error at the
    // next timer expiry: 12.6 s to 14.8 s after the fault.
    QTRY_VERIFY_WITH_TIMEOUT(fatalError(*m_client), 18000);
    const Event *death = fatalError(*m_client);
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, DetectionMechanism::RetransmissionTimeout);
    const double elapsed = (death->tUs - faultUs) / 1e6;
    QVERIFY2(elapsed >= 12.6 && elapsed <= 14.8, qPrintable(QString::number(elapsed)));

    // The RTO doubles with every timeout: backoff k comes with RTO ≈ base × 2^k.
    QMap<int, double> rtoByBackoff;
    for (const TcpInfoSample &s : samplesAfter(*m_client, faultUs)) {
        if (s.backoff > 0 && s.state == TcpState::Established)
            rtoByBackoff[s.backoff] = s.rtoMs();
    }
    QVERIFY2(rtoByBackoff.size() >= 4, qPrintable(QString::number(rtoByBackoff.size())));
    for (auto it = rtoByBackoff.begin(); std::next(it) != rtoByBackoff.end(); ++it) {
        const double ratio = std::next(it).value() / it.value();
        const double expected = 1 << (std::next(it).key() - it.key());
        QVERIFY2(qAbs(ratio - expected) < 0.05 * expected,
                 qPrintable(QStringLiteral("backoff %1→%2: %3 ms → %4 ms")
                                .arg(it.key())
                                .arg(std::next(it).key())
                                .arg(it.value())
                                .arg(std::next(it).value())));
    }
}

void DeadPeerNetnsTest::userTimeoutLimitsRetransmission()
{
    QVERIFY(connectPair({QStringLiteral("--user-timeout"), QStringLiteral("3000"), QStringLiteral("--traffic"),
                         QStringLiteral("periodic:200:100")}));
    QTest::qWait(300);
    QVERIFY(m_net->unplug());
    const qint64 faultUs = monotonicNowUs();

    // TCP_USER_TIMEOUT 3000 ms replaces the retries2 budget: ETIMEDOUT 3 s after the first
    // unacked send (≤ 0.2 s after the fault), the last timer shortened to fit: 3.0 s to 3.7 s.
    QTRY_VERIFY_WITH_TIMEOUT(fatalError(*m_client), 8000);
    const Event *death = fatalError(*m_client);
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, DetectionMechanism::UserTimeout);
    const double elapsed = (death->tUs - faultUs) / 1e6;
    QVERIFY2(elapsed >= 3.0 && elapsed <= 3.7, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(DeadPeerNetnsTest)
#include "tst_DeadPeerNetns.moc"
