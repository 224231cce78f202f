// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli connect` without a capture reports a death from every reference it has: a
// `marker` line on stdin (a script's cut), the last packet received, and the first
// unacknowledged send from the socket's own tcp_info; the last must agree with the predictor and
// comes first, with the prediction, as the window's headline counts from the prediction's reference.
// serve runs in namespace b, connect in a; after the marker a's frames to b vanish. Root only.

#include "core/predict/DetectionPredictor.h"
#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"

#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <unistd.h>

using namespace halfopen;
using halfopen::testing::CliPeer;
using halfopen::testing::NetnsPair;

class ConnectReferencesNetnsTest : public QObject
{
    Q_OBJECT
private slots:
    void userTimeoutFromEveryReference();
};

void ConnectReferencesNetnsTest::userTimeoutFromEveryReference()
{
    if (::geteuid() != 0)
        QSKIP("creating network namespaces with ip netns needs root");
    NetnsPair net;
    QVERIFY(net.isReady());
    CliPeer peer(net.execIn(net.b()));
    const int port = peer.startServer(QStringLiteral("%1:0").arg(QLatin1String(NetnsPair::kAddressB)));
    QVERIFY(port > 0);

    QProcess client;
    client.start(QStringLiteral("ip"),
                 net.execIn(net.a()).mid(1)
                     + QStringList{QStringLiteral(HALFOPEN_CLI), QStringLiteral("connect"),
                                   QStringLiteral("%1:%2").arg(QLatin1String(NetnsPair::kAddressB)).arg(port),
                                   QStringLiteral("--user-timeout"), QStringLiteral("3000"),
                                   QStringLiteral("--traffic"), QStringLiteral("periodic:200:100")});
    QVERIFY(client.waitForStarted());
    auto stop = qScopeGuard([&] {
        if (client.state() != QProcess::NotRunning) {
            client.kill();
            client.waitForFinished(3000);
        }
    });
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += client.readAllStandardOutput()).contains("connected") || client.state() == QProcess::NotRunning, 5000);
    QVERIFY2(client.state() == QProcess::Running, out.constData());
    QTest::qWait(500);
    client.write("marker\n");
    QVERIFY(net.unplug());
    QVERIFY(client.waitForFinished(15000));
    QCOMPARE(client.exitCode(), 1);
    const QString err = QString::fromUtf8(client.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("ETIMEDOUT")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("after your marker")), qPrintable(err));
    // The headline counts from the prediction's reference (user timeout with data in flight:
    // the first unacknowledged send) with the prediction; the other references follow.
    const QRegularExpressionMatch m
        = QRegularExpression(
              QStringLiteral("during [a-z]+, ([0-9.]+) s after the first unacknowledged send \\(predicted "
                             "([0-9.]+) s, ([0-9.]+) to ([0-9.]+) s\\); [0-9.]+ s after the last packet "
                             "received, [0-9.]+ s after your marker"))
              .match(err);
    QVERIFY2(m.hasMatch(), qPrintable(err));
    qInfo("%s", qPrintable(err.trimmed()));
    const double measured = m.captured(1).toDouble();

    core::PredictionInput input;
    input.userTimeoutMs = 3000;
    const core::Prediction p
        = core::DetectionPredictor(input).retransmissions(core::DeathKind::PeerUnpluggedDataInFlight);
    // The sampler sees the first unacknowledged send at its 50 ms tick: allow one tick.
    QVERIFY2(measured >= p.minUs / 1e6 - 0.06 && measured <= p.maxUs / 1e6 + 0.06,
             qPrintable(QStringLiteral("%1 s, predicted %2..%3 s: %4")
                            .arg(measured)
                            .arg(p.minUs / 1e6)
                            .arg(p.maxUs / 1e6)
                            .arg(err)));
    // The prediction printed is the predictor's.
    QCOMPARE(m.captured(3).toDouble(), qRound(p.minUs / 1e4) / 100.0);
    QCOMPARE(m.captured(4).toDouble(), qRound(p.maxUs / 1e4) / 100.0);
}

QTEST_GUILESS_MAIN(ConnectReferencesNetnsTest)
#include "tst_ConnectReferencesNetns.moc"
