// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoints on the real loopback stack: options really applied, a frozen peer (keepalive blind,
// heartbeat detects), and a killed peer (FIN, CLOSE_WAIT, RST, EPIPE; FIN_WAIT_2/TIME_WAIT of the
// killed side seen through sock_diag).

#include "core/endpoint/EndpointCommand.h"
#include "core/endpoint/TestClient.h"
#include "core/endpoint/TestConnection.h"
#include "core/observe/SockDiagClient.h"
#include "core/session/MonotonicClock.h"
#include "tests/support/CliPeer.h"

#include "core/endpoint/ErrorClassifier.h"
#include "core/observe/RouteToPeer.h"
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

using namespace halfopen::core;
using halfopen::testing::CliPeer;
using halfopen::testing::EventLog;

namespace {

struct Client
{
    explicit Client(const EndpointConfig &config)
        : endpoint(config)
    {
        QObject::connect(&endpoint, &TestClient::event, [this](const Event &e) { log.add(e); });
    }
    bool connectTo(int port)
    {
        QString error;
        const SocketAddress address = SocketAddress::parse(QStringLiteral("127.0.0.1:%1").arg(port), &error);
        if (!endpoint.connectTo(address, &error))
            return false;
        return QTest::qWaitFor([this] { return endpoint.connection() != nullptr; }, 3000);
    }
    const Event *fatalError() const
    {
        for (const Event &e : log.events()) {
            if (e.kind == EventKind::Error && e.detail.value(QStringLiteral("fatal")).toBool())
                return &e;
        }
        return nullptr;
    }
    EventLog log; // declared first: outlives the endpoint, which may still report while it closes
    TestClient endpoint;
};

std::optional<SockDiagRow> findSocket(int port, TcpState state)
{
    SockDiagClient diag;
    if (!diag.open())
        return std::nullopt;
    SockDiagFilter filter;
    filter.port = quint16(port);
    SockDiagSnapshot snapshot;
    if (!diag.dump(filter, &snapshot))
        return std::nullopt;
    for (const SockDiagRow &row : snapshot.rows) {
        if (row.sample.state == state)
            return row;
    }
    return std::nullopt;
}

// Unread bytes on the listening side's connection (local port == port).
quint32 recvQueueOf(int port)
{
    SockDiagClient diag;
    SockDiagFilter filter;
    filter.port = quint16(port);
    SockDiagSnapshot snapshot;
    if (!diag.open() || !diag.dump(filter, &snapshot))
        return 0;
    for (const SockDiagRow &row : snapshot.rows) {
        if (row.local.port() == port && row.sample.state == TcpState::Established)
            return row.sample.recvQ;
    }
    return 0;
}

} // namespace

class EndpointLoopbackTest : public QObject
{
    Q_OBJECT

private slots:
    void hostUnreachableIsTheNeighbourOrARouter();
    void optionsAreAppliedAndVisibleInSs();
    void changedOptionsReachLaterConnections();
    void frozenPeerIsSeenByHeartbeatNotKeepalive();
    void killedPeerGivesFinThenEpipe();
    void killedPeerLeavesTimeWaitOnItsSide();
    void killedPeerWithUnreadDataResets();
    void refusedConnectIsEconnrefused();
    void abortSendsRstHalfCloseSendsFin();
    void streamFillsThePipe();
};

