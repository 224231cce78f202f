// SPDX-License-Identifier: GPL-3.0-or-later
// Real-network mode without the window: this machine's endpoint (the real halfopen-cli, as a
// child in our own network namespace) against a loopback `halfopen-cli serve` or `connect`,
// through the same ScenarioRunner and Session the window uses. Traffic stays on 127.0.0.1.

#include "lab/Fault.h"
#include "models/SocketTableModel.h"
#include "realnet/HostSocketObserver.h"
#include "tests/realnet/RealNetworkRun.h"
#include "tests/support/CliPeer.h"

#include <QTest>

#include <cerrno>

using namespace halfopen;
using namespace halfopen::core;
using halfopen::testing::CliPeer;
using halfopen::testing::RealNetworkRun;

namespace {

realnet::RealNetworkConfig clientOf(quint16 port)
{
    realnet::RealNetworkConfig n;
    n.role = realnet::RealNetworkConfig::Role::Client;
    n.peerAddress = QStringLiteral("127.0.0.1");
    n.peerPort = port;
    return n;
}

realnet::RealNetworkConfig serverOn(quint16 port)
{
    realnet::RealNetworkConfig n;
    n.role = realnet::RealNetworkConfig::Role::Server;
    n.listenAddress = QStringLiteral("127.0.0.1");
    n.listenPort = port;
    return n;
}

lab::Fault fault(lab::FaultKind kind, halfopen::core::Host host = halfopen::core::Host::Client)
{
    lab::Fault f;
    f.kind = kind;
    f.host = host;
    return f;
}

const Event *peerError(const CliPeer &peer)
{
    return peer.find(EventKind::Error);
}

// The table row of a socket, by host and addresses; -1 when there is none.
int rowOf(models::SocketTableModel &table, halfopen::core::Host host, const QString &local, const QString &remote)
{
    table.flush();
    return table.rowOf(QStringLiteral("%1|%2|%3").arg(halfopen::core::hostName(host), local, remote));
}

TcpState stateAt(models::SocketTableModel &table, int row)
{
    return TcpState(table.index(row, 0).data(models::SocketTableModel::StateRole).toInt());
}

} // namespace

class RealNetworkDriverTest : public QObject
{
    Q_OBJECT
private slots:
    void clientConnectsAndTheTableShowsThePort();
    void closeGivesThePeerEndOfStream();
    void abortResetsThePeer();
    void markerIsRecordedAndDetectionCountsFromIt();
    void serverAcceptsLiveOptionsAndKill();
    void labFaultsAreRefusedInPlainWords();
    void portInUseIsReportedWithErrno();
    void connectionRefusedIsReportedWithErrno();
    void badAddressNamesTheField();
    void capturedProbesAreOnTheTimeline();
    void captureUnavailableSaysWhy();
};

void RealNetworkDriverTest::clientConnectsAndTheTableShowsThePort()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    RealNetworkRun run;
    models::SocketTableModel table(&run.session);
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected"), halfopen::core::Host::Client),
                             5000);
    const Event *connected = run.find(EventKind::Endpoint, QStringLiteral("connected"), halfopen::core::Host::Client);
    const QString ours = connected->local;
    const QString theirs = QStringLiteral("127.0.0.1:%1").arg(port);
    QCOMPARE(connected->remote, theirs);
    // The session starts at the driver's "ready", recorded with the network it ran on.
    const Event *ready = run.find(EventKind::Endpoint, QStringLiteral("ready"), halfopen::core::Host::Lab);
    QVERIFY(ready);
    QCOMPARE(ready->detail.value(QStringLiteral("mode")).toString(), QStringLiteral("real-network"));
    QCOMPARE(ready->detail.value(QStringLiteral("network")).toObject().value(QStringLiteral("peer_port")).toInt(),
             port);

    // Every socket of this machine on the port: ours (sampled by the endpoint), and the loopback
    // peer's listener and connection, which sock_diag finds and names "other".
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, halfopen::core::Host::Client, ours, theirs) >= 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateAt(table, rowOf(table, halfopen::core::Host::Client, ours, theirs)),
                              TcpState::Established, 5000);
    const halfopen::core::Host other = halfopen::core::Host::Other;
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, other, theirs, ours) >= 0, 5000);
    QCOMPARE(stateAt(table, rowOf(table, other, theirs, ours)), TcpState::Established);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, other, theirs, QStringLiteral("0.0.0.0:0")) >= 0, 5000);
    QCOMPARE(stateAt(table, rowOf(table, other, theirs, QStringLiteral("0.0.0.0:0"))), TcpState::Listen);
    // Our connection is not reported twice (sampler and sock_diag under two names).
    QCOMPARE(rowOf(table, other, ours, theirs), -1);
    for (const Event &e : run.session.events())
        QVERIFY2(!(e.host == other && e.local == ours), qPrintable(describeEvent(e, 0)));

    QVERIFY(run.stop());
    QVERIFY(run.find(EventKind::Endpoint, QStringLiteral("stopped"), halfopen::core::Host::Lab));
    QVERIFY(!run.driver.endpointRunning());
}

