// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli fault` against real software in two network namespaces the test creates:
// Mosquitto's broker and mosquitto_sub, halfopen-cli's own client and server. Every fault runs
// INSIDE the test's namespace (ip netns exec), so its nftables table lives there; the root
// namespace's ruleset must be byte-identical before and after. Expected times are ranges
// derived from the settings (TCP-FACTS.md; mosquitto: 2 x keepalive after the last message).

#include "core/predict/VerdictFields.h"
#include "core/tcp/DetectionMechanism.h"
#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>

#include <algorithm>
#include <cerrno>
#include <csignal>

using namespace halfopen::core;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;

namespace {

QByteArray runOut(const QString &program, const QStringList &args, int *exitCode = nullptr, QByteArray *err = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    if (exitCode)
        *exitCode = p.exitCode();
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

QByteArray rootRuleset()
{
    return runOut(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")});
}

// A child process that dies with the test (PDEATHSIG), optionally in a namespace.
class Child
{
public:
    void start(const QStringList &command)
    {
        QStringList all = command;
        m_process.setProgram(all.takeFirst());
        m_process.setArguments(all);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start();
        m_process.waitForStarted(5000);
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGCONT);
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

// The JSON lines of a `fault` run.
QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

QJsonObject lineOfKind(const QList<QJsonObject> &lines, const QString &kind)
{
    for (const QJsonObject &o : lines) {
        if (o.value(QStringLiteral("kind")).toString() == kind)
            return o;
    }
    return {};
}

} // namespace

class RealConnectionFaultsNetnsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void mosquittoSubGivesUpAfterTwiceItsKeepalive();
    void keepaliveClientGivesUpAtIdlePlusProbes_data();
    void keepaliveClientGivesUpAtIdlePlusProbes();
    void dataInFlightRetransmitsOrProbes_data();
    void dataInFlightRetransmitsOrProbes();
    void abortGivesEconnaborted();
    void freezeIsCaughtByHeartbeatNotKeepalive();
    void replugAndSigkillLeaveNoTable();
    void sigkillDuringFreezeThaws();
    void withoutPrivilegeTheMessageNamesIt();

private:
    QStringList inA() const { return m_net->execIn(m_net->a()); }
    QStringList inB() const { return m_net->execIn(m_net->b()); }
    // Polls `ss` in namespace ns until `pid` holds an established connection to port.
    bool waitEstablished(const QString &ns, qint64 pid, int port, int timeoutMs = 5000);
    // halfopen-cli fault ... inside namespace ns; returns its JSON lines.
    QList<QJsonObject> fault(const QString &ns, const QStringList &args, int *exitCode = nullptr,
                             QByteArray *err = nullptr);
    int startServer(CliPeer *server, const QStringList &options = {});
    QString tablesIn(const QString &ns) const
    {
        return QString::fromUtf8(runOut(QStringLiteral("ip"), {"netns", "exec", ns, "nft", "list", "tables"}));
    }

    QByteArray m_rootRulesetBefore;
    std::unique_ptr<NetnsPair> m_net;
};

void RealConnectionFaultsNetnsTest::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("the namespaces and the faults need root; the unprivileged messages are checked as 'nobody' inside them");
    if (QStandardPaths::findExecutable(QStringLiteral("nft")).isEmpty())
        QSKIP("nft (Debian package nftables) is needed to check the tables");
    m_rootRulesetBefore = rootRuleset();
}

void RealConnectionFaultsNetnsTest::cleanupTestCase()
{
    if (::geteuid() != 0)
        return;
    // Nothing of ours in the host's own namespace, before or after.
    QCOMPARE(rootRuleset(), m_rootRulesetBefore);
}

void RealConnectionFaultsNetnsTest::init()
{
    m_net = std::make_unique<NetnsPair>();
    QVERIFY(m_net->isReady());
}

void RealConnectionFaultsNetnsTest::cleanup()
{
    if (m_net && m_net->isReady()) {
        QVERIFY2(!tablesIn(m_net->a()).contains(QLatin1String("halfopen")), qPrintable(tablesIn(m_net->a())));
        QVERIFY2(!tablesIn(m_net->b()).contains(QLatin1String("halfopen")), qPrintable(tablesIn(m_net->b())));
    }
    m_net.reset();
}

bool RealConnectionFaultsNetnsTest::waitEstablished(const QString &ns, qint64 pid, int port, int timeoutMs)
{
    const QString needle = QStringLiteral("pid=%1,").arg(pid);
    return QTest::qWaitFor(
        [&] {
            const QString out = QString::fromUtf8(
                runOut(QStringLiteral("ip"), {"netns", "exec", ns, "ss", "-tnpH", "state", "established"}));
            for (const QString &line : out.split(QLatin1Char('\n'))) {
                if (line.contains(needle) && line.contains(QStringLiteral(":%1 ").arg(port)))
                    return true;
            }
            return false;
        },
        timeoutMs);
}

QList<QJsonObject> RealConnectionFaultsNetnsTest::fault(const QString &ns, const QStringList &args, int *exitCode,
                                                        QByteArray *err)
{
    QStringList all = m_net->execIn(ns);
    all << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("fault") << args << QStringLiteral("--json");
    const QString program = all.takeFirst();
    const QByteArray out = runOut(program, all, exitCode, err);
    return jsonLines(out);
}

int RealConnectionFaultsNetnsTest::startServer(CliPeer *server, const QStringList &options)
{
    return server->startServer(QStringLiteral("%1:0").arg(QLatin1String(NetnsPair::kAddressB)), options);
}

void RealConnectionFaultsNetnsTest::mosquittoSubGivesUpAfterTwiceItsKeepalive()
{
    if (QStandardPaths::findExecutable(QStringLiteral("mosquitto")).isEmpty()
        && !QFile::exists(QStringLiteral("/usr/sbin/mosquitto")))
        QSKIP("mosquitto (Debian package mosquitto) is not installed");
    QTemporaryDir dir;
    QFile conf(dir.filePath(QStringLiteral("mosquitto.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("listener 1883 198.18.0.2\nallow_anonymous true\n");
    conf.close();
    const QString mosquitto = QFile::exists(QStringLiteral("/usr/sbin/mosquitto"))
        ? QStringLiteral("/usr/sbin/mosquitto")
        : QStringLiteral("mosquitto");
    Child broker;
    broker.start(inB() << mosquitto << QStringLiteral("-c") << conf.fileName());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return runOut(QStringLiteral("ip"), {"netns", "exec", m_net->b(), "ss", "-tlnH"})
                .contains("198.18.0.2:1883");
        },
        5000));
    Child sub;
    sub.start(inA() << QStringLiteral("mosquitto_sub") << QStringLiteral("-h") << QLatin1String(NetnsPair::kAddressB)
                    << QStringLiteral("-k") << QStringLiteral("5") << QStringLiteral("-t")
                    << QStringLiteral("halfopen/test"));
    QVERIFY(waitEstablished(m_net->a(), sub.pid(), 1883));

    // The broker holds one connection per client: --pid of a process with two is refused and
    // both are listed.
    Child second;
    second.start(inA() << QStringLiteral("mosquitto_sub") << QStringLiteral("-h") << QLatin1String(NetnsPair::kAddressB)
                       << QStringLiteral("-t") << QStringLiteral("halfopen/other"));
    QVERIFY(waitEstablished(m_net->a(), second.pid(), 1883));
    int status = 0;
    QByteArray err;
    fault(m_net->b(), {QStringLiteral("cut"), QStringLiteral("--pid"), QString::number(broker.pid())}, &status, &err);
    QCOMPARE(status, 2);
    QVERIFY2(err.contains("holds 2 established TCP connections") && err.count("198.18.0.2:1883 198.18.0.1:") == 2,
             err.constData());
    second.process().kill();

    // mosquitto_sub -k 5 sends PINGREQ once 5 s pass without a message and gives up when the
    // next 5 s pass without PINGRESP: 2 x 5 s after the last message it received (its loop
    // checks once a second). It then connects again on a new port, which the cut does not hold.
    const QList<QJsonObject> lines
        = fault(m_net->a(),
                {QStringLiteral("cut"), QStringLiteral("--pid"), QString::number(sub.pid()), QStringLiteral("--for"),
                 QStringLiteral("30"), QStringLiteral("--until"), QStringLiteral("reconnected")},
                &status, &err);
    QCOMPARE(status, 0);
    const QJsonObject applied = lineOfKind(lines, QStringLiteral("fault"));
    const QJsonObject verdict = lineOfKind(lines, QStringLiteral("verdict"));
    QVERIFY2(!verdict.isEmpty(), err.constData());
    const double lastReceived = applied.value(QStringLiteral("last_received_ms")).toDouble() / 1000.0;
    const double closed = verdict.value(QStringLiteral("app_closed_s")).toDouble(-1);
    QVERIFY2(closed >= 0, qPrintable(QJsonDocument(verdict).toJson()));
    const double sinceLastMessage = closed + lastReceived;
    QVERIFY2(sinceLastMessage >= 9.0 && sinceLastMessage <= 11.6, qPrintable(QString::number(sinceLastMessage)));
    // The application gave up first: its PINGREQ was still being retransmitted.
    QVERIFY(verdict.value(QStringLiteral("kernel_gave_up_s")).isNull());
    const double reconnected = verdict.value(QStringLiteral("app_reconnected_s")).toDouble(-1);
    QVERIFY2(reconnected >= closed && reconnected - closed <= 3.0, qPrintable(QJsonDocument(verdict).toJson()));
    const QString reconnectedLocal = verdict.value(QStringLiteral("reconnected_local")).toString();
    QVERIFY(!reconnectedLocal.isEmpty());
    QCOMPARE(verdict.value(QStringLiteral("half_open_at_end")).toBool(), false);
    QVERIFY(verdict.value(QStringLiteral("lifted_s")).toDouble() >= reconnected);

    // After the replug (the run ended with --until reconnected) the subscriber is whole again:
    // the cut 4-tuple is gone, the new connection is the one it holds, and a message published
    // at the broker reaches it through that connection.
    const QString cutLocal
        = applied.value(QStringLiteral("target")).toObject().value(QStringLiteral("local")).toString();
    QVERIFY(!cutLocal.isEmpty() && cutLocal != reconnectedLocal);
    const QString established = QString::fromUtf8(
        runOut(QStringLiteral("ip"), {"netns", "exec", m_net->a(), "ss", "-tnpH", "state", "established"}));
    QVERIFY2(!established.contains(cutLocal + QLatin1Char(' '))
                 && established.contains(reconnectedLocal + QLatin1Char(' ')),
             qPrintable(established));
    QVERIFY(!tablesIn(m_net->a()).contains(QLatin1String("halfopen")));
    sub.process().readAllStandardOutput();
    int published = -1;
    runOut(QStringLiteral("ip"),
           inB().mid(1) << QStringLiteral("mosquitto_pub") << QStringLiteral("-h")
                        << QLatin1String(NetnsPair::kAddressB) << QStringLiteral("-t")
                        << QStringLiteral("halfopen/test") << QStringLiteral("-m") << QStringLiteral("after-replug"),
           &published);
    QCOMPARE(published, 0);
    QByteArray received;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     received += sub.process().readAllStandardOutput();
                     return received.contains("after-replug");
                 },
                 5000),
             received.constData());
}

