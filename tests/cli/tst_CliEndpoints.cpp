// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli serve/connect: bad input gets one line naming the field and the allowed range
// (exit 2), a refused connect exits 1 with the errno name, and --record writes a replayable JSONL.

#include "core/session/JsonlReader.h"
#include "tests/support/CliRun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

using namespace halfopen::core;

namespace {

using halfopen::testing::CliRun;

CliRun cli(const QStringList &args)
{
    return halfopen::testing::runCli(args, 10000);
}

// A port the kernel just handed out and took back: nothing listens there.
int closedLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace

class CliEndpointsTest : public QObject
{
    Q_OBJECT

private slots:
    void badInput_data();
    void badInput();
    void help();
    void refusedConnectExitsWithErrno();
};

void CliEndpointsTest::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("range");

    const QString target = QStringLiteral("127.0.0.1:5000");
    QTest::newRow("port 70000") << QStringList{"connect", "127.0.0.1:70000"} << "HOST:PORT"
                                << "1 to 65535";
    QTest::newRow("no port") << QStringList{"connect", "127.0.0.1"} << "HOST:PORT"
                             << "port is missing";
    // Numeric addresses only: nothing is looked up (issue 16).
    QTest::newRow("a host name") << QStringList{"connect", "no-such-host.invalid:80"} << "HOST:PORT"
                                 << "not an IPv4 address";
    QTest::newRow("three-part IPv4") << QStringList{"connect", "1.2.3:5"} << "HOST:PORT"
                                     << "not an IPv4 address";
    QTest::newRow("octet 256") << QStringList{"connect", "256.1.1.1:5"} << "HOST:PORT"
                               << "0 to 255";
    QTest::newRow("empty IPv6 brackets") << QStringList{"serve", "--listen", "[]:5"} << "--listen"
                                         << "[::]:PORT";
    QTest::newRow("port not a number") << QStringList{"connect", "127.0.0.1:abc"} << "HOST:PORT"
                                       << "not a number";
    QTest::newRow("name too long") << QStringList{"connect", target, "--name", QString(100000, QLatin1Char('h'))}
                                   << "--name"
                                   << "client, server or local";
    QTest::newRow("name not a host") << QStringList{"connect", target, "--name", "plc"} << "--name"
                                     << "client, server or local";
    QTest::newRow("keepalive idle 0") << QStringList{"connect", target, "--keepalive", "0,1,3"} << "keepalive idle"
                                      << "from 1 to 32767";
    QTest::newRow("keepalive idle above kernel max")
        << QStringList{"connect", target, "--keepalive", "32768,1,3"} << "keepalive idle"
        << "from 1 to 32767";
    QTest::newRow("keepalive count 128") << QStringList{"connect", target, "--keepalive", "2,1,128"}
                                         << "keepalive count"
                                         << "from 1 to 127";
    QTest::newRow("keepalive malformed") << QStringList{"connect", target, "--keepalive", "2,1"} << "--keepalive"
                                         << "IDLE,INTVL,CNT";
    QTest::newRow("user timeout negative") << QStringList{"connect", target, "--user-timeout", "-5"} << "--user-timeout"
                                           << "from 0 to";
    QTest::newRow("heartbeat interval 0")
        << QStringList{"connect", target, "--heartbeat", "0,3"} << "heartbeat interval"
        << "from 1 to";
    QTest::newRow("heartbeat misses 0") << QStringList{"connect", target, "--heartbeat", "1000,0"} << "heartbeat misses"
                                        << "from 1 to";
    QTest::newRow("heartbeat role") << QStringList{"connect", target, "--heartbeat-role", "shout"} << "--heartbeat-role"
                                    << "send or answer";
    QTest::newRow("traffic") << QStringList{"connect", target, "--traffic", "periodic:0:10"} << "--traffic"
                             << "from 1 to";
    QTest::newRow("traffic kind") << QStringList{"connect", target, "--traffic", "burst"} << "--traffic"
                                  << "idle, stream or periodic";
    QTest::newRow("sample rate") << QStringList{"connect", target, "--sample-hz", "0"} << "--sample-hz"
                                 << "from 1 to 1000";
    QTest::newRow("unknown option") << QStringList{"connect", target, "--bogus"} << "options"
                                    << "bogus";
    QTest::newRow("serve without listen") << QStringList{"serve"} << "--listen"
                                          << "1 to 65535";
    QTest::newRow("serve port 70000") << QStringList{"serve", "--listen", "127.0.0.1:70000"} << "--listen"
                                      << "0 to 65535";
    QTest::newRow("unknown command") << QStringList{"explode"} << "command"
                                     << "serve, connect, predict, sockets, audit, watch, exporter, lab or fault";
}

void CliEndpointsTest::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QFETCH(QString, range);
    const CliRun r = cli(args);
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1); // one clear line
    QVERIFY2(lines.first().startsWith(QStringLiteral("halfopen-cli: ")), qPrintable(r.err));
    QVERIFY2(lines.first().contains(field), qPrintable(r.err));
    QVERIFY2(lines.first().contains(range), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void CliEndpointsTest::help()
{
    for (const char *command : {"serve", "connect"}) {
        const CliRun r = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--keepalive")));
        QVERIFY(r.out.contains(QLatin1String("--heartbeat")));
        // Named as typed, not as the executable's path ("Usage: ./halfopen-cli").
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: halfopen-cli %1").arg(QLatin1String(command))),
                 qPrintable(r.out.left(80)));
    }
    const CliRun top = cli({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    for (const char *command : {"serve", "connect", "predict", "sockets", "lab"})
        QVERIFY(top.out.contains(QLatin1String(command)));
}

void CliEndpointsTest::refusedConnectExitsWithErrno()
{
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("refused.jsonl"));
    const CliRun r = cli({QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort()),
                          QStringLiteral("--json"), QStringLiteral("--record"), recording});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("ECONNREFUSED")), qPrintable(r.err));

    const JsonlReadResult replay = readJsonl(recording);
    QVERIFY(replay.opened);
    QVERIFY(replay.problems.isEmpty());
    const auto error = std::find_if(replay.events.begin(), replay.events.end(),
                                    [](const Event &e) { return e.kind == EventKind::Error; });
    QVERIFY(error != replay.events.end());
    QCOMPARE(error->errnoValue, ECONNREFUSED);
    QCOMPARE(error->mechanism, DetectionMechanism::Rst);
    // stdout carried the same events as JSON lines.
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), replay.events.size());
}

QTEST_GUILESS_MAIN(CliEndpointsTest)
#include "tst_CliEndpoints.moc"