void EndpointLoopbackTest::optionsAreAppliedAndVisibleInSs()
{
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);

    EndpointConfig config;
    config.options.keepalive = {true, 5, 2, 4};
    config.options.userTimeoutMs = 3000;
    config.options.noDelay = true;
    config.options.recvErr = true;
    Client client(config);
    QVERIFY(client.connectTo(port));

    // The options event carries what the kernel reports back through getsockopt.
    const Event *options = client.log.find(EventKind::Endpoint, QStringLiteral("options"));
    QVERIFY(options);
    const SocketOptions applied = SocketOptions::fromJson(options->detail.value(QStringLiteral("applied")).toObject());
    QCOMPARE(applied, config.options);
    QVERIFY(!options->detail.contains(QStringLiteral("failed")));

    // ss agrees: a keepalive timer running with at most 5 s left.
    const QString local = client.endpoint.connection()->local();
    QProcess ss;
    ss.start(QStringLiteral("ss"),
             {QStringLiteral("-tnoiH"), QStringLiteral("state"), QStringLiteral("established"),
              QStringLiteral("( sport = :%1 )").arg(local.section(QLatin1Char(':'), -1))});
    QVERIFY(ss.waitForFinished(5000));
    const QString out = QString::fromUtf8(ss.readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("timer:(keepalive,")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("rto:")), qPrintable(out));

    // A live change is applied at once and reported again.
    SocketOptions changed = config.options;
    changed.keepalive = {true, 7, 3, 2};
    client.endpoint.connection()->setOptions(changed);
    QCOMPARE(SocketOptions::readFrom(client.endpoint.connection()->fd()).keepalive, changed.keepalive);
}

void EndpointLoopbackTest::changedOptionsReachLaterConnections()
{
    // A server told new options on stdin while a connection is open: that one gets them at
    // once, and so does a connection accepted afterwards (not the options it started with).
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    Client first{EndpointConfig()};
    QVERIFY(first.connectTo(port));
    auto optionsEvents = [&server] {
        QList<Event> found;
        for (const Event &e : server.events()) {
            if (e.kind == EventKind::Endpoint && e.what == QLatin1String("options"))
                found << e;
        }
        return found;
    };
    QTRY_COMPARE(optionsEvents().size(), 1);
    QCOMPARE(SocketOptions::fromJson(optionsEvents().at(0).detail.value(QStringLiteral("applied")).toObject())
                 .keepalive.enabled,
             false);

    SocketOptions changed;
    changed.keepalive = {true, 7, 3, 2};
    changed.userTimeoutMs = 4000;
    server.write("options " + QJsonDocument(changed.toJson()).toJson(QJsonDocument::Compact));
    QTRY_COMPARE(optionsEvents().size(), 2); // the open connection, set live
    QCOMPARE(SocketOptions::fromJson(optionsEvents().at(1).detail.value(QStringLiteral("applied")).toObject()),
             changed);

    Client second{EndpointConfig()};
    QVERIFY(second.connectTo(port));
    QTRY_COMPARE(optionsEvents().size(), 3);
    const Event later = optionsEvents().at(2);
    QCOMPARE(later.remote, second.endpoint.connection()->local());
    // What the kernel reports back through getsockopt on the new connection.
    QCOMPARE(SocketOptions::fromJson(later.detail.value(QStringLiteral("applied")).toObject()), changed);
    QVERIFY(!later.detail.contains(QStringLiteral("failed")));
    // ss agrees: the new connection's server side runs a keepalive timer of at most 7 s.
    QProcess ss;
    ss.start(QStringLiteral("ss"),
             {QStringLiteral("-tnoH"), QStringLiteral("state"), QStringLiteral("established"),
              QStringLiteral("( sport = :%1 and dport = :%2 )")
                  .arg(port)
                  .arg(second.endpoint.connection()->local().section(QLatin1Char(':'), -1))});
    QVERIFY(ss.waitForFinished(5000));
    const QString out = QString::fromUtf8(ss.readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("timer:(keepalive,")), qPrintable(out));

    // A client told new options before it connects starts with them too.
    QString error;
    const auto command = EndpointCommand::parse(
        QStringLiteral("options ") + QString::fromUtf8(QJsonDocument(changed.toJson()).toJson(QJsonDocument::Compact)),
        &error);
    QVERIFY2(command, qPrintable(error));
    Client third{EndpointConfig()};
    command->applyTo(&third.endpoint);
    QVERIFY(third.connectTo(port));
    QCOMPARE(SocketOptions::readFrom(third.endpoint.connection()->fd()), changed);
}