void RealConnectionFaultsNetnsTest::keepaliveClientGivesUpAtIdlePlusProbes_data()
{
    QTest::addColumn<QString>("direction");
    // Only what the client receives is dropped: its probes go out, the answers never arrive.
    QTest::newRow("in") << QStringLiteral("in");
    // Its probes vanish too (silently with nft_queue; else the output hook's EPERM, which the
    // keepalive timer counts as an unanswered probe all the same).
    QTest::newRow("both") << QStringLiteral("both");
    QTest::newRow("out") << QStringLiteral("out");
}

void RealConnectionFaultsNetnsTest::keepaliveClientGivesUpAtIdlePlusProbes()
{
    QFETCH(QString, direction);
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start({QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port),
                  QStringLiteral("--keepalive"), QStringLiteral("2,1,3")});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));

    int status = 0;
    QByteArray err;
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("fault.jsonl"));
    const QList<QJsonObject> lines
        = fault(m_net->a(),
                {QStringLiteral("cut"), QStringLiteral("--pid"), QString::number(client.pid()),
                 QStringLiteral("--direction"), direction, QStringLiteral("--record"), recording,
                 QStringLiteral("--for"), QStringLiteral("20"), QStringLiteral("--until"), QStringLiteral("closed")},
                &status, &err);
    QCOMPARE(status, 0);
    const QJsonObject applied = lineOfKind(lines, QStringLiteral("fault"));
    const QJsonObject verdict = lineOfKind(lines, QStringLiteral("verdict"));
    QCOMPARE(applied.value(QStringLiteral("direction")).toString(), direction);
    // The options were read from the client's socket, not guessed.
    QCOMPARE(applied.value(QStringLiteral("options")).toObject().value(QStringLiteral("keepalive_idle_s")).toInt(), 2);
    // idle 2 s + 3 probes x 1 s = 5 s after the last packet received.
    const double lastReceived = applied.value(QStringLiteral("last_received_ms")).toDouble() / 1000.0;
    const double gaveUp = verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble(-1);
    QVERIFY2(gaveUp >= 0, qPrintable(QJsonDocument(verdict).toJson()));
    QVERIFY2(gaveUp + lastReceived >= 4.5 && gaveUp + lastReceived <= 6.5,
             qPrintable(QString::number(gaveUp + lastReceived)));
    QCOMPARE(verdict.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
    QCOMPARE(verdict.value(QStringLiteral("predicted_mechanism")).toString(), QStringLiteral("keepalive"));
    const double predicted = verdict.value(QStringLiteral("predicted_s")).toDouble(-1);
    QVERIFY2(std::abs(predicted - gaveUp) <= 0.7,
             qPrintable(QStringLiteral("predicted %1 measured %2").arg(predicted).arg(gaveUp)));
    // The client noticed the same way: ETIMEDOUT by keepalive, and closed.
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Error) != nullptr; }, 3000));
    QCOMPARE(client.find(EventKind::Error)->errnoValue, ETIMEDOUT);
    QCOMPARE(client.find(EventKind::Error)->mechanism, DetectionMechanism::Keepalive);
    const double closed = verdict.value(QStringLiteral("app_closed_s")).toDouble(-1);
    QVERIFY2(closed >= gaveUp && closed - gaveUp < 1.0, qPrintable(QJsonDocument(verdict).toJson()));

    // The recording holds the same story as events: the cut, the reactions, the replug, the verdict.
    QFile file(recording);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList whats;
    const Event *reaction = nullptr;
    QList<Event> events;
    for (const QByteArray &line : file.readAll().split('\n')) {
        // The recording's own first and last lines are not events (RecordingMarks).
        if (line.isEmpty() || line.contains("\"recording\":"))
            continue;
        const auto e = Event::fromJson(QJsonDocument::fromJson(line).object());
        QVERIFY2(e, line.constData());
        events.append(*e);
    }
    for (const Event &e : events) {
        whats << e.what;
        if (e.kind == EventKind::Verdict)
            reaction = &e;
    }
    QVERIFY2(whats.contains(QLatin1String("cut")) && whats.contains(QLatin1String("kernel_gave_up"))
                 && whats.contains(QLatin1String("replug")),
             qPrintable(whats.join(QLatin1Char(','))));
    QVERIFY(reaction);
    QCOMPARE(reaction->mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(reaction->detail.value(QStringLiteral("kernel_gave_up_s")).toDouble(),
             verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble());
    // As the lab's verdicts: the span from the cut to the kernel giving up, stamped there.
    const VerdictFields span = VerdictFields::of(*reaction);
    QCOMPARE(span.faultTS, std::optional(0.0));
    QCOMPARE(span.detectedTS, std::optional(verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble()));
    QCOMPARE(span.elapsedS, span.detectedTS);
    const auto cut = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
        return e.kind == EventKind::Fault && e.what == QLatin1String("cut");
    });
    QVERIFY(cut != events.cend());
    QCOMPARE(reaction->tUs - cut->tUs, qRound64(*span.detectedTS * 1e6));
}

