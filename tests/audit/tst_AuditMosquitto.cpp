// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli audit` against real software nobody here wrote: a Mosquitto broker in network
// namespace "b", and in "a" clients with known options (halfopen-cli connect: keepalive 7/3/4,
// the same with TCP_USER_TIMEOUT 12345, none at all) and Debian's mosquitto_sub, whose options
// are whatever libmosquitto sets. The audit must find each with its process, its exact options,
// the predictor's times and a risk; unprivileged it must fall back to the timer and say why.
// Needs root (ip netns); skips without.

#include "audit/ConnectionRisk.h"
#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/DetectionPredictor.h"
#include "core/session/Event.h"
#include "core/session/MonotonicClock.h"
#include "tests/support/CliPeer.h"
#include "tests/support/CliRun.h"
#include "tests/support/NetnsPair.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <memory>

using namespace halfopen;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;
using halfopen::testing::runCli;

namespace {

constexpr int kBrokerPort = 1883;

QJsonArray parseArray(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isArray())
        qWarning("not a JSON array: %s", qPrintable(error.errorString()));
    return doc.array();
}

QJsonObject byPid(const QJsonArray &rows, qint64 pid)
{
    for (const QJsonValue &v : rows) {
        if (v[QStringLiteral("pid")].toInteger() == pid)
            return v.toObject();
    }
    return {};
}

double idleSeconds(const QJsonObject &row)
{
    return row[QStringLiteral("predictions")][QStringLiteral("idle_peer_powered_off")][QStringLiteral("seconds")]
        .toDouble(-1);
}

} // namespace

class AuditMosquittoTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void clientsWithKnownOptions();
    void mosquittoSubAsItIs();
    void brokerSideInItsOwnNamespace();
    void applicationKeepaliveAssumedFromThePort();
    void failOnForScripts();
    void unprivilegedFallsBackAndSaysWhy();
    // Last: it cuts the link for good.
    void watchSeesKeepaliveDetectThePoweredOffBroker();

private:
    QByteArray auditA(const QStringList &extra = {});
    bool waitForConnections(int count);

    std::unique_ptr<NetnsPair> m_net;
    QTemporaryDir m_dir;
    QProcess m_broker;
    QProcess m_sub;
    std::unique_ptr<CliPeer> m_keepalive;   // 7/3/4
    std::unique_ptr<CliPeer> m_userTimeout; // 7/3/4 + TCP_USER_TIMEOUT 12345
    std::unique_ptr<CliPeer> m_plain;       // no options
};

QByteArray AuditMosquittoTest::auditA(const QStringList &extra)
{
    const auto run = runCli(QStringList{QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--netns"),
                                        QStringLiteral("/run/netns/") + m_net->a()}
                            + extra);
    if (run.exitCode != 0)
        qWarning("audit exited %d: %s", run.exitCode, qPrintable(run.err));
    return run.outBytes;
}

bool AuditMosquittoTest::waitForConnections(int count)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonArray rows = parseArray(auditA({QStringLiteral("--port"), QString::number(kBrokerPort)}));
            int established = 0;
            for (const QJsonValue &v : rows)
                established += v[QStringLiteral("state")].toString() == QLatin1String("ESTABLISHED");
            return established >= count;
        },
        10000);
}