void RealNetworkDriverTest::closeGivesThePeerEndOfStream()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run;
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected")), 5000);
    const QString ours = run.find(EventKind::Endpoint, QStringLiteral("connected"))->local;

    run.driver.apply(fault(lab::FaultKind::Close));
    QVERIFY(run.find(EventKind::Fault, QStringLiteral("close"), halfopen::core::Host::Client));
    // The peer reads end of stream (our FIN)...
    QTRY_VERIFY_WITH_TIMEOUT(peerError(peer), 5000);
    QCOMPARE(peerError(peer)->mechanism, DetectionMechanism::Fin);
    QCOMPARE(peerError(peer)->errnoValue, 0);
    // ...and our socket, let go of by the endpoint, waits in TIME_WAIT: sock_diag reports it
    // under our name, as the lab's observer does.
    QTRY_VERIFY_WITH_TIMEOUT(run.findState(halfopen::core::Host::Client, TcpState::TimeWait, ours), 5000);
    QVERIFY(run.runner.isRunning()); // the session goes on until the user stops it
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::abortResetsThePeer()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run;
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected")), 5000);

    run.driver.apply(fault(lab::FaultKind::Abort));
    QVERIFY(run.find(EventKind::Fault, QStringLiteral("abort"), halfopen::core::Host::Client));
    QTRY_VERIFY_WITH_TIMEOUT(peerError(peer), 5000);
    QCOMPARE(peerError(peer)->errnoValue, ECONNRESET);
    QCOMPARE(peerError(peer)->mechanism, DetectionMechanism::Rst);
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::markerIsRecordedAndDetectionCountsFromIt()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run;
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected")), 5000);

    run.driver.apply(fault(lab::FaultKind::Marker));
    const Event *marker = run.find(EventKind::Fault, QStringLiteral("marker"));
    QVERIFY(marker);
    QCOMPARE(marker->host, halfopen::core::Host::None); // the user's word about the world, not an act of either side
    const qint64 markerUs = marker->tUs;
    // What the user does after the marker does not move it: Send now, then the peer dies.
    QTest::qWait(300);
    run.driver.apply(fault(lab::FaultKind::Send));
    QTest::qWait(200);
    peer.signal(SIGKILL); // its kernel closes the connection: FIN

    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Verdict, {}, halfopen::core::Host::Client), 5000);
    const Event *verdict = run.find(EventKind::Verdict, {}, halfopen::core::Host::Client);
    QCOMPARE(verdict->what, QStringLiteral("eof"));
    QCOMPARE(verdict->detail.value(QStringLiteral("fault")).toString(), QStringLiteral("marker"));
    QCOMPARE(verdict->detail.value(QStringLiteral("reference")).toString(), QStringLiteral("fault"));
    const double elapsed = verdict->detail.value(QStringLiteral("elapsed_s")).toDouble();
    QVERIFY2(qAbs(elapsed - (verdict->tUs - markerUs) / 1e6) < 0.001, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed >= 0.5 && elapsed < 3.0, qPrintable(QString::number(elapsed)));
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::serverAcceptsLiveOptionsAndKill()
{
    const quint16 port = testing::freeLoopbackPort();
    RealNetworkRun run;
    run.start(serverOn(port));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QCOMPARE(run.find(EventKind::Endpoint, QStringLiteral("listening"), halfopen::core::Host::Server)->local,
             QStringLiteral("127.0.0.1:%1").arg(port));
    // Our own listener is on the table too.
    QTRY_VERIFY_WITH_TIMEOUT(run.findState(halfopen::core::Host::Server, TcpState::Listen), 5000);

    CliPeer peer;
    peer.start({QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("accepted"), halfopen::core::Host::Server),
                             5000);
    // The peer's socket (not ours) is seen on the port as well.
    QTRY_VERIFY_WITH_TIMEOUT(run.findState(halfopen::core::Host::Other, TcpState::Established), 5000);

    // Live socket options on our open connection, read back by the endpoint.
    SocketOptions options;
    options.keepalive.enabled = true;
    options.keepalive.idleS = 7;
    options.keepalive.intervalS = 3;
    options.keepalive.count = 4;
    const qsizetype before = run.session.size();
    run.driver.setSocketOptions(halfopen::core::Host::Server, options);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(
            run.session.events().begin() + before, run.session.events().end(),
            [](const Event &e) {
                return e.kind == EventKind::Endpoint && e.host == halfopen::core::Host::Server
                    && e.what == QLatin1String("options")
                    && SocketOptions::fromJson(e.detail.value(QStringLiteral("applied")).toObject()).keepalive.idleS
                    == 7;
            }),
        5000);

    run.driver.apply(fault(lab::FaultKind::KillProcess, halfopen::core::Host::Server));
    QVERIFY(run.find(EventKind::Fault, QStringLiteral("kill-process"), halfopen::core::Host::Server));
    // Our kernel closes the killed endpoint's connection: the peer reads end of stream.
    QTRY_VERIFY_WITH_TIMEOUT(peerError(peer), 5000);
    QCOMPARE(peerError(peer)->mechanism, DetectionMechanism::Fin);
    QTRY_VERIFY_WITH_TIMEOUT(
        run.find(EventKind::Endpoint, QStringLiteral("endpoint_exited"), halfopen::core::Host::Lab), 5000);
    QVERIFY(run.runner.isRunning());
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::labFaultsAreRefusedInPlainWords()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run;
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    run.driver.apply(fault(lab::FaultKind::PowerOff, halfopen::core::Host::Server));
    const Event *refused = run.find(EventKind::Endpoint, QStringLiteral("command_error"), halfopen::core::Host::Lab);
    QVERIFY(refused);
    QVERIFY2(refused->detail.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("only this machine's side")),
             qPrintable(refused->detail.value(QStringLiteral("message")).toString()));
    QVERIFY(!run.find(EventKind::Fault, QStringLiteral("power-off")));
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::portInUseIsReportedWithErrno()
{
    // Someone else listens on the port already.
    const int other = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(other, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    QCOMPARE(::listen(other, 1), 0);
    socklen_t length = sizeof addr;
    ::getsockname(other, reinterpret_cast<sockaddr *>(&addr), &length);
    const quint16 port = ntohs(addr.sin_port);

    RealNetworkRun run;
    QSignalSpy finished(&run.runner, &lab::ScenarioRunner::finished);
    run.start(serverOn(port));
    QVERIFY(!run.waitReady());
    QVERIFY2(run.failure.contains(QStringLiteral("Cannot listen on 127.0.0.1:%1").arg(port)), qPrintable(run.failure));
    QVERIFY2(run.failure.contains(QStringLiteral("EADDRINUSE (Address already in use)")), qPrintable(run.failure));
    QVERIFY2(run.failure.contains(QStringLiteral("Another socket already listens")), qPrintable(run.failure));
    // The endpoint said so itself, with the errno, and the run ended.
    const Event *listenFailed
        = run.find(EventKind::Endpoint, QStringLiteral("listen_failed"), halfopen::core::Host::Server);
    QVERIFY(listenFailed);
    QCOMPARE(listenFailed->errnoValue, EADDRINUSE);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(run.runner.outcome().error, run.failure);
    ::close(other);
}

void RealNetworkDriverTest::connectionRefusedIsReportedWithErrno()
{
    const quint16 port = testing::freeLoopbackPort();
    RealNetworkRun run;
    QSignalSpy finished(&run.runner, &lab::ScenarioRunner::finished);
    run.start(clientOf(port));
    QTRY_VERIFY_WITH_TIMEOUT(!run.failure.isEmpty(), 10000);
    QVERIFY2(run.failure.contains(QStringLiteral("Cannot connect to 127.0.0.1:%1").arg(port)), qPrintable(run.failure));
    QVERIFY2(run.failure.contains(QStringLiteral("ECONNREFUSED (Connection refused)")), qPrintable(run.failure));
    QVERIFY2(run.failure.contains(QStringLiteral("nothing listens on that port")), qPrintable(run.failure));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY(!run.driver.endpointRunning());
}

void RealNetworkDriverTest::badAddressNamesTheField()
{
    realnet::RealNetworkConfig bad = clientOf(5000);
    bad.peerAddress = QStringLiteral("192.168.1.300 ");
    QCOMPARE(bad.validate().size(), 1);
    QCOMPARE(bad.validate().first().field, QStringLiteral("Peer address"));
    realnet::RealNetworkConfig port = serverOn(0);
    QCOMPARE(port.validate().size(), 1);
    QCOMPARE(port.validate().first().field, QStringLiteral("Listen port"));
    QVERIFY(port.validate().first().message.contains(QStringLiteral("from 1 to 65535")));
    realnet::RealNetworkConfig listen = serverOn(5000);
    listen.listenAddress = QStringLiteral("my-laptop");
    QCOMPARE(listen.validate().first().field, QStringLiteral("Listen address"));
    // Good ones: literals of both families, host names.
    for (const QString &address :
         {QStringLiteral("10.0.0.7"), QStringLiteral("fe80::1"), QStringLiteral("plc-3.local")}) {
        realnet::RealNetworkConfig good = clientOf(502);
        good.peerAddress = address;
        QVERIFY2(good.validate().isEmpty(), qPrintable(address));
    }

    // The driver refuses it the same way, in the run's failure, without starting anything.
    RealNetworkRun run;
    run.start(bad);
    QTRY_VERIFY_WITH_TIMEOUT(!run.failure.isEmpty(), 5000);
    QVERIFY2(run.failure.startsWith(QStringLiteral("Peer address: '192.168.1.300'")), qPrintable(run.failure));
    QVERIFY(!run.driver.endpointRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!run.runner.isRunning(), 5000);
}

void RealNetworkDriverTest::capturedProbesAreOnTheTimeline()
{
    if (geteuid() != 0)
        QSKIP("capturing packets needs CAP_NET_RAW: run as root");
    // Our client with keepalive 1/1/3 against a loopback server: the capture helper (a BPF
    // filter on the connection's 4-tuple) puts its probes and the peer kernel's answers on
    // the timeline, named by the lab's classifier, as in the lab.
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run;
    lab::LabConfig config = lab::LabConfig::defaults();
    config.client.endpoint.options.keepalive.enabled = true;
    config.client.endpoint.options.keepalive.idleS = 1;
    config.client.endpoint.options.keepalive.intervalS = 1;
    config.client.endpoint.options.keepalive.count = 3;
    run.start(clientOf(quint16(port)), config);
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("connected")), 5000);
    const QString ours = run.find(EventKind::Endpoint, QStringLiteral("connected"))->local;
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Packet, QStringLiteral("keepalive-ack"), halfopen::core::Host::Server),
                             8000);
    const Event *probe = run.find(EventKind::Packet, QStringLiteral("keepalive-probe"), halfopen::core::Host::Client);
    QVERIFY(probe);
    QCOMPARE(probe->local, ours);
    QCOMPARE(probe->remote, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(!run.find(EventKind::Endpoint, QStringLiteral("capture_unavailable")));
    QVERIFY(run.stop());
}

void RealNetworkDriverTest::captureUnavailableSaysWhy()
{
    // A helper that is not there: the run goes on without packets, and says what is missing.
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    RealNetworkRun run(QStringLiteral("/nonexistent/halfopen-capture"));
    run.start(clientOf(quint16(port)));
    QVERIFY2(run.waitReady(), qPrintable(run.failure));
    QTRY_VERIFY_WITH_TIMEOUT(run.find(EventKind::Endpoint, QStringLiteral("capture_unavailable")), 5000);
    const QString reason = run.find(EventKind::Endpoint, QStringLiteral("capture_unavailable"))
                               ->detail.value(QStringLiteral("reason"))
                               .toString();
    QVERIFY2(reason.contains(QStringLiteral("/nonexistent/halfopen-capture is missing")), qPrintable(reason));
    QVERIFY(run.stop());
}

QTEST_GUILESS_MAIN(RealNetworkDriverTest)
#include "tst_RealNetworkDriver.moc"