void RealConnectionFaultsNetnsTest::dataInFlightRetransmitsOrProbes_data()
{
    QTest::addColumn<QString>("direction");
    // Dropping only what arrives is a pulled cable for this side: its sends leave, no ACK
    // comes back, the retransmission timer runs out tcp_retries2.
    QTest::newRow("in") << QStringLiteral("in");
    // What this machine sends goes to an nfqueue nobody is bound to: freed and reported stolen,
    // so the sender's TCP sees success and retransmits exactly as with a pulled cable. Where the
    // kernel has no nft_queue (the fault line's outgoing_drop says "drop"), the output hook
    // answers EPERM instead: the data stays unsent under the probe timer, which gives up after
    // tcp_retries2 probes (local_drop_probes).
    QTest::newRow("both") << QStringLiteral("both");
    QTest::newRow("out") << QStringLiteral("out");
}

void RealConnectionFaultsNetnsTest::dataInFlightRetransmitsOrProbes()
{
    QFETCH(QString, direction);
    QVERIFY(m_net->sysctl(m_net->a(), QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("3")));
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start({QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port),
                  QStringLiteral("--traffic"), QStringLiteral("periodic:200:100")});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));
    // A few acknowledged sends, so the RTT has settled: waited on the kernel's own count.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QString out = QString::fromUtf8(runOut(
                QStringLiteral("ip"), {"netns", "exec", m_net->a(), "ss", "-tniH", "dst", NetnsPair::kAddressB}));
            const int at = out.indexOf(QLatin1String("segs_out:"));
            return at >= 0 && out.mid(at + 9).section(QLatin1Char(' '), 0, 0).toInt() >= 5;
        },
        5000));

    int status = 0;
    QByteArray err;
    const QList<QJsonObject> lines = fault(
        m_net->a(),
        {QStringLiteral("cut"), QStringLiteral("--pid"), QString::number(client.pid()), QStringLiteral("--direction"),
         direction, QStringLiteral("--for"), QStringLiteral("20"), QStringLiteral("--until"), QStringLiteral("closed")},
        &status, &err);
    QCOMPARE(status, 0);
    const QJsonObject applied = lineOfKind(lines, QStringLiteral("fault"));
    const QJsonObject verdict = lineOfKind(lines, QStringLiteral("verdict"));
    const QString outgoing = applied.value(QStringLiteral("outgoing_drop")).toString();
    const bool silent = direction == QLatin1String("in") || outgoing != QLatin1String("drop");
    if (direction != QLatin1String("in")) {
        QVERIFY2(outgoing == QStringLiteral("queue %1").arg(61470)
                     || outgoing == QStringLiteral("xt-queue %1").arg(61470) || outgoing == QLatin1String("drop"),
                 qPrintable(QJsonDocument(applied).toJson()));
        qInfo("what the client sends is dropped by: %s", qPrintable(outgoing));
        // The queue is HalfOpen's own while the cut lasts (where nfnetlink_queue is loaded).
        if (silent && QFile::exists(QStringLiteral("/proc/net/netfilter/nfnetlink_queue")))
            QCOMPARE(applied.value(QStringLiteral("outgoing_queue_held")).toBool(), true);
    }
    const double gaveUp = verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble(-1);
    if (silent) {
        QCOMPARE(verdict.value(QStringLiteral("mechanism")).toString(), QStringLiteral("retransmission_timeout"));
        // tcp_retries2 3: 6.53 s after the first unacknowledged send (predictor), which comes
        // within one 200 ms period after the cut.
        const double predicted = verdict.value(QStringLiteral("predicted_once_sending_s")).toDouble(-1);
        QVERIFY2(predicted > 6.0 && predicted < 7.0, qPrintable(QJsonDocument(verdict).toJson()));
        QVERIFY2(gaveUp >= predicted - 0.1 && gaveUp <= predicted + 1.0, qPrintable(QJsonDocument(verdict).toJson()));
    } else {
        QCOMPARE(verdict.value(QStringLiteral("mechanism")).toString(), QStringLiteral("local_drop_probes"));
        QVERIFY2(gaveUp > 0 && gaveUp < 15, qPrintable(QJsonDocument(verdict).toJson()));
    }
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Error) != nullptr; }, 3000));
    QCOMPARE(client.find(EventKind::Error)->errnoValue, ETIMEDOUT);
}