void AuditMosquittoTest::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP(
            "creating network namespaces with ip netns needs root; tst_ConnectionAudit covers the engine on loopback");
    if (QStandardPaths::findExecutable(QStringLiteral("mosquitto")).isEmpty()
        && !QFile::exists(QStringLiteral("/usr/sbin/mosquitto")))
        QFAIL("mosquitto is not installed (packaging/debian-packages.txt lists it)");
    m_net = std::make_unique<NetnsPair>();
    QVERIFY(m_net->isReady());
    // "a" gets its own tcp_retries2: the audit must read the namespace's, not the host's.
    QVERIFY(m_net->sysctl(m_net->a(), QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("8")));

    QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("listener %1 %2\nallow_anonymous true\npersistence false\n")
                   .arg(kBrokerPort)
                   .arg(QLatin1String(NetnsPair::kAddressB))
                   .toUtf8());
    conf.close();
    const auto dieWithUs = [] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); };
    m_broker.setChildProcessModifier(dieWithUs);
    m_broker.start(QStringLiteral("ip"),
                   {QStringLiteral("netns"), QStringLiteral("exec"), m_net->b(), QStringLiteral("mosquitto"),
                    QStringLiteral("-c"), conf.fileName()});
    QVERIFY(m_broker.waitForStarted());
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const auto run = runCli({QStringLiteral("sockets"), QStringLiteral("--netns"),
                                              QStringLiteral("/run/netns/") + m_net->b(), QStringLiteral("--port"),
                                              QString::number(kBrokerPort), QStringLiteral("--state"),
                                              QStringLiteral("LISTEN"), QStringLiteral("--json")});
                     return !parseArray(run.outBytes).isEmpty();
                 },
                 10000),
             m_broker.readAllStandardError().constData());

    const QString broker = QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(kBrokerPort);
    m_keepalive = std::make_unique<CliPeer>(m_net->execIn(m_net->a()));
    m_keepalive->start({QStringLiteral("connect"), broker, QStringLiteral("--keepalive"), QStringLiteral("7,3,4")});
    m_userTimeout = std::make_unique<CliPeer>(m_net->execIn(m_net->a()));
    m_userTimeout->start({QStringLiteral("connect"), broker, QStringLiteral("--keepalive"), QStringLiteral("7,3,4"),
                          QStringLiteral("--user-timeout"), QStringLiteral("12345")});
    m_plain = std::make_unique<CliPeer>(m_net->execIn(m_net->a()));
    m_plain->start({QStringLiteral("connect"), broker});
    m_sub.setChildProcessModifier(dieWithUs);
    m_sub.start(QStringLiteral("ip"),
                {QStringLiteral("netns"), QStringLiteral("exec"), m_net->a(), QStringLiteral("mosquitto_sub"),
                 QStringLiteral("-h"), QLatin1String(NetnsPair::kAddressB), QStringLiteral("-p"),
                 QString::number(kBrokerPort), QStringLiteral("-t"), QStringLiteral("halfopen/audit")});
    QVERIFY(m_sub.waitForStarted());
    QVERIFY2(waitForConnections(4), "the four clients did not all connect to the broker");
}

void AuditMosquittoTest::cleanupTestCase()
{
    for (QProcess *p : {&m_sub, &m_broker}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(3000)) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
    }
    m_keepalive.reset();
    m_userTimeout.reset();
    m_plain.reset();
    m_net.reset();
}

