// SPDX-License-Identifier: GPL-3.0-or-later
// The audit engine on this process's own loopback connections: options set with setsockopt are
// read back through pidfd_getfd (a process may always read its own), the predictor's times,
// the risk and its fix, the summary, the JSON codec, and a namespace's sysctls from a folder.

#include "audit/AuditJsonWriter.h"
#include "audit/AuditSummary.h"
#include "audit/ConnectionAudit.h"
#include "audit/NamespaceSysctls.h"

#include "core/predict/DetectionPredictor.h"

#include "tests/support/LoopbackPair.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace halfopen;
using namespace halfopen::audit;

namespace {

using LoopbackConnection = testing::LoopbackPair;

bool setInt(int fd, int level, int name, int value)
{
    return ::setsockopt(fd, level, name, &value, sizeof value) == 0;
}

const AuditedConnection *findByLocalPort(const std::vector<AuditedConnection> &list, quint16 port)
{
    for (const AuditedConnection &c : list) {
        if (c.socket.local.port() == port)
            return &c;
    }
    return nullptr;
}

} // namespace

class ConnectionAuditTest : public QObject
{
    Q_OBJECT
private slots:
    void readsTheSocketsOwnOptions();
    void riskAndFixComeFromThePredictor_data();
    void riskAndFixComeFromThePredictor();
    void fixSetsUserTimeoutWhenTheOwnOneIsTooLong();
    void summaryNamesTheProcesses();
    void jsonHasEveryField();
    void sysctlsFromAFolder();
    void filtersByPortAndProcess();
    void remembersHoldersAndOptionsBetweenScans();
    void readsAgainWhenAHolderExits();
};

void ConnectionAuditTest::readsTheSocketsOwnOptions()
{
    LoopbackConnection c;
    QVERIFY(c.open());
    QVERIFY(setInt(c.client, SOL_SOCKET, SO_KEEPALIVE, 1));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPIDLE, 7));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPINTVL, 3));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPCNT, 4));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_USER_TIMEOUT, 12345));

    ConnectionAudit audit;
    QVERIFY2(audit.open(), qPrintable(audit.errorString()));
    std::vector<AuditedConnection> list;
    QVERIFY2(audit.scan({std::nullopt, ::getpid(), {}}, &list), qPrintable(audit.errorString()));
    const AuditedConnection *client = findByLocalPort(list, c.clientPort);
    QVERIFY(client);
    QCOMPARE(client->pid(), std::optional<qint64>(::getpid()));
    QCOMPARE(client->holders.constFirst().fd, c.client);
    QCOMPARE(client->optionsSource, OptionsSource::Socket);
    QCOMPARE(client->keepalive, (AuditedKeepalive{true, 7, 3, 4}));
    QCOMPARE(client->userTimeoutMs, std::optional<int>(12345));
    // 7/3/4 with TCP_USER_TIMEOUT 12345: the check after the second probe (13 s) is past it.
    QCOMPARE(client->assessment.seconds, std::optional<double>(13));
    QCOMPARE(client->assessment.risk, Risk::Ok);
    QVERIFY(!client->assessment.fix);

    // The accepted end set nothing: keepalive off, half-open forever, the recommended fix.
    const AuditedConnection *server = nullptr;
    for (const AuditedConnection &a : list) {
        if (a.socket.remote.port() == c.clientPort)
            server = &a;
    }
    QVERIFY(server);
    QCOMPARE(server->optionsSource, OptionsSource::Socket);
    QCOMPARE(server->keepalive.enabled, std::optional<bool>(false));
    QCOMPARE(server->assessment.risk, Risk::HalfOpenForever);
    QVERIFY(!server->assessment.seconds);
    QVERIFY(server->assessment.fix);
    // The kernel's own defaults read back for the timers it would use.
    const auto defaults = audit.sysctls().keepaliveDefaults();
    QCOMPARE(server->keepalive.idleS, std::optional<int>(defaults.idleS));
}

void ConnectionAuditTest::riskAndFixComeFromThePredictor_data()
{
    QTest::addColumn<bool>("keepalive");
    QTest::addColumn<int>("idle");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<QString>("risk");
    QTest::addRow("off") << false << 0 << 0 << 0 << 300 << "half-open-forever";
    QTest::addRow("kernel defaults") << true << 7200 << 75 << 9 << 300 << "slow";
    QTest::addRow("7/3/4") << true << 7 << 3 << 4 << 300 << "ok";
    QTest::addRow("7/3/4 over a 10 s threshold") << true << 7 << 3 << 4 << 10 << "slow";
    QTest::addRow("off, 30 s threshold") << false << 0 << 0 << 0 << 30 << "half-open-forever";
}