void RealConnectionFaultsNetnsTest::abortGivesEconnaborted()
{
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start(
        {QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port)});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));

    int status = 0;
    QByteArray err;
    // --at: the timed step of a watch; the abort comes 0.5 s after the command starts.
    QElapsedTimer started;
    started.start();
    const QList<QJsonObject> lines
        = fault(m_net->a(),
                {QStringLiteral("abort"), QStringLiteral("--pid"), QString::number(client.pid()),
                 QStringLiteral("--at"), QStringLiteral("0.5"), QStringLiteral("--watch"), QStringLiteral("5"),
                 QStringLiteral("--until"), QStringLiteral("closed")},
                &status, &err);
    QCOMPARE(status, 0);
    QVERIFY(started.elapsed() >= 500);
    const QJsonObject verdict = lineOfKind(lines, QStringLiteral("verdict"));
    QCOMPARE(verdict.value(QStringLiteral("mechanism")).toString(), QStringLiteral("abort"));
    QVERIFY2(verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble(-1) >= 0
                 && verdict.value(QStringLiteral("kernel_gave_up_s")).toDouble() < 0.5,
             qPrintable(QJsonDocument(verdict).toJson()));
    // The application got ECONNABORTED, the peer an RST.
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Error) != nullptr; }, 3000));
    QCOMPARE(client.find(EventKind::Error)->errnoValue, ECONNABORTED);
    QVERIFY(QTest::qWaitFor([&] { return server.find(EventKind::Error) != nullptr; }, 3000));
    QCOMPARE(server.find(EventKind::Error)->errnoValue, ECONNRESET);
}