void AuditMosquittoTest::clientsWithKnownOptions()
{
    const QJsonArray rows = parseArray(auditA());
    const QString brokerAddress = QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(kBrokerPort);

    // keepalive 7/3/4: an idle powered-off peer is noticed 7 + 3 × 4 = 19 s after the last packet.
    const QJsonObject k = byPid(rows, m_keepalive->pid());
    QVERIFY2(!k.isEmpty(), "the 7/3/4 client's connection was not found with its pid");
    QCOMPARE(k[QStringLiteral("process")].toString(), QStringLiteral("halfopen-cli"));
    QCOMPARE(k[QStringLiteral("remote")].toString(), brokerAddress);
    QCOMPARE(k[QStringLiteral("state")].toString(), QStringLiteral("ESTABLISHED"));
    QCOMPARE(k[QStringLiteral("uid")].toInt(), 0);
    QCOMPARE(k[QStringLiteral("options_source")].toString(), QStringLiteral("socket"));
    QCOMPARE(k[QStringLiteral("keepalive")].toObject(),
             (QJsonObject{{"enabled", true}, {"idle_s", 7}, {"interval_s", 3}, {"count", 4}}));
    QCOMPARE(k[QStringLiteral("user_timeout_ms")].toInt(-1), 0);
    QCOMPARE(idleSeconds(k), 19.0);
    QCOMPARE(k[QStringLiteral("predictions")][QStringLiteral("idle_peer_powered_off")][QStringLiteral("mechanism")]
                 .toString(),
             QStringLiteral("keepalive"));
    QCOMPARE(k[QStringLiteral("risk")].toString(), QStringLiteral("ok"));
    QVERIFY(k[QStringLiteral("fix")].isNull());
    // The namespace's own sysctls, and the predictions made with them: tcp_retries2 = 8.
    QCOMPARE(k[QStringLiteral("sysctls")][QStringLiteral("net.ipv4.tcp_retries2")].toInt(), 8);
    core::PredictionInput input;
    input.keepalive = {true, 7, 3, 4};
    input.retries2 = 8;
    input.rttMs = k[QStringLiteral("rtt_ms")].toDouble();
    QVERIFY(input.rttMs > 0);
    const QJsonObject expected = core::DetectionPredictor(input).toJson();
    // (The CLI loads the English plural forms, this test does not: the words may differ.)
    QJsonObject inFlight = k[QStringLiteral("predictions")][QStringLiteral("peer_unplugged_data_in_flight")].toObject();
    QJsonObject expectedInFlight = expected[QStringLiteral("peer_unplugged_data_in_flight")].toObject();
    inFlight.remove(QStringLiteral("explanation"));
    expectedInFlight.remove(QStringLiteral("explanation"));
    QCOMPARE(inFlight, expectedInFlight);
    QCOMPARE(inFlight[QStringLiteral("mechanism")].toString(), QStringLiteral("retransmission_timeout"));

    // With TCP_USER_TIMEOUT 12345: the check after the second probe, at 13 s, is past it.
    const QJsonObject u = byPid(rows, m_userTimeout->pid());
    QVERIFY(!u.isEmpty());
    QCOMPARE(u[QStringLiteral("user_timeout_ms")].toInt(), 12345);
    QCOMPARE(u[QStringLiteral("keepalive")][QStringLiteral("idle_s")].toInt(), 7);
    QCOMPARE(idleSeconds(u), 13.0);
    QCOMPARE(u[QStringLiteral("risk")].toString(), QStringLiteral("ok"));

    // No keepalive: it would stay half-open forever; the fix is the predictor's.
    const QJsonObject p = byPid(rows, m_plain->pid());
    QVERIFY(!p.isEmpty());
    QCOMPARE(p[QStringLiteral("keepalive")][QStringLiteral("enabled")].toBool(true), false);
    QVERIFY(
        p[QStringLiteral("predictions")][QStringLiteral("idle_peer_powered_off")][QStringLiteral("seconds")].isNull());
    QCOMPARE(p[QStringLiteral("risk")].toString(), QStringLiteral("half-open-forever"));
    const QJsonObject fix = p[QStringLiteral("fix")].toObject();
    QCOMPARE(fix[QStringLiteral("text")].toString(),
             QStringLiteral("SO_KEEPALIVE 1, TCP_KEEPIDLE 60, TCP_KEEPINTVL 10, TCP_KEEPCNT 3 → 90 s"));
    core::PredictionInput fixed;
    fixed.keepalive = {true, 60, 10, 3};
    QCOMPARE(fix[QStringLiteral("seconds")].toDouble(),
             *core::DetectionPredictor(fixed).predict(core::DeathKind::IdlePeerPoweredOff).seconds());
}