void ConnectionAuditTest::riskAndFixComeFromThePredictor()
{
    QFETCH(bool, keepalive);
    QFETCH(int, idle);
    QFETCH(int, interval);
    QFETCH(int, count);
    QFETCH(int, threshold);
    QFETCH(QString, risk);
    core::PredictionInput input;
    input.keepalive = keepalive ? core::KeepaliveSettings{true, idle, interval, count} : core::KeepaliveSettings{};
    const RiskAssessment a = ConnectionRisk(threshold).assess(input);
    QCOMPARE(riskName(a.risk), risk);
    const auto predicted = core::DetectionPredictor(input).predict(core::DeathKind::IdlePeerPoweredOff).seconds();
    QCOMPARE(a.seconds, predicted);
    if (a.risk == Risk::Ok) {
        QVERIFY(!a.fix);
        return;
    }
    QVERIFY(a.fix);
    // The fix's time is the predictor's for those settings, and under the threshold.
    core::PredictionInput fixed = input;
    fixed.keepalive = a.fix->keepalive;
    const auto fixedSeconds = core::DetectionPredictor(fixed).predict(core::DeathKind::IdlePeerPoweredOff).seconds();
    QVERIFY(fixedSeconds);
    QCOMPARE(a.fix->seconds, *fixedSeconds);
    QVERIFY(a.fix->seconds <= threshold);
    QVERIFY(a.fix->text.contains(QStringLiteral("TCP_KEEPIDLE %1").arg(a.fix->keepalive.idleS)));
    if (threshold == 300) // the recommendation for long-lived connections fits
        QCOMPARE(a.fix->text,
                 QStringLiteral("SO_KEEPALIVE 1, TCP_KEEPIDLE 60, TCP_KEEPINTVL 10, TCP_KEEPCNT 3 → 90 s"));
}

void ConnectionAuditTest::fixSetsUserTimeoutWhenTheOwnOneIsTooLong()
{
    // TCP_USER_TIMEOUT replaces TCP_KEEPCNT once a probe is out: with an hour's user timeout
    // no keepalive timers alone get under 300 s, so the fix sets a matching user timeout too.
    core::PredictionInput input;
    input.userTimeoutMs = 3600 * 1000;
    const RiskAssessment a = ConnectionRisk(300).assess(input);
    QCOMPARE(a.risk, Risk::HalfOpenForever);
    QVERIFY(a.fix);
    QCOMPARE(a.fix->userTimeoutMs, std::optional<int>(90000));
    core::PredictionInput fixed = input;
    fixed.keepalive = a.fix->keepalive;
    fixed.userTimeoutMs = *a.fix->userTimeoutMs;
    QCOMPARE(a.fix->seconds, *core::DetectionPredictor(fixed).predict(core::DeathKind::IdlePeerPoweredOff).seconds());
    QVERIFY(a.fix->text.contains(QStringLiteral("TCP_USER_TIMEOUT 90000")));
}

void ConnectionAuditTest::summaryNamesTheProcesses()
{
    std::vector<AuditedConnection> list(5);
    for (int i = 0; i < 3; ++i) {
        list[i].holders = {{100 + i, 3, QStringLiteral("mosquitto_sub")}};
        list[i].assessment.risk = Risk::HalfOpenForever;
    }
    list[3].holders = {{200, 3, QStringLiteral("psql")}};
    list[3].assessment.risk = Risk::HalfOpenForever;
    list[4].holders = {{300, 3, QStringLiteral("sshd")}};
    list[4].assessment.risk = Risk::Ok;
    const AuditSummary s = AuditSummary::of(list);
    QCOMPARE(s.count(Risk::HalfOpenForever), 4);
    QCOMPARE(s.worst(), Risk::HalfOpenForever);
    QCOMPARE(s.text(), QStringLiteral("5 connections; 4 would stay half-open forever: mosquitto_sub ×3, psql"));
}

