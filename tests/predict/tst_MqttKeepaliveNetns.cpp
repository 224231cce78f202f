// SPDX-License-Identifier: GPL-3.0-or-later
// The application-keepalive prediction against the real programs: Mosquitto (broker) in one
// namespace, mosquitto_sub -k 5 in the other; the link is cut both ways (neighbour entries
// pointed at a MAC nobody has), and mosquitto_sub must close its connection within the
// predicted window after the last packet it received (MQTT client: 2 × K). Then the other side:
// mosquitto_sub is frozen (SIGSTOP, its kernel still ACKs) and the broker must drop it within the
// broker rule's window after the client's last packet (MQTT 3.1.1 §3.1.2.10: 1.5 × K).

#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"
#include "core/predict/ApplicationKeepalive.h"
#include "core/tcp/TcpState.h"

#include "../support/NetnsPair.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace halfopen;
using namespace halfopen::core;

namespace {
constexpr int kKeepaliveS = 5;
constexpr quint16 kPort = 1883;

// The client's connection to the broker as sock_diag sees it in namespace a.
std::optional<SockDiagRow> brokerConnection(SockDiagClient &diag, std::optional<quint16> localPort = {})
{
    SockDiagFilter filter;
    filter.port = kPort;
    std::optional<SockDiagRow> found;
    diag.dump(filter, [&](const SockDiagRow &row) {
        if (row.remote.port() != kPort)
            return;
        if (localPort && row.local.port() != *localPort)
            return;
        if (!localPort && row.sample.state != TcpState::Established)
            return;
        found = row;
    });
    return found;
}

void stop(QProcess &p)
{
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
    }
}

// Mosquitto listening in namespace b and mosquitto_sub -k K connected to it from namespace a.
class MqttPair
{
public:
    ~MqttPair()
    {
        stop(client);
        stop(mosquitto);
    }