void AuditMosquittoTest::mosquittoSubAsItIs()
{
    const QJsonArray rows = parseArray(auditA({QStringLiteral("--process"), QStringLiteral("mosquitto_sub")}));
    QCOMPARE(rows.size(), 1);
    const QJsonObject s = rows.first().toObject();
    QCOMPARE(s[QStringLiteral("pid")].toInteger(), m_sub.processId());
    QCOMPARE(s[QStringLiteral("options_source")].toString(), QStringLiteral("socket"));
    // Whatever libmosquitto set, the kernel's keepalive timer agrees with SO_KEEPALIVE as read
    // (an idle established connection: no retransmission timer hides it) ...
    const bool keepalive = s[QStringLiteral("keepalive")][QStringLiteral("enabled")].toBool();
    const QString timer = s[QStringLiteral("timer")].toString();
    if (timer == QLatin1String("keepalive") || timer == QLatin1String("off"))
        QCOMPARE(keepalive, timer == QLatin1String("keepalive"));
    qInfo("mosquitto_sub: keepalive %s, user timeout %d ms, risk %s", keepalive ? "on" : "off",
          s[QStringLiteral("user_timeout_ms")].toInt(), qPrintable(s[QStringLiteral("risk")].toString()));
    // ... and the risk is the predictor's verdict on what was read.
    core::PredictionInput input;
    const QJsonObject k = s[QStringLiteral("keepalive")].toObject();
    input.keepalive = {keepalive, k[QStringLiteral("idle_s")].toInt(), k[QStringLiteral("interval_s")].toInt(),
                       k[QStringLiteral("count")].toInt()};
    input.userTimeoutMs = s[QStringLiteral("user_timeout_ms")].toInt();
    const audit::RiskAssessment expected = audit::ConnectionRisk().assess(input);
    QCOMPARE(s[QStringLiteral("risk")].toString(), audit::riskName(expected.risk));
    QCOMPARE(s[QStringLiteral("fix")].isNull(), !expected.fix.has_value());
}

void AuditMosquittoTest::brokerSideInItsOwnNamespace()
{
    const auto run = runCli({QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--netns"),
                             QStringLiteral("/run/netns/") + m_net->b(), QStringLiteral("--pid"),
                             QString::number(m_broker.processId())});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray rows = parseArray(run.outBytes);
    // `ip netns exec` execs mosquitto in place: the broker has the pid QProcess started.
    QVERIFY2(rows.size() >= 4, run.outBytes.left(500).constData());
    for (const QJsonValue &v : rows) {
        QCOMPARE(v[QStringLiteral("process")].toString(), QStringLiteral("mosquitto"));
        QCOMPARE(v[QStringLiteral("options_source")].toString(), QStringLiteral("socket"));
        QVERIFY(v[QStringLiteral("local")].toString().endsWith(QStringLiteral(":%1").arg(kBrokerPort)));
        // The broker's namespace kept the kernel's default tcp_retries2.
        QCOMPARE(v[QStringLiteral("sysctls")][QStringLiteral("net.ipv4.tcp_retries2")].toInt(), 15);
    }
}