void ConnectionAuditTest::jsonHasEveryField()
{
    LoopbackConnection c;
    QVERIFY(c.open());
    QVERIFY(setInt(c.client, SOL_SOCKET, SO_KEEPALIVE, 1));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPIDLE, 7));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPINTVL, 3));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPCNT, 4));
    ConnectionAudit audit;
    QVERIFY(audit.open());
    std::vector<AuditedConnection> list;
    QVERIFY(audit.scan({c.clientPort, std::nullopt, {}}, &list));
    QCOMPARE(list.size(), size_t(2)); // both ends of the connection, nothing else has that port

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        AuditJsonWriter writer(&buffer);
        writer.setSysctls(audit.sysctls());
        for (const AuditedConnection &a : list)
            writer.append(a);
        QVERIFY(writer.finish());
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
    QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 2);
    QJsonObject client;
    for (const QJsonValue &v : array) {
        if (v[QStringLiteral("local")].toString().endsWith(QStringLiteral(":%1").arg(c.clientPort)))
            client = v.toObject();
    }
    for (const char *key :
         {"local", "remote", "state", "pid", "process", "uid", "options_source", "options_note", "keepalive",
          "user_timeout_ms", "sysctls", "rtt_ms", "predictions", "risk", "fix", "application"})
        QVERIFY2(client.contains(QLatin1String(key)), key);
    // A port no application is known by: no application keepalive assumed.
    QVERIFY(client[QStringLiteral("application")].isNull());
    QCOMPARE(client[QStringLiteral("pid")].toInteger(), qint64(::getpid()));
    QCOMPARE(client[QStringLiteral("options_source")].toString(), QStringLiteral("socket"));
    QCOMPARE(client[QStringLiteral("keepalive")].toObject(),
             (QJsonObject{{"enabled", true}, {"idle_s", 7}, {"interval_s", 3}, {"count", 4}}));
    QCOMPARE(client[QStringLiteral("user_timeout_ms")].toInt(), 0);
    QCOMPARE(client[QStringLiteral("risk")].toString(), QStringLiteral("ok"));
    QVERIFY(client[QStringLiteral("fix")].isNull());
    // predict --json's object for the same input.
    core::PredictionInput input = list.front().predictionInput;
    for (const AuditedConnection &a : list) {
        if (a.socket.local.port() == c.clientPort)
            input = a.predictionInput;
    }
    QCOMPARE(client[QStringLiteral("predictions")].toObject(), core::DetectionPredictor(input).toJson());
    QCOMPARE(client[QStringLiteral("predictions")][QStringLiteral("idle_peer_powered_off")][QStringLiteral("seconds")]
                 .toDouble(),
             19.0);
    QCOMPARE(client[QStringLiteral("sysctls")][QStringLiteral("net.ipv4.tcp_retries2")].toInteger(),
             *audit.sysctls().value(QStringLiteral("net.ipv4.tcp_retries2")));
}