void RealConnectionFaultsNetnsTest::freezeIsCaughtByHeartbeatNotKeepalive()
{
    CliPeer server(inB());
    const int port = startServer(&server, {QStringLiteral("--heartbeat"), QStringLiteral("1000,3")});
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start({QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port),
                  QStringLiteral("--keepalive"), QStringLiteral("2,1,3"), QStringLiteral("--heartbeat"),
                  QStringLiteral("1000,3")});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));
    QTest::qWait(1500); // a few heartbeats answered: the connection is healthy before the freeze

    int status = 0;
    QByteArray err;
    const QList<QJsonObject> lines
        = fault(m_net->b(),
                {QStringLiteral("freeze"), QStringLiteral("--pid"), QString::number(server.pid()),
                 QStringLiteral("--for"), QStringLiteral("10"), QStringLiteral("--watch"), QStringLiteral("7")},
                &status, &err);
    QCOMPARE(status, 0);
    // The frozen server's kernel still answered keepalive; only the heartbeat noticed: 3 missed
    // answers of a 1 s heartbeat, 3 to 4 s after the freeze.
    QVERIFY2(QTest::qWaitFor([&] { return client.find(EventKind::Error) != nullptr; }, 3000), err.constData());
    const Event *death = client.find(EventKind::Error);
    QCOMPARE(death->mechanism, DetectionMechanism::Heartbeat);
    const QJsonObject verdict = lineOfKind(lines, QStringLiteral("verdict"));
    const double peerClosed = verdict.value(QStringLiteral("peer_closed_s")).toDouble(-1);
    QVERIFY2(peerClosed >= 2.5 && peerClosed <= 5.0, qPrintable(QJsonDocument(verdict).toJson()));
    QVERIFY(verdict.value(QStringLiteral("kernel_gave_up_s")).isNull());
    // The run ended with the process thawed.
    QVERIFY(verdict.value(QStringLiteral("lifted_s")).toDouble(-1) >= 6.5);
    QVERIFY(QTest::qWaitFor(
        [&] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(server.pid()));
            return stat.open(QIODevice::ReadOnly) && !stat.readAll().contains(") T ");
        },
        2000));
}

