// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli exporter without privileges or namespaces: bad input is refused naming the field,
// and on this process's own loopback connections the scrape follows the kernel: a connection
// appears with its options, and when it ends it is counted, per process, by how it ended.

#include "ExporterSupport.h"

#include "tests/support/CliRun.h"

#include <QTest>

#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/wait.h>

using namespace halfopen::testing;

namespace {

// A loopback connection, both ends kept.
struct LoopbackConnection
{
    int listener = -1;
    int client = -1;
    int server = -1;
    QByteArray clientAddress;

    bool open()
    {
        listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(listener, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(listener, 4) != 0
            || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return false;
        client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int on = 1;
        const int idle = 7, interval = 3, count = 4;
        ::setsockopt(client, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
        ::setsockopt(client, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
        ::setsockopt(client, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
        ::setsockopt(client, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
        if (::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return false;
        server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        sockaddr_in local{};
        length = sizeof local;
        ::getsockname(client, reinterpret_cast<sockaddr *>(&local), &length);
        clientAddress = "127.0.0.1:" + QByteArray::number(ntohs(local.sin_port));
        return server >= 0;
    }
    static void closeFd(int &fd, bool abort)
    {
        if (fd < 0)
            return;
        if (abort) {
            const linger rst{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &rst, sizeof rst);
        }
        ::close(fd);
        fd = -1;
    }
};

// A child process named "ho-holder" that holds two loopback connections, an "abortive" and an
// "orderly" one, and closes their ends when told: its connections are counted apart from the
// test's own HTTP connections to the exporter.
class Holder
{
public:
    bool start()
    {
        int commands[2];
        int replies[2];
        if (::pipe2(commands, O_CLOEXEC) != 0 || ::pipe2(replies, O_CLOEXEC) != 0)
            return false;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::prctl(PR_SET_NAME, "ho-holder");
            ::close(commands[1]);
            ::close(replies[0]);
            LoopbackConnection abortive;
            LoopbackConnection orderly;
            const bool ok = abortive.open() && orderly.open();
            const QByteArray hello
                = ok ? abortive.clientAddress + ' ' + orderly.clientAddress + '\n' : QByteArray("failed\n");
            if (::write(replies[1], hello.constData(), size_t(hello.size())) != hello.size())
                ::_exit(1);
            char command = 0;
            while (::read(commands[0], &command, 1) == 1) {
                if (command == 'a')
                    LoopbackConnection::closeFd(abortive.client, true);
                else if (command == 'c')
                    LoopbackConnection::closeFd(orderly.client, false);
                else if (command == 's')
                    LoopbackConnection::closeFd(orderly.server, false);
                if (::write(replies[1], "k", 1) != 1)
                    break;
            }
            ::_exit(0);
        }
        ::close(commands[0]);
        ::close(replies[1]);
        m_commands = commands[1];
        m_replies = replies[0];
        QByteArray hello;
        char c = 0;
        while (::read(m_replies, &c, 1) == 1 && c != '\n')
            hello += c;
        const QList<QByteArray> addresses = hello.split(' ');
        if (addresses.size() != 2)
            return false;
        abortiveClient = addresses.at(0);
        orderlyClient = addresses.at(1);
        return true;
    }
    void tell(char command)
    {
        char done = 0;
        if (::write(m_commands, &command, 1) != 1 || ::read(m_replies, &done, 1) != 1)
            qWarning("the holder process did not answer");
    }
    ~Holder()
    {
        if (m_pid > 0) {
            ::close(m_commands);
            ::close(m_replies);
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    QByteArray abortiveClient;
    QByteArray orderlyClient;

private:
    pid_t m_pid = -1;
    int m_commands = -1;
    int m_replies = -1;
};

// The value of the sample line that starts with `series` ("name{labels}"), -1 when absent.
double valueOf(const QByteArray &body, const QByteArray &series)
{
    const qsizetype at = body.indexOf('\n' + series + ' ');
    if (at < 0)
        return -1;
    const qsizetype start = at + 1 + series.size() + 1;
    return body.mid(start, body.indexOf('\n', start) - start).toDouble();
}

} // namespace

class tst_ExporterCli : public QObject
{
    Q_OBJECT

private slots:
    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("allowed");
        QTest::newRow("no --listen") << QStringList{} << "--listen"
                                     << "ADDR:PORT";
        QTest::newRow("no port") << QStringList{"--listen", "127.0.0.1"} << "--listen"
                                 << "port is missing";
        QTest::newRow("port out of range") << QStringList{"--listen", "127.0.0.1:70000"} << "--listen"
                                           << "0 to 65535";
        QTest::newRow("max-series") << QStringList{"--listen", ":0", "--max-series", "-1"} << "--max-series"
                                    << "0 to 1000000";
        QTest::newRow("port filter") << QStringList{"--listen", ":0", "--port", "0"} << "--port"
                                     << "1 to 65535";
        QTest::newRow("process") << QStringList{"--listen", ":0", "--process", "a-name-longer-than-15"} << "--process"
                                 << "1 to 15 characters";
        QTest::newRow("threshold") << QStringList{"--listen", ":0", "--risk-threshold", "0"} << "--risk-threshold"
                                   << "1 to 604800";
        QTest::newRow("unknown option") << QStringList{"--listen", ":0", "--json"} << "--json"
                                        << "--max-series N";
        QTest::newRow("netns") << QStringList{"--listen", ":0", "--netns", "/nonexistent/ns"} << "--netns"
                               << "ENOENT";
    }
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QFETCH(QString, allowed);
        const CliRun run = runCli(QStringList{QStringLiteral("exporter")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("halfopen-cli: ") + field + QLatin1Char(':')), qPrintable(run.err));
        QVERIFY2(run.err.contains(allowed), qPrintable(run.err));
    }

    void portInUse()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const CliRun run = runCli({QStringLiteral("exporter"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("cannot listen on 127.0.0.1 port %1").arg(taken.serverPort())),
                 qPrintable(run.err));
    }

    // Connections of a process of the test's own, as any user may watch their own.
    void connectionsAndTheirEnd()
    {
        Holder holder;
        QVERIFY(holder.start());
        ExporterProcess exporter;
        QVERIFY(exporter.start({}));
        const QByteArray self = "process=\"ho-holder\"";
        auto ended = [&](const QByteArray &body, const char *reason) {
            return valueOf(body, "halfopen_connections_ended_total{" + self + ",reason=\"" + reason + "\"}");
        };

        HttpReply reply = httpGet(exporter.port(), "/metrics");
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.body.contains("halfopen_connection_keepalive_idle_seconds{local=\"" + holder.abortiveClient
                                     + "\",remote=\"127.0.0.1:"),
                 reply.body.constData());
        QCOMPARE(valueOf(reply.body, "halfopen_process_connections{" + self + ",risk=\"ok\"}"), 2.0); // 7/3/4: 19 s
        QCOMPARE(valueOf(reply.body, "halfopen_process_connections{" + self + ",risk=\"half-open-forever\"}"),
                 2.0); // accepted ends
        QCOMPARE(ended(reply.body, "vanished"), 0.0);
        QCOMPARE(ended(reply.body, "closed"), 0.0);

        // An abortive close: the RST ends both sides between two scrapes without a trace.
        holder.tell('a');
        // An orderly close seen half-way: our end in FIN_WAIT_2 (no process holds it any more,
        // it still counts as the holder's), the other in CLOSE_WAIT...
        holder.tell('c');
        reply = httpGet(exporter.port(), "/metrics");
        QCOMPARE(ended(reply.body, "vanished"), 2.0);
        QCOMPARE(ended(reply.body, "closed"), 0.0);
        QVERIFY2(
            reply.body.contains("halfopen_connection_state{local=\"" + holder.orderlyClient + "\",remote=\"127.0.0.1:"),
            reply.body.constData());
        QVERIFY(reply.body.contains("," + self + ",state=\"CLOSE_WAIT\"} 1\n"));
        // ... then the other side closes too: the FIN_WAIT_2 end goes to TIME_WAIT, the
        // CLOSE_WAIT one away, both "closed".
        holder.tell('s');
        QTRY_COMPARE_WITH_TIMEOUT(ended(httpGet(exporter.port(), "/metrics").body, "closed"), 2.0, 5000);
        reply = httpGet(exporter.port(), "/metrics");
        QCOMPARE(ended(reply.body, "vanished"), 2.0);
        QCOMPARE(ended(reply.body, "timeout"), 0.0);
    }
};

QTEST_MAIN(tst_ExporterCli)
#include "tst_ExporterCli.moc"