void AuditMosquittoTest::applicationKeepaliveAssumedFromThePort()
{
    // The rule `predict --app` uses, for the answers below.
    const auto rule = [](const QString &spec) {
        QString error;
        return *core::ApplicationKeepalive::predict(*core::ApplicationKeepalive::parse(spec, &error),
                                                    core::DeathKind::IdlePeerPoweredOff);
    };
    // mosquitto_sub's connection to port 1883: an MQTT client, K assumed (the audit cannot
    // read it), said so.
    QJsonObject app = parseArray(auditA({QStringLiteral("--process"), QStringLiteral("mosquitto_sub")}))
                          .first()[QStringLiteral("application")]
                          .toObject();
    QCOMPARE(app[QStringLiteral("protocol")].toString(), QStringLiteral("mqtt-client"));
    QCOMPARE(app[QStringLiteral("keepalive_s")].toInt(), 60);
    QCOMPARE(app[QStringLiteral("keepalive_given")].toBool(), false);
    QCOMPARE(app[QStringLiteral("port")].toInt(), kBrokerPort);
    QCOMPARE(app[QStringLiteral("predicted_s")].toDouble(), *rule(QStringLiteral("mqtt-client:60")).seconds());
    QCOMPARE(app[QStringLiteral("predicted_max_s")].toDouble(), rule(QStringLiteral("mqtt-client:60")).maxUs / 1e6);
    QVERIFY2(app[QStringLiteral("text")].toString().contains(QStringLiteral("An assumption from port 1883")),
             qPrintable(app[QStringLiteral("text")].toString()));

    // The user knows K (mosquitto_sub's default is 60 s; say 5).
    app = parseArray(auditA({QStringLiteral("--process"), QStringLiteral("mosquitto_sub"), QStringLiteral("--app"),
                             QStringLiteral("mqtt-client:5")}))
              .first()[QStringLiteral("application")]
              .toObject();
    QCOMPARE(app[QStringLiteral("keepalive_s")].toInt(), 5);
    QCOMPARE(app[QStringLiteral("keepalive_given")].toBool(), true);
    QCOMPARE(app[QStringLiteral("predicted_s")].toDouble(), 10.0);
    // Per port, any protocol: the same connection named AMQP with a 30 s heartbeat.
    app = parseArray(auditA({QStringLiteral("--process"), QStringLiteral("mosquitto_sub"), QStringLiteral("--app"),
                             QStringLiteral("1883=amqp:30")}))
              .first()[QStringLiteral("application")]
              .toObject();
    QCOMPARE(app[QStringLiteral("protocol")].toString(), QStringLiteral("amqp"));
    QCOMPARE(app[QStringLiteral("predicted_s")].toDouble(), *rule(QStringLiteral("amqp:30")).seconds());

    // The broker's side, accepted on 1883: the broker rule.
    auto run
        = runCli({QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--netns"),
                  QStringLiteral("/run/netns/") + m_net->b(), QStringLiteral("--pid"),
                  QString::number(m_broker.processId()), QStringLiteral("--app"), QStringLiteral("mqtt-broker:5")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray brokerRows = parseArray(run.outBytes);
    QVERIFY(!brokerRows.isEmpty());
    for (const QJsonValue &row : brokerRows) {
        const QJsonObject b = row[QStringLiteral("application")].toObject();
        QCOMPARE(b[QStringLiteral("protocol")].toString(), QStringLiteral("mqtt-broker"));
        QCOMPARE(b[QStringLiteral("predicted_max_s")].toDouble(), rule(QStringLiteral("mqtt-broker:5")).maxUs / 1e6);
    }

    // The table: a column and the sentence once under it.
    run = runCli({QStringLiteral("audit"), QStringLiteral("--netns"), QStringLiteral("/run/netns/") + m_net->a(),
                  QStringLiteral("--process"), QStringLiteral("mosquitto_sub"), QStringLiteral("--app"),
                  QStringLiteral("mqtt-client:5")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("mqtt-client:5 → 10 s")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Application keepalive: If the application is an MQTT client, keepalive 5 "
                                             "s, it would notice a dead peer 10 s after the last packet received (at "
                                             "most 11 s). An assumption from port 1883")),
             qPrintable(run.out));
    // A bad K is refused with the field and the range.
    run = runCli({QStringLiteral("audit"), QStringLiteral("--app"), QStringLiteral("mqtt-client:0")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--app")) && run.err.contains(QStringLiteral("between 1 and 65535")),
             qPrintable(run.err));
}

void AuditMosquittoTest::failOnForScripts()
{
    const QString netns = QStringLiteral("/run/netns/") + m_net->a();
    // The plain client would stay half-open forever: exit 1, for a pipeline to stop on.
    auto run = runCli({QStringLiteral("audit"), QStringLiteral("--netns"), netns, QStringLiteral("--fail-on"),
                       QStringLiteral("half-open-forever")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QStringLiteral("would stay half-open forever")));
    // Only the 7/3/4 client: ok, whatever the threshold down to 19 s.
    run = runCli({QStringLiteral("audit"), QStringLiteral("--netns"), netns, QStringLiteral("--pid"),
                  QString::number(m_keepalive->pid()), QStringLiteral("--risk-threshold"), QStringLiteral("19"),
                  QStringLiteral("--fail-on"), QStringLiteral("slow")});
    QCOMPARE(run.exitCode, 0);
    run = runCli({QStringLiteral("audit"), QStringLiteral("--netns"), netns, QStringLiteral("--pid"),
                  QString::number(m_keepalive->pid()), QStringLiteral("--risk-threshold"), QStringLiteral("18"),
                  QStringLiteral("--fail-on"), QStringLiteral("slow")});
    QCOMPARE(run.exitCode, 1);
    run = runCli({QStringLiteral("audit"), QStringLiteral("--fail-on"), QStringLiteral("soon")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--fail-on"))
            && run.err.contains(QStringLiteral("half-open-forever or slow")));
    run = runCli({QStringLiteral("audit"), QStringLiteral("--risk-threshold"), QStringLiteral("0")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--risk-threshold")));
}

void AuditMosquittoTest::unprivilegedFallsBackAndSaysWhy()
{
    // As nobody, inside "a" (entering another namespace would need CAP_SYS_ADMIN): the
    // processes' fd folders are root's, so neither the process nor the options can be read.
    QProcess p;
    p.start(QStringLiteral("ip"),
            {QStringLiteral("netns"), QStringLiteral("exec"), m_net->a(), QStringLiteral("setpriv"),
             QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
             QStringLiteral(HALFOPEN_CLI), QStringLiteral("audit"), QStringLiteral("--json"), QStringLiteral("--port"),
             QString::number(kBrokerPort)});
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonArray rows = parseArray(p.readAllStandardOutput());
    QCOMPARE(rows.size(), 4);
    int on = 0;
    int off = 0;
    for (const QJsonValue &v : rows) {
        QVERIFY(v[QStringLiteral("pid")].isNull());
        const QString source = v[QStringLiteral("options_source")].toString();
        const QString note = v[QStringLiteral("options_note")].toString();
        QVERIFY2(note.contains(QStringLiteral("EACCES")) && note.contains(QStringLiteral("CAP_SYS_PTRACE")),
                 qPrintable(note));
        QVERIFY(v[QStringLiteral("keepalive")][QStringLiteral("idle_s")].isNull());
        QVERIFY(v[QStringLiteral("user_timeout_ms")].isNull());
        if (source != QLatin1String("timer"))
            continue;
        if (v[QStringLiteral("keepalive")][QStringLiteral("enabled")].toBool()) {
            ++on;
            QVERIFY(note.contains(QStringLiteral("namespace's defaults")));
        } else {
            ++off;
            QCOMPARE(v[QStringLiteral("risk")].toString(), QStringLiteral("half-open-forever"));
            QVERIFY(!v[QStringLiteral("fix")].isNull());
        }
    }
    // The two 7/3/4 clients run their keepalive timer; the plain one does not.
    QVERIFY2(on >= 2, qPrintable(QString::number(on)));
    QVERIFY2(off >= 1, qPrintable(QString::number(off)));
}

void AuditMosquittoTest::watchSeesKeepaliveDetectThePoweredOffBroker()
{
    // watch the 7/3/4 client's connection, with its packets, then the broker's namespace loses
    // its link: a's frames to b vanish, as if b lost power.
    const QString pcap = m_dir.filePath(QStringLiteral("watch.pcap"));
    const QString record = m_dir.filePath(QStringLiteral("watch.jsonl"));
    QProcess watch;
    watch.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    watch.start(QStringLiteral(HALFOPEN_CLI),
                {QStringLiteral("watch"), QStringLiteral("--netns"), QStringLiteral("/run/netns/") + m_net->a(),
                 QStringLiteral("--pid"), QString::number(m_keepalive->pid()), QStringLiteral("--json"),
                 QStringLiteral("--pcap"), pcap, QStringLiteral("--record"), record});
    QVERIFY(watch.waitForStarted());
    // The capture starts mid-connection: like Wireshark, the classifier learns the flow from
    // what it sees. The first keepalive probe (7 s after the client connected) is answered;
    // once that answer is seen, the broker's namespace loses its link.
    QByteArray output;
    auto peerAnswered = [&] {
        output += watch.readAllStandardOutput();
        return output.contains("\"host\":\"peer\"");
    };
    QVERIFY2(QTest::qWaitFor(peerAnswered, 15000), watch.readAllStandardError().constData());
    QVERIFY(m_net->unplug());
    const qint64 cutUs = core::monotonicNowUs();
    // 7 + 3 × 4 = 19 s after that answer, at most; then the watch ends by itself.
    QVERIFY2(watch.waitForFinished(40000), "the watched connection was not declared dead within 40 s");
    QCOMPARE(watch.exitCode(), 0);
    const QByteArray err = watch.readAllStandardError();
    QVERIFY2(!err.contains("no packet capture"), err.constData());
    output += watch.readAllStandardOutput();

    QList<core::Event> events;
    for (const QByteArray &line : output.split('\n')) {
        if (auto e = core::Event::fromJson(QJsonDocument::fromJson(line).object()))
            events.append(*e);
    }
    QVERIFY(!events.isEmpty());
    const core::Event &last = events.constLast();
    QCOMPARE(last.kind, core::EventKind::State);
    QCOMPARE(last.toState, core::TcpState::Closed);
    std::optional<qint64> lastReceivedUs;
    int probes = 0;
    int sentAfterCut = 0;
    bool rst = false;
    for (const core::Event &e : std::as_const(events)) {
        if (e.kind != core::EventKind::Packet)
            continue;
        if (e.host == halfopen::core::Host::Peer)
            lastReceivedUs = e.tUs;
        else if (e.tUs > cutUs) {
            ++sentAfterCut;
            probes += e.what == QLatin1String("keepalive-probe");
            rst |= e.what == QLatin1String("rst");
        }
    }
    QVERIFY(lastReceivedUs);
    core::PredictionInput input;
    input.keepalive = {true, 7, 3, 4};
    const core::Prediction p = core::DetectionPredictor(input).predict(core::DeathKind::IdlePeerPoweredOff);
    const double detectedS = (last.tUs - *lastReceivedUs) / 1e6;
    qInfo("closed %.3f s after the last packet received (predicted %.1f s, %.3f .. %.3f); %d keepalive probes, %d "
          "segments sent after the cut",
          detectedS, *p.seconds(), p.minUs / 1e6, p.maxUs / 1e6, probes, sentAfterCut);
    // ± one timer step (the wheel's granule; and our 50 ms sampling of the kernel's tables).
    QVERIFY2(detectedS >= p.minUs / 1e6 - 0.01 && detectedS <= p.maxUs / 1e6 + 0.1,
             qPrintable(QString::number(detectedS)));
    // Four unanswered probes (at 7, 10, 13 and 16 s), then the kernel gives up and resets.
    QCOMPARE(probes, 4);
    QVERIFY(rst);
    QCOMPARE(sentAfterCut, 5);

    // tshark on the exported pcap sees the same segments. The capture began mid-connection, so
    // Wireshark cannot know the sequence number the probes repeat and calls the unanswered ones
    // duplicate ACKs; our classifier took it from the broker's answer to the first probe. The
    // count of probes and the reset agree.
    auto tsharkCount = [&](const QString &filter) {
        QProcess tshark;
        tshark.start(QStringLiteral("tshark"),
                     {QStringLiteral("-r"), pcap, QStringLiteral("-Y"), filter, QStringLiteral("-T"),
                      QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.number")});
        if (!tshark.waitForFinished(30000))
            return -1;
        int n = 0;
        for (const QByteArray &line : tshark.readAllStandardOutput().split('\n'))
            n += !line.trimmed().isEmpty();
        return n;
    };
    QCOMPARE(tsharkCount(QStringLiteral("tcp.analysis.keep_alive || tcp.analysis.duplicate_ack")), probes);
    QCOMPARE(tsharkCount(QStringLiteral("tcp.flags.reset == 1")), 1);
    QVERIFY(QFileInfo(record).size() > 0);
}

QTEST_GUILESS_MAIN(AuditMosquittoTest)
#include "tst_AuditMosquitto.moc"