void EndpointLoopbackTest::frozenPeerIsSeenByHeartbeatNotKeepalive()
{
    // The server answers heartbeats; frozen (SIGSTOP) its kernel still ACKs everything.
    CliPeer server;
    const int port
        = server.startServer(QStringLiteral("127.0.0.1:0"), {QStringLiteral("--heartbeat"), QStringLiteral("500,3")});
    QVERIFY(port > 0);

    EndpointConfig withHeartbeat;
    withHeartbeat.heartbeat = {true, 500, 3, true};
    Client heartbeat(withHeartbeat);
    QVERIFY(heartbeat.connectTo(port));

    EndpointConfig withKeepalive;
    withKeepalive.options.keepalive = {true, 1, 1, 2}; // would declare death 3 s after the last ACK
    Client keepalive(withKeepalive);
    QVERIFY(keepalive.connectTo(port));
    QTRY_VERIFY_WITH_TIMEOUT(heartbeat.log.find(EventKind::Heartbeat, QStringLiteral("answered")), 2000);

    server.signal(SIGSTOP);
    const qint64 faultUs = monotonicNowUs();

    // Heartbeat: the first unanswered ping is sent within one interval of the fault and the
    // third miss is declared three intervals later: 1.5 s to 2.0 s, plus scheduling slack.
    QTRY_VERIFY_WITH_TIMEOUT(heartbeat.fatalError(), 4000);
    const Event *death = heartbeat.fatalError();
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, DetectionMechanism::Heartbeat);
    const double elapsed = (death->tUs - faultUs) / 1e6;
    QVERIFY2(elapsed >= 1.5 && elapsed <= 2.3, qPrintable(QString::number(elapsed)));
    // TCP itself saw nothing wrong: the heartbeat socket was ESTABLISHED until we closed it.
    QVERIFY(!heartbeat.log.findState(TcpState::CloseWait));

    // Keepalive: probes go out and the frozen peer's kernel answers each one. Wait past the
    // time keepalive would have killed an unanswered connection (1 + 2×1 s) plus a margin.
    const int fd = keepalive.endpoint.connection()->fd();
    TcpInfoSample atFault;
    QVERIFY(TcpInfoSample::readFromSocket(fd, &atFault));
    QTest::qWait(4500); // the claim is about what does NOT happen within this window
    TcpInfoSample later;
    QVERIFY(TcpInfoSample::readFromSocket(fd, &later));
    QCOMPARE(later.state, TcpState::Established);
    QVERIFY2(later.segsOut >= atFault.segsOut + 2, "keepalive probes were sent");
    QVERIFY2(later.segsIn >= atFault.segsIn + 2, "and answered by the frozen peer's kernel");
    QCOMPARE(later.probes, quint8(0)); // every probe was answered
    QVERIFY(!keepalive.fatalError());
    server.signal(SIGCONT);
}

void EndpointLoopbackTest::killedPeerGivesFinThenEpipe()
{
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    EndpointConfig config;
    config.closeOnEof = false; // like a careless application: keep writing after EOF
    Client client(config);
    QVERIFY(client.connectTo(port));
    QTRY_VERIFY_WITH_TIMEOUT(server.find(EventKind::Endpoint, QStringLiteral("accepted")), 2000);

    server.signal(SIGKILL);
    const qint64 faultUs = monotonicNowUs();
    QTRY_VERIFY_WITH_TIMEOUT(client.log.find(EventKind::Error, QStringLiteral("eof")), 2000);
    const Event *eof = client.log.find(EventKind::Error, QStringLiteral("eof"));
    QCOMPARE(eof->mechanism, DetectionMechanism::Fin);
    QVERIFY2((eof->tUs - faultUs) < 500000, "FIN arrives within milliseconds of the kill");
    QTRY_VERIFY_WITH_TIMEOUT(client.log.findState(TcpState::CloseWait), 1000);

    // The killed side's socket lingers as an orphan in FIN_WAIT_2: no process owns it. It gets
    // there when the client's ACK of its FIN arrives, which on a busy machine may come after the
    // client has read the FIN: waited for, not looked up once.
    std::optional<SockDiagRow> orphan;
    QTRY_VERIFY_WITH_TIMEOUT((orphan = findSocket(port, TcpState::FinWait2)).has_value(), 2000);
    QVERIFY2(orphan, "FIN_WAIT_2 of the killed server visible through sock_diag");
    QCOMPARE(orphan->local.port(), quint16(port));

    // First write succeeds and draws the RST; the write after gets EPIPE.
    client.endpoint.connection()->sendNow(10);
    QVERIFY(!client.fatalError());
    QTRY_VERIFY_WITH_TIMEOUT(client.log.findState(TcpState::Closed), 1000);
    client.endpoint.connection()->sendNow(10);
    const Event *death = client.fatalError();
    QVERIFY(death);
    QCOMPARE(death->errnoValue, EPIPE);
    QCOMPARE(death->mechanism, DetectionMechanism::Rst);
}