void ConnectionAuditTest::sysctlsFromAFolder()
{
    QTemporaryDir dir;
    auto write = [&](const char *name, const QByteArray &value) {
        QFile f(dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(value + '\n');
    };
    write("tcp_retries2", "8");
    write("tcp_keepalive_time", "600");
    write("tcp_keepalive_intvl", "30");
    write("tcp_keepalive_probes", "5");
    write("tcp_syn_retries", "garbage");
    QString error;
    const NamespaceSysctls s = NamespaceSysctls::read(-1, &error, dir.path());
    QVERIFY(error.isEmpty());
    QCOMPARE(s.value(QStringLiteral("net.ipv4.tcp_retries2")), std::optional<qint64>(8));
    QVERIFY(!s.value(QStringLiteral("net.ipv4.tcp_syn_retries")));
    QCOMPARE(s.problems.size(), 1); // the one that is not a number; absent ones are not problems
    QVERIFY(s.problems.constFirst().contains(QStringLiteral("tcp_syn_retries")));
    QCOMPARE(s.keepaliveDefaults(), (core::KeepaliveSettings{true, 600, 30, 5}));
    core::PredictionInput input;
    s.applyTo(&input);
    QCOMPARE(input.retries2, 8);
    QCOMPARE(input.synRetries, 6); // unreadable: the predictor's default stays
}

void ConnectionAuditTest::filtersByPortAndProcess()
{
    LoopbackConnection c;
    QVERIFY(c.open());
    ConnectionAudit audit;
    QVERIFY(audit.open());
    std::vector<AuditedConnection> list;
    QVERIFY(audit.scan({c.clientPort, std::nullopt, QStringLiteral("no-such-program")}, &list));
    QVERIFY(list.empty());
    QFile comm(QStringLiteral("/proc/self/comm"));
    QVERIFY(comm.open(QIODevice::ReadOnly));
    const QString self = QString::fromUtf8(comm.readAll()).trimmed();
    QVERIFY(audit.scan({c.clientPort, std::nullopt, self}, &list));
    QCOMPARE(list.size(), size_t(2));
    for (const AuditedConnection &a : list) {
        QCOMPARE(a.process(), self);
        QVERIFY(ConnectionAudit::isAudited(a.socket.sample.state));
    }
}

// The /proc walk and the option reads are done once per socket, then again when they are due;
// a new socket is read at once.
void ConnectionAuditTest::remembersHoldersAndOptionsBetweenScans()
{
    LoopbackConnection c;
    QVERIFY(c.open());
    QVERIFY(setInt(c.client, SOL_SOCKET, SO_KEEPALIVE, 1));
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPIDLE, 7));
    ConnectionAudit audit(ConnectionRisk::kDefaultThresholdS, std::chrono::milliseconds(400));
    QVERIFY(audit.open());
    const AuditFilter mine{std::nullopt, ::getpid(), {}};
    std::vector<AuditedConnection> list;
    QVERIFY(audit.scan(mine, &list));
    QVERIFY(audit.lastScanReadProcesses());
    QVERIFY(findByLocalPort(list, c.clientPort));
    QCOMPARE(findByLocalPort(list, c.clientPort)->keepalive.idleS, std::optional<int>(7));

    QVERIFY(audit.scan(mine, &list));
    QVERIFY(!audit.lastScanReadProcesses());
    const AuditedConnection *client = findByLocalPort(list, c.clientPort);
    QVERIFY(client);
    QCOMPARE(client->holders.constFirst().fd, c.client);
    QCOMPARE(client->optionsSource, OptionsSource::Socket);
    const auto defaults = audit.sysctls().keepaliveDefaults();
    QCOMPARE(client->keepalive, (AuditedKeepalive{true, 7, defaults.intervalS, defaults.count}));

    // A changed option shows once the socket's facts are due (here 400 ms).
    QVERIFY(setInt(c.client, IPPROTO_TCP, TCP_KEEPIDLE, 9));
    QTRY_VERIFY_WITH_TIMEOUT(audit.scan(mine, &list) && findByLocalPort(list, c.clientPort)
                                 && findByLocalPort(list, c.clientPort)->keepalive.idleS == std::optional<int>(9),
                             5000);
    QVERIFY(audit.scan(mine, &list));
    QVERIFY(!audit.lastScanReadProcesses());

    // A new connection is read in the next scan, with its process and options.
    LoopbackConnection d;
    QVERIFY(d.open());
    QVERIFY(setInt(d.client, IPPROTO_TCP, TCP_USER_TIMEOUT, 4321));
    QVERIFY(audit.scan(mine, &list));
    QVERIFY(audit.lastScanReadProcesses());
    const AuditedConnection *newcomer = findByLocalPort(list, d.clientPort);
    QVERIFY(newcomer);
    QCOMPARE(newcomer->holders.constFirst().fd, d.client);
    QCOMPARE(newcomer->userTimeoutMs, std::optional<int>(4321));
}

// A process that held a socket and exited: the next scan walks /proc again, so the holders shown
// are the ones left, not the dead one.
void ConnectionAuditTest::readsAgainWhenAHolderExits()
{
    LoopbackConnection c;
    QVERIFY(c.open());
    int release[2];
    QVERIFY(::pipe(release) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Holds inherited copies of the sockets until told to go.
        char byte;
        ::close(release[1]);
        [[maybe_unused]] const ssize_t n = ::read(release[0], &byte, 1);
        ::_exit(0);
    }
    ::close(release[0]);
    ConnectionAudit audit(ConnectionRisk::kDefaultThresholdS, std::chrono::hours(1));
    QVERIFY(audit.open());
    std::vector<AuditedConnection> list;
    const AuditFilter port{c.clientPort, std::nullopt, {}};
    QVERIFY(audit.scan(port, &list));
    QVERIFY(findByLocalPort(list, c.clientPort));
    QCOMPARE(findByLocalPort(list, c.clientPort)->holders.size(), 2);
    QVERIFY(audit.scan(port, &list));
    QVERIFY(!audit.lastScanReadProcesses());

    ::close(release[1]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(audit.scan(port, &list));
    QVERIFY(audit.lastScanReadProcesses());
    const AuditedConnection *client = findByLocalPort(list, c.clientPort);
    QVERIFY(client);
    QCOMPARE(client->holders.size(), 1);
    QCOMPARE(client->pid(), std::optional<qint64>(::getpid()));
}

QTEST_GUILESS_MAIN(ConnectionAuditTest)
#include "tst_ConnectionAudit.moc"