    // Empty when all is up; else why not (a skip reason starts with "skip:").
    QString start()
    {
        if (::geteuid() != 0)
            return QStringLiteral("skip:needs root: creates network namespaces (ip netns add)");
        const QString broker = QStandardPaths::findExecutable(
            QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        const QString sub = QStandardPaths::findExecutable(QStringLiteral("mosquitto_sub"));
        if (broker.isEmpty() || sub.isEmpty())
            return QStringLiteral(
                "skip:mosquitto and mosquitto_sub are not installed (Debian packages mosquitto, mosquitto-clients)");
        if (!pair.isReady() || !dir.isValid())
            return QStringLiteral("namespaces or temporary folder not ready");
        QFile conf(dir.filePath(QStringLiteral("mosquitto.conf")));
        if (!conf.open(QIODevice::WriteOnly))
            return conf.errorString();
        conf.write(QByteArray("listener ") + QByteArray::number(kPort) + ' ' + testing::NetnsPair::kAddressB
                   + "\nallow_anonymous true\npersistence false\n");
        conf.close();

        mosquitto.setProcessChannelMode(QProcess::MergedChannels);
        mosquitto.start(
            QStringLiteral("ip"),
            {QStringLiteral("netns"), QStringLiteral("exec"), pair.b(), broker, QStringLiteral("-c"), conf.fileName()});
        if (!mosquitto.waitForStarted())
            return QStringLiteral("mosquitto did not start");
        client.setProcessChannelMode(QProcess::MergedChannels);
        if (!diag.openInNamespace(QStringLiteral("/run/netns/") + pair.a()))
            return diag.errorString();
        if (!brokerDiag.openInNamespace(QStringLiteral("/run/netns/") + pair.b()))
            return brokerDiag.errorString();

        // The broker first listens; mosquitto_sub gives up at once on a refused connection.
        bool listening = false;
        QElapsedTimer starting;
        starting.start();
        while (!listening && starting.elapsed() < 10000 && mosquitto.state() != QProcess::NotRunning) {
            SockDiagFilter filter;
            filter.port = kPort;
            filter.states = 1u << 10; // TCP_LISTEN
            brokerDiag.dump(filter, [&](const SockDiagRow &) { listening = true; });
            if (!listening)
                QTest::qWait(50);
        }
        if (!listening)
            return QStringLiteral("mosquitto did not listen: ") + QString::fromLocal8Bit(mosquitto.readAll());

        std::optional<SockDiagRow> connection;
        QElapsedTimer waited;
        waited.start();
        while (!connection && waited.elapsed() < 15000) {
            if (client.state() == QProcess::NotRunning) {
                // ip netns exec execs mosquitto_sub in its own place: the process id is the client's.
                client.start(QStringLiteral("ip"),
                             {QStringLiteral("netns"), QStringLiteral("exec"), pair.a(), sub, QStringLiteral("-h"),
                              QString::fromLatin1(testing::NetnsPair::kAddressB), QStringLiteral("-p"),
                              QString::number(kPort), QStringLiteral("-k"), QString::number(kKeepaliveS),
                              QStringLiteral("-t"), QStringLiteral("halfopen/test"), QStringLiteral("-i"),
                              QStringLiteral("halfopen-keepalive-test")});
                if (!client.waitForStarted())
                    return QStringLiteral("mosquitto_sub did not start");
            }
            QTest::qWait(100);
            connection = brokerConnection(diag);
        }
        if (!connection)
            return QStringLiteral("mosquitto_sub never connected: %1 / %2")
                .arg(QString::fromLocal8Bit(client.readAll()), QString::fromLocal8Bit(mosquitto.readAll()));
        clientPort = connection->local.port();
        return {};
    }

    // The broker's end of the client's connection, as sock_diag sees it in namespace b.
    std::optional<SockDiagRow> brokerSide()
    {
        SockDiagFilter filter;
        filter.port = kPort;
        std::optional<SockDiagRow> found;
        brokerDiag.dump(filter, [&](const SockDiagRow &row) {
            if (row.local.port() == kPort && row.remote.port() == clientPort)
                found = row;
        });
        return found;
    }

    testing::NetnsPair pair;
    QTemporaryDir dir;
    QProcess mosquitto;
    QProcess client;
    SockDiagClient diag;       // namespace a: mosquitto_sub's side
    SockDiagClient brokerDiag; // namespace b: Mosquitto's side
    quint16 clientPort = 0;
};

// Watches one end of the connection with tcp_info until it leaves ESTABLISHED: the last packet
// received is "now − lastDataRecvMs" of the last sample still ESTABLISHED (data, not bare ACKs:
// what the application's keepalive counts), the end the first poll that finds it otherwise.
struct Ending
{
    std::optional<qint64> lastReceivedMs;
    std::optional<qint64> closedMs;
    std::optional<TcpState> stateAfter;
};

template<typename Lookup> Ending watchUntilClosed(Lookup lookup, qint64 forMs)
{
    Ending out;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < forMs) {
        const qint64 nowMs = clock.elapsed();
        const std::optional<SockDiagRow> row = lookup();
        if (!row || row->sample.state != TcpState::Established) {
            out.closedMs = nowMs;
            if (row)
                out.stateAfter = row->sample.state;
            break;
        }
        if (row->hasTcpInfo)
            out.lastReceivedMs = nowMs - qint64(row->sample.lastDataRecvMs);
        QTest::qWait(20);
    }
    return out;
}

// The measured gap against a rule's range, one poll interval of observation on either side.
QString checkAgainst(const Prediction &predicted, const Ending &ending, const char *who)
{
    if (!ending.closedMs)
        return QStringLiteral("%1 kept the connection for 4 × K").arg(QLatin1String(who));
    if (!ending.lastReceivedMs)
        return QStringLiteral("no tcp_info sample before the close");
    const qint64 measuredMs = *ending.closedMs - *ending.lastReceivedMs;
    const qint64 minMs = predicted.minUs / 1000 - 40;
    const qint64 maxMs = predicted.maxUs / 1000 + 40;
    qInfo("%s (keepalive %d s) closed %lld ms after the last packet it received; predicted %lld ms (%lld..%lld)", who,
          kKeepaliveS, measuredMs, *predicted.expectedUs / 1000, predicted.minUs / 1000, predicted.maxUs / 1000);
    if (measuredMs < minMs || measuredMs > maxMs)
        return QStringLiteral("%1 closed %2 ms after the last packet received, predicted %3..%4 ms")
            .arg(QLatin1String(who))
            .arg(measuredMs)
            .arg(minMs)
            .arg(maxMs);
    return {};
}