void RealConnectionFaultsNetnsTest::replugAndSigkillLeaveNoTable()
{
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start(
        {QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port)});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));

    // replug from another process lifts the cut of a running `fault cut`, which then reports.
    CliPeer cutter(inA());
    cutter.start({QStringLiteral("fault"), QStringLiteral("cut"), QStringLiteral("--pid"),
                  QString::number(client.pid()), QStringLiteral("--for"), QStringLiteral("30")});
    QVERIFY(QTest::qWaitFor(
        [&] { return tablesIn(m_net->a()).contains(QStringLiteral("halfopen_%1").arg(cutter.pid())); }, 5000));
    int status = 0;
    // A replug for another connection is refused by the holder and changes nothing.
    const QByteArray refused
        = runOut(QStringLiteral("ip"),
                 inA().mid(1) << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("fault") << QStringLiteral("replug")
                              << QStringLiteral("198.18.0.1:1") << QStringLiteral("198.18.0.2:2"),
                 &status);
    QCOMPARE(status, 3);
    QVERIFY2(refused.contains("error not cut here"), refused.constData());
    QVERIFY(tablesIn(m_net->a()).contains(QStringLiteral("halfopen_%1").arg(cutter.pid())));
    // The connection named by its process, as the user would.
    const QByteArray answer
        = runOut(QStringLiteral("ip"),
                 inA().mid(1) << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("fault") << QStringLiteral("replug")
                              << QStringLiteral("--pid") << QString::number(client.pid()),
                 &status);
    QCOMPARE(status, 0);
    QVERIFY2(answer.contains(": ok replugged"), answer.constData());
    QVERIFY(cutter.process().waitForFinished(5000));
    QCOMPARE(cutter.process().exitCode(), 0);
    QVERIFY(!tablesIn(m_net->a()).contains(QLatin1String("halfopen")));

    // SIGTERM (and Ctrl+C) lift the cut and still print the verdict.
    Child terminated;
    terminated.start(inA() << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("fault") << QStringLiteral("cut")
                           << QStringLiteral("--pid") << QString::number(client.pid()) << QStringLiteral("--json"));
    QVERIFY(QTest::qWaitFor(
        [&] { return tablesIn(m_net->a()).contains(QStringLiteral("halfopen_%1").arg(terminated.pid())); }, 5000));
    ::kill(pid_t(terminated.pid()), SIGTERM);
    QVERIFY(terminated.process().waitForFinished(5000));
    QCOMPARE(terminated.process().exitCode(), 0);
    const QJsonObject stopped
        = lineOfKind(jsonLines(terminated.process().readAllStandardOutput()), QStringLiteral("verdict"));
    QVERIFY(stopped.value(QStringLiteral("lifted_s")).isDouble());
    QVERIFY(!tablesIn(m_net->a()).contains(QLatin1String("halfopen")));

    // SIGKILL while a cut is held: the kernel deletes the owner table with the netlink socket.
    CliPeer killed(inA());
    killed.start({QStringLiteral("fault"), QStringLiteral("cut"), QStringLiteral("--pid"),
                  QString::number(client.pid()), QStringLiteral("--for"), QStringLiteral("30")});
    QVERIFY(QTest::qWaitFor(
        [&] { return tablesIn(m_net->a()).contains(QStringLiteral("halfopen_%1").arg(killed.pid())); }, 5000));
    killed.signal(SIGKILL);
    QVERIFY(killed.process().waitForFinished(3000));
    QTRY_VERIFY_WITH_TIMEOUT(!tablesIn(m_net->a()).contains(QLatin1String("halfopen")), 3000);
    // And the connection works again: the client is still connected and not dead.
    QVERIFY(client.find(EventKind::Error) == nullptr);
}