void EndpointLoopbackTest::killedPeerLeavesTimeWaitOnItsSide()
{
    // Seed 000: kill -9 the client process; its socket ends in TIME_WAIT once we close too.
    CliPeer killed;
    // Here the CLI is the client and we serve in-process through a plain listening socket.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    QCOMPARE(::listen(listener, 4), 0);
    socklen_t length = sizeof addr;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &length);
    const int port = ntohs(addr.sin_port);

    killed.start({QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QTRY_VERIFY_WITH_TIMEOUT(killed.find(EventKind::Endpoint, QStringLiteral("connected")), 3000);
    const int accepted = ::accept(listener, nullptr, nullptr);
    QVERIFY(accepted >= 0);
    const QString killedLocal = killed.find(EventKind::Endpoint, QStringLiteral("connected"))->local;

    killed.signal(SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(killed.process().state(), QProcess::NotRunning, 3000);
    char byte;
    QTRY_COMPARE_WITH_TIMEOUT(::recv(accepted, &byte, 1, MSG_DONTWAIT), ssize_t(0), 2000); // FIN
    ::close(accepted); // our FIN completes the killed side's close
    ::close(listener);

    std::optional<SockDiagRow> timeWait;
    QTRY_VERIFY_WITH_TIMEOUT((timeWait = findSocket(port, TcpState::TimeWait)).has_value(), 2000);
    QCOMPARE(timeWait->local.toString(), killedLocal);
    QVERIFY(timeWait->sample.timerKnown);
    QCOMPARE(timeWait->sample.timer, TcpTimer::TimeWait);
}

void EndpointLoopbackTest::killedPeerWithUnreadDataResets()
{
    // A frozen server cannot read; killing it with data in its receive queue makes its kernel
    // send RST instead of FIN.
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    Client client(EndpointConfig{});
    QVERIFY(client.connectTo(port));
    QTRY_VERIFY_WITH_TIMEOUT(server.find(EventKind::Endpoint, QStringLiteral("accepted")), 2000);
    server.signal(SIGSTOP);
    client.endpoint.connection()->sendNow(1000);
    QTRY_VERIFY_WITH_TIMEOUT(recvQueueOf(port) > 0, 2000);
    server.signal(SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(client.fatalError(), 2000);
    QCOMPARE(client.fatalError()->errnoValue, ECONNRESET);
    QCOMPARE(client.fatalError()->mechanism, DetectionMechanism::Rst);
}

void EndpointLoopbackTest::refusedConnectIsEconnrefused()
{
    // Find a closed port: bind, note it, close.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr *>(&addr), &length);
    ::close(s);

    Client client(EndpointConfig{});
    QString error;
    const SocketAddress target = SocketAddress::parse(QStringLiteral("127.0.0.1:%1").arg(ntohs(addr.sin_port)), &error);
    client.endpoint.connectTo(target, &error);
    QTRY_VERIFY_WITH_TIMEOUT(client.fatalError(), 2000);
    QCOMPARE(client.fatalError()->errnoValue, ECONNREFUSED);
    QCOMPARE(client.fatalError()->mechanism, DetectionMechanism::Rst);
    QCOMPARE(client.endpoint.connectErrno(), ECONNREFUSED);
}

void EndpointLoopbackTest::abortSendsRstHalfCloseSendsFin()
{
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"), {QStringLiteral("--keep-after-eof")});
    QVERIFY(port > 0);

    // Half-close: the server reads EOF, our side still reads what it sends.
    Client halfClosing(EndpointConfig{});
    QVERIFY(halfClosing.connectTo(port));
    QTRY_VERIFY_WITH_TIMEOUT(server.find(EventKind::Endpoint, QStringLiteral("accepted")), 2000);
    halfClosing.endpoint.connection()->shutdownWrite();
    QVERIFY(halfClosing.log.find(EventKind::Endpoint, QStringLiteral("shutdown_write")));
    QTRY_VERIFY_WITH_TIMEOUT(server.find(EventKind::Error, QStringLiteral("eof")), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(halfClosing.log.findState(TcpState::FinWait2), 2000);
    server.write("send 50");
    QTRY_COMPARE_WITH_TIMEOUT(halfClosing.endpoint.connection()->bytesReceived(), qint64(53),
                              2000); // 3-byte frame header
    QVERIFY(halfClosing.endpoint.connection()->isOpen());

    // Abort: SO_LINGER {1, 0} and close() sends RST; the server's next read sees ECONNRESET.
    Client aborting(EndpointConfig{});
    QVERIFY(aborting.connectTo(port));
    const QString abortingLocal = aborting.endpoint.connection()->local();
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(server.events().begin(), server.events().end(),
                                           [](const Event &e) {
                                               return e.kind == EventKind::Endpoint
                                                   && e.what == QLatin1String("accepted");
                                           })
                                 == 2,
                             2000);
    aborting.endpoint.connection()->abort();
    QVERIFY(!aborting.endpoint.connection()->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(server.events().begin(), server.events().end(),
                                         [&](const Event &e) {
                                             return e.kind == EventKind::Error && e.remote == abortingLocal
                                                 && e.errnoValue == ECONNRESET
                                                 && e.mechanism == DetectionMechanism::Rst;
                                         }),
                             2000);
}

void EndpointLoopbackTest::streamFillsThePipe()
{
    CliPeer server;
    const int port = server.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    EndpointConfig config;
    config.traffic.kind = TrafficPattern::Kind::Stream;
    Client client(config);
    QVERIFY(client.connectTo(port));
    // A continuous stream keeps the socket busy: megabytes within a fraction of a second.
    QTRY_VERIFY_WITH_TIMEOUT(client.endpoint.connection()->bytesSent() > 16 * 1024 * 1024, 5000);
    // Frozen reader: the receive window closes, Send-Q fills and stays full.
    server.signal(SIGSTOP);
    QTRY_VERIFY_WITH_TIMEOUT(client.log.lastSample() && client.log.lastSample()->sample->sendQ > 64 * 1024, 3000);
    QVERIFY(!client.fatalError());
    server.signal(SIGCONT);
}

void EndpointLoopbackTest::hostUnreachableIsTheNeighbourOrARouter()
{
    // EHOSTUNREACH: the next hop's neighbour entry decides (core/observe/RouteToPeer.h).
    ErrorContext c;
    c.errnoValue = EHOSTUNREACH;
    QCOMPARE(classifyError(c), DetectionMechanism::Icmp); // unknown: taken as a router's ICMP
    c.neighbourFailed = false;
    QCOMPARE(classifyError(c), DetectionMechanism::Icmp);
    c.neighbourFailed = true;
    QCOMPARE(classifyError(c), DetectionMechanism::NeighbourUnreachable);
    c.connecting = true;
    QCOMPARE(classifyError(c), DetectionMechanism::NeighbourUnreachable);
    c.errnoValue = ENETUNREACH; // a router's "network unreachable" is never the neighbour
    QCOMPARE(classifyError(c), DetectionMechanism::Icmp);
    QCOMPARE(mechanismName(DetectionMechanism::NeighbourUnreachable), QStringLiteral("neighbour_unreachable"));
    QCOMPARE(mechanismFromName(u"neighbour_unreachable"), std::optional{DetectionMechanism::NeighbourUnreachable});
    QCOMPARE(mechanismFromName(u"application_keepalive"), std::optional{DetectionMechanism::ApplicationKeepalive});
    // The loopback peer is local: no neighbour to ask.
    QVERIFY(!nextHopResolutionFailed(QHostAddress(QStringLiteral("127.0.0.1"))).has_value());
}

QTEST_GUILESS_MAIN(EndpointLoopbackTest)
#include "tst_EndpointLoopback.moc"
