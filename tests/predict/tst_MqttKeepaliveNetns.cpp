// SPDX-License-Identifier: GPL-3.0-or-later
// The application-keepalive prediction against the real programs: Mosquitto (broker) in one
// namespace, mosquitto_sub -k 5 in the other; the link is cut both ways (neighbour entries
// pointed at a MAC nobody has), and mosquitto_sub must close its connection within the
// predicted window after the last packet it received (MQTT client: 2 × K).

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
} // namespace

class MqttKeepaliveNetnsTest : public QObject
{
    Q_OBJECT

private slots:
    void mosquittoSubClosesWithinPrediction();
};

void MqttKeepaliveNetnsTest::mosquittoSubClosesWithinPrediction()
{
    if (::geteuid() != 0)
        QSKIP("needs root: creates network namespaces (ip netns add)");
    const QString broker = QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    const QString sub = QStandardPaths::findExecutable(QStringLiteral("mosquitto_sub"));
    if (broker.isEmpty() || sub.isEmpty())
        QSKIP("mosquitto and mosquitto_sub are not installed (Debian packages mosquitto, mosquitto-clients)");

    testing::NetnsPair pair;
    QVERIFY(pair.isReady());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile conf(dir.filePath(QStringLiteral("mosquitto.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QByteArray("listener ") + QByteArray::number(kPort) + ' ' + testing::NetnsPair::kAddressB
               + "\nallow_anonymous true\npersistence false\n");
    conf.close();

    QProcess mosquitto;
    mosquitto.setProcessChannelMode(QProcess::MergedChannels);
    mosquitto.start(
        QStringLiteral("ip"),
        {QStringLiteral("netns"), QStringLiteral("exec"), pair.b(), broker, QStringLiteral("-c"), conf.fileName()});
    QVERIFY(mosquitto.waitForStarted());
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    auto cleanup = qScopeGuard([&] {
        stop(client);
        stop(mosquitto);
    });

    SockDiagClient diag;
    QVERIFY2(diag.openInNamespace(QStringLiteral("/run/netns/") + pair.a()), qPrintable(diag.errorString()));
    SockDiagClient brokerDiag;
    QVERIFY2(brokerDiag.openInNamespace(QStringLiteral("/run/netns/") + pair.b()),
             qPrintable(brokerDiag.errorString()));

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
    QVERIFY2(listening,
             qPrintable(QStringLiteral("mosquitto did not listen: ") + QString::fromLocal8Bit(mosquitto.readAll())));

    std::optional<SockDiagRow> connection;
    QElapsedTimer waited;
    waited.start();
    while (!connection && waited.elapsed() < 15000) {
        if (client.state() == QProcess::NotRunning) {
            client.start(QStringLiteral("ip"),
                         {QStringLiteral("netns"), QStringLiteral("exec"), pair.a(), sub, QStringLiteral("-h"),
                          QString::fromLatin1(testing::NetnsPair::kAddressB), QStringLiteral("-p"),
                          QString::number(kPort), QStringLiteral("-k"), QString::number(kKeepaliveS),
                          QStringLiteral("-t"), QStringLiteral("halfopen/test"), QStringLiteral("-i"),
                          QStringLiteral("halfopen-keepalive-test")});
            QVERIFY(client.waitForStarted());
        }
        QTest::qWait(100);
        connection = brokerConnection(diag);
    }
    QVERIFY2(
        connection,
        qPrintable(QStringLiteral("mosquitto_sub never connected: %1 / %2")
                       .arg(QString::fromLocal8Bit(client.readAll()), QString::fromLocal8Bit(mosquitto.readAll()))));
    const quint16 localPort = connection->local.port();

    // Let CONNECT/SUBSCRIBE settle, then cut the link both ways: the broker's own keepalive
    // (1.5 × K) must not reach the client with a FIN either.
    QTest::qWait(1500);
    QVERIFY(pair.unplug());
    QVERIFY(
        QProcess::execute(QStringLiteral("ip"),
                          {QStringLiteral("-n"), pair.b(), QStringLiteral("neigh"), QStringLiteral("replace"),
                           QString::fromLatin1(testing::NetnsPair::kAddressA), QStringLiteral("lladdr"),
                           QStringLiteral("02:00:00:00:00:02"), QStringLiteral("dev"),
                           QStringLiteral("hob%1").arg(::getpid()), QStringLiteral("nud"), QStringLiteral("permanent")})
        == 0);
    QElapsedTimer clock;
    clock.start();

    // Poll tcp_info: the last packet received is "now − lastDataRecvMs" of the last sample
    // while the socket is still ESTABLISHED; the close is the first sample that is not.
    std::optional<qint64> lastReceivedMs;
    std::optional<qint64> closedMs;
    while (clock.elapsed() < 4 * kKeepaliveS * 1000) {
        const qint64 nowMs = clock.elapsed();
        const std::optional<SockDiagRow> row = brokerConnection(diag, localPort);
        if (!row || row->sample.state != TcpState::Established) {
            closedMs = nowMs;
            break;
        }
        if (row->hasTcpInfo)
            lastReceivedMs = nowMs - qint64(row->sample.lastDataRecvMs);
        QTest::qWait(20);
    }
    QVERIFY2(closedMs, "mosquitto_sub kept its connection for 4 × K after the cut");
    QVERIFY(lastReceivedMs);

    PredictionInput::Application app;
    app.protocol = PredictionInput::Application::Protocol::MqttClient;
    app.keepaliveS = kKeepaliveS;
    const std::optional<Prediction> predicted = ApplicationKeepalive::predict(app, DeathKind::IdlePeerPoweredOff);
    QVERIFY(predicted);
    QCOMPARE(predicted->reference, TimeReference::LastReceived);
    const qint64 measuredMs = *closedMs - *lastReceivedMs;
    // One poll interval of observation on top of the predicted range.
    const qint64 minMs = predicted->minUs / 1000 - 40;
    const qint64 maxMs = predicted->maxUs / 1000 + 40;
    qInfo("mosquitto_sub -k %d closed %lld ms after the last packet received; predicted %lld ms (%lld..%lld)",
          kKeepaliveS, measuredMs, *predicted->expectedUs / 1000, predicted->minUs / 1000, predicted->maxUs / 1000);
    QVERIFY2(measuredMs >= minMs && measuredMs <= maxMs,
             qPrintable(QStringLiteral("closed %1 ms after the last packet received, predicted %2..%3 ms")
                            .arg(measuredMs)
                            .arg(minMs)
                            .arg(maxMs)));
}

QTEST_GUILESS_MAIN(MqttKeepaliveNetnsTest)
#include "tst_MqttKeepaliveNetns.moc"
