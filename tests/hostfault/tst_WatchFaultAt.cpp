// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli watch --fault-at T:ACTION` on this test's own loopback connection, as root in a
// network namespace the test creates (unshare; the CLI child inherits it): the cut is applied at
// T, the kernel's giving up (keepalive 1/1/2) and the application's closing are forwarded as
// they happen, the verdict comes at the end and the nftables table is gone. Bad values name
// the field and what is allowed.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace {

QString nftTables()
{
    QProcess p;
    p.start(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("tables")});
    p.waitForFinished(5000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString addressOf(const sockaddr_in &a)
{
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    return QStringLiteral("%1:%2").arg(QLatin1String(text)).arg(ntohs(a.sin_port));
}

} // namespace

class WatchFaultAtTest : public QObject
{
    Q_OBJECT
private slots:
    void badValuesNameTheField_data();
    void badValuesNameTheField();
    void cutAtTimesTheReactionAndLiftsAtTheEnd();
    void withoutPrivilegeItSaysWhatIsMissing();
};

void WatchFaultAtTest::badValuesNameTheField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no action") << QStringLiteral("5") << QStringLiteral("T:ACTION");
    QTest::newRow("negative") << QStringLiteral("-1:cut") << QStringLiteral("0 to 604800");
    QTest::newRow("unknown action") << QStringLiteral("2:explode")
                                    << QStringLiteral("cut, cut-in, cut-out, abort, freeze, replug, thaw");
}

void WatchFaultAtTest::badValuesNameTheField()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcess cli;
    cli.start(QStringLiteral(HALFOPEN_CLI),
              {QStringLiteral("watch"), QStringLiteral("127.0.0.1:1"), QStringLiteral("127.0.0.1:2"),
               QStringLiteral("--fault-at"), value});
    QVERIFY(cli.waitForFinished(10000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(err.contains(QLatin1String("--fault-at")) && err.contains(expected), qPrintable(err));
}

void WatchFaultAtTest::cutAtTimesTheReactionAndLiftsAtTheEnd()
{
    if (::geteuid() != 0)
        QSKIP("cutting needs CAP_NET_ADMIN; the namespace needs root");
    QVERIFY2(::unshare(CLONE_NEWNET) == 0, strerror(errno));
    QProcess ip;
    ip.start(QStringLiteral("ip"),
             {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")});
    QVERIFY(ip.waitForFinished(5000) && ip.exitCode() == 0);

    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof a;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&a), n) == 0 && ::listen(listener, 1) == 0);
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&a), &n);
    int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(::connect(client, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0);
    const int server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(server >= 0);
    const int on = 1, idle = 1, interval = 1, count = 2;
    ::setsockopt(client, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    ::setsockopt(client, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(client, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    ::setsockopt(client, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    sockaddr_in local{};
    n = sizeof local;
    ::getsockname(client, reinterpret_cast<sockaddr *>(&local), &n);

    QProcess cli;
    cli.start(QStringLiteral(HALFOPEN_CLI),
              {QStringLiteral("watch"), addressOf(local), addressOf(a), QStringLiteral("--no-capture"),
               QStringLiteral("--json"), QStringLiteral("--fault-at"), QStringLiteral("0.5:cut"),
               QStringLiteral("--duration"), QStringLiteral("8")});
    QVERIFY(cli.waitForStarted(5000));
    // "The application" closes its socket once the kernel has given up on it.
    QByteArray out;
    bool closed = false;
    bool tableSeen = false;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += cli.readAllStandardOutput();
            tableSeen |= nftTables().contains(QLatin1String("halfopen_"));
            if (!closed && out.contains("\"kernel_gave_up\"")) {
                ::close(client);
                client = -1;
                closed = true;
            }
            return cli.state() == QProcess::NotRunning;
        },
        15000));
    out += cli.readAllStandardOutput();
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 0, qPrintable(err));
    QVERIFY(tableSeen);
    QVERIFY(closed);
    QJsonObject fault, verdict;
    QStringList reactions;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("kind")) == QStringLiteral("fault")
            && o.value(QStringLiteral("what")) == QStringLiteral("cut"))
            fault = o;
        else if (o.value(QStringLiteral("kind")) == QStringLiteral("endpoint"))
            reactions << o.value(QStringLiteral("what")).toString();
        else if (o.value(QStringLiteral("kind")) == QStringLiteral("verdict"))
            verdict = o.value(QStringLiteral("detail")).toObject();
    }
    QVERIFY2(!fault.isEmpty(), out.constData());
    QVERIFY2(reactions.contains(QStringLiteral("kernel_gave_up")) && reactions.contains(QStringLiteral("app_closed")),
             out.constData());
    const double gaveUp = verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble(-1);
    // Idle 1 s + 2 probes 1 s apart from the last packet received (about 0.5 s before the cut).
    QVERIFY2(gaveUp > 1.0 && gaveUp < 4.5, out.constData());
    QCOMPARE(verdict.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
    QVERIFY(verdict.value(QStringLiteral("lifted_s")).isDouble());
    QVERIFY2(!nftTables().contains(QLatin1String("halfopen")), qPrintable(nftTables()));
    if (client >= 0)
        ::close(client);
    ::close(server);
    ::close(listener);
}

// As nobody (in the namespace created above): the watch goes on, the cut is refused with the
// errno and the capability, the exit status says it.
void WatchFaultAtTest::withoutPrivilegeItSaysWhatIsMissing()
{
    if (::geteuid() != 0)
        QSKIP("needs root to become nobody inside a namespace of its own");
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof a;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&a), n) == 0 && ::listen(listener, 1) == 0);
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&a), &n);
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(::connect(client, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0);
    const int server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    sockaddr_in local{};
    n = sizeof local;
    ::getsockname(client, reinterpret_cast<sockaddr *>(&local), &n);
    QProcess cli;
    cli.start(QStringLiteral("setpriv"),
              {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
               QStringLiteral(HALFOPEN_CLI), QStringLiteral("watch"), addressOf(local), addressOf(a),
               QStringLiteral("--no-capture"), QStringLiteral("--fault-at"), QStringLiteral("0:cut"),
               QStringLiteral("--duration"), QStringLiteral("1")});
    QVERIFY(cli.waitForFinished(15000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(err.contains(QLatin1String("--fault-at cut")) && err.contains(QLatin1String("EPERM"))
                 && err.contains(QLatin1String("CAP_NET_ADMIN")),
             qPrintable(err));
    QVERIFY(!nftTables().contains(QLatin1String("halfopen")));
    ::close(client);
    ::close(server);
    ::close(listener);
}

QTEST_MAIN(WatchFaultAtTest)
#include "tst_WatchFaultAt.moc"