void RealConnectionFaultsNetnsTest::sigkillDuringFreezeThaws()
{
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start(
        {QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port)});
    QVERIFY(QTest::qWaitFor([&] { return client.find(EventKind::Endpoint, QStringLiteral("connected")) != nullptr; },
                            5000));
    auto stopped = [&] {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(server.pid()));
        return stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") T ");
    };
    CliPeer freezer(inB());
    freezer.start({QStringLiteral("fault"), QStringLiteral("freeze"), QStringLiteral("--pid"),
                   QString::number(server.pid()), QStringLiteral("--for"), QStringLiteral("30")});
    QVERIFY(QTest::qWaitFor(stopped, 5000));
    // The guard process sends SIGCONT when the freezer dies, however it dies.
    freezer.signal(SIGKILL);
    QVERIFY(freezer.process().waitForFinished(3000));
    QVERIFY(QTest::qWaitFor([&] { return !stopped(); }, 3000));
}

void RealConnectionFaultsNetnsTest::withoutPrivilegeTheMessageNamesIt()
{
    CliPeer server(inB());
    const int port = startServer(&server);
    QVERIFY(port > 0);
    CliPeer client(inA());
    client.start(
        {QStringLiteral("connect"), QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port)});
    const Event *connected = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (connected = client.find(EventKind::Endpoint, QStringLiteral("connected"))) != nullptr; }, 5000));
    const QString local = connected->local;
    const QString remote = connected->remote;
    QVERIFY(!local.isEmpty() && !remote.isEmpty());

    auto asNobody = [&](const QStringList &args, QByteArray *err) {
        int status = 0;
        QStringList all = inA().mid(1);
        all << QStringLiteral("setpriv") << QStringLiteral("--reuid=65534") << QStringLiteral("--regid=65534")
            << QStringLiteral("--clear-groups") << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("fault") << args;
        runOut(QStringLiteral("ip"), all, &status, err);
        return status;
    };
    QByteArray err;
    QCOMPARE(asNobody({QStringLiteral("cut"), local, remote}, &err), 3);
    QVERIFY2(err.contains("EPERM") && err.contains("CAP_NET_ADMIN") && err.contains("nftables"), err.constData());
    QCOMPARE(asNobody({QStringLiteral("abort"), local, remote}, &err), 3);
    QVERIFY2(err.contains("EPERM") && err.contains("CAP_NET_ADMIN") && err.contains("SOCK_DESTROY"), err.constData());
    QCOMPARE(asNobody({QStringLiteral("freeze"), QStringLiteral("--pid"), QString::number(client.pid())}, &err), 3);
    QVERIFY2(err.contains("EPERM") && err.contains("CAP_KILL"), err.constData());
    // Nothing happened to the connection.
    QVERIFY(client.find(EventKind::Error) == nullptr);
}

QTEST_GUILESS_MAIN(RealConnectionFaultsNetnsTest)
#include "tst_RealConnectionFaultsNetns.moc"