#define START_PAIR(mqtt)                                                                                               \
    do {                                                                                                               \
        const QString problem = (mqtt).start();                                                                        \
        if (problem.startsWith(QLatin1String("skip:")))                                                                \
            QSKIP(qPrintable(problem.mid(5)));                                                                         \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

} // namespace

class MqttKeepaliveNetnsTest : public QObject
{
    Q_OBJECT

private slots:
    void mosquittoSubClosesWithinPrediction();
    void brokerDropsASilentClientWithinPrediction();
};

void MqttKeepaliveNetnsTest::mosquittoSubClosesWithinPrediction()
{
    MqttPair mqtt;
    START_PAIR(mqtt);

    // Let CONNECT/SUBSCRIBE settle, then cut the link both ways: the broker's own keepalive
    // (1.5 × K) must not reach the client with a FIN either.
    QTest::qWait(1500);
    QVERIFY(mqtt.pair.unplug());
    QVERIFY(
        QProcess::execute(QStringLiteral("ip"),
                          {QStringLiteral("-n"), mqtt.pair.b(), QStringLiteral("neigh"), QStringLiteral("replace"),
                           QString::fromLatin1(testing::NetnsPair::kAddressA), QStringLiteral("lladdr"),
                           QStringLiteral("02:00:00:00:00:02"), QStringLiteral("dev"),
                           QStringLiteral("hob%1").arg(::getpid()), QStringLiteral("nud"), QStringLiteral("permanent")})
        == 0);

    const quint16 port = mqtt.clientPort;
    const Ending ending = watchUntilClosed([&] { return brokerConnection(mqtt.diag, port); }, 4 * kKeepaliveS * 1000);

    PredictionInput::Application app;
    app.protocol = PredictionInput::Application::Protocol::MqttClient;
    app.keepaliveS = kKeepaliveS;
    const std::optional<Prediction> predicted = ApplicationKeepalive::predict(app, DeathKind::IdlePeerPoweredOff);
    QVERIFY(predicted);
    QCOMPARE(predicted->reference, TimeReference::LastReceived);
    const QString problem = checkAgainst(*predicted, ending, "mosquitto_sub");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void MqttKeepaliveNetnsTest::brokerDropsASilentClientWithinPrediction()
{
    MqttPair mqtt;
    START_PAIR(mqtt);

    // The client falls silent with its kernel still answering (a frozen process: SIGSTOP). Its
    // kernel ACKs whatever the broker sends, but no PINGREQ comes: only the broker's keepalive
    // (1.5 × K after the client's last packet) can notice. The broker closes with a FIN, which
    // the frozen client's kernel acknowledges: the broker's end leaves ESTABLISHED for FIN_WAIT.
    QTest::qWait(1500);
    QVERIFY(mqtt.client.processId() > 0);
    QCOMPARE(::kill(pid_t(mqtt.client.processId()), SIGSTOP), 0);
    const Ending ending = watchUntilClosed([&] { return mqtt.brokerSide(); }, 4 * kKeepaliveS * 1000);
    ::kill(pid_t(mqtt.client.processId()), SIGCONT); // lets the kill at the end through at once

    PredictionInput::Application app;
    app.protocol = PredictionInput::Application::Protocol::MqttBroker;
    app.keepaliveS = kKeepaliveS;
    const std::optional<Prediction> predicted = ApplicationKeepalive::predict(app, DeathKind::PeerProcessFrozen);
    QVERIFY(predicted);
    QCOMPARE(predicted->reference, TimeReference::LastReceived);
    const QString problem = checkAgainst(*predicted, ending, "mosquitto (broker)");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Closed by the broker (a FIN the client's kernel acknowledged), not reset.
    QVERIFY2(ending.stateAfter
                 && (*ending.stateAfter == TcpState::FinWait1 || *ending.stateAfter == TcpState::FinWait2),
             ending.stateAfter ? qPrintable(tcpStateName(*ending.stateAfter)) : "gone");
}

QTEST_GUILESS_MAIN(MqttKeepaliveNetnsTest)
#include "tst_MqttKeepaliveNetns.moc"
