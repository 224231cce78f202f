// SPDX-License-Identifier: GPL-3.0-or-later
// The halfopen executable's command line, run as a user runs it (offscreen): with real-network
// mode and a real peer remembered in the settings, `--scenario NAME --start` and `--start` run
// the virtual lab and never connect to that peer; only `--real-network --start` does. The
// "remembered peer" is a listener of this test on loopback, so a connection would be seen.

#include "realnet/RealNetworkConfig.h"
#include "ui/AppSettings.h"

#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;

namespace {

struct Run
{
    int exitCode = -1;
    int connections = 0; // accepted by the remembered peer
    QString output;
};

class TestGuiCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scenarioStartRunsTheLabNotTheRememberedPeer();
    void startAloneRunsTheLab();
    void realNetworkOnlyWhenAsked();
    void realNetworkWithAScenarioIsRefused();

private:
    // Settings that remember real-network mode with the peer at our listener's port.
    QString rememberRealPeer(QTemporaryDir &dir, quint16 port);
    Run run(QTemporaryDir &dir, const QStringList &arguments, QTcpServer *peer);
    QTcpServer m_peer;
};

void TestGuiCommandLine::initTestCase()
{
    QVERIFY(m_peer.listen(QHostAddress::LocalHost, 0));
}

QString TestGuiCommandLine::rememberRealPeer(QTemporaryDir &dir, quint16 port)
{
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    ui::AppSettings settings(path);
    realnet::RealNetworkConfig network;
    network.role = realnet::RealNetworkConfig::Role::Client;
    network.peerAddress = QStringLiteral("127.0.0.1");
    network.peerPort = port;
    settings.setRealNetwork(network);
    settings.setRealNetworkMode(true);
    settings.sync();
    return path;
}

Run TestGuiCommandLine::run(QTemporaryDir &dir, const QStringList &arguments, QTcpServer *peer)
{
    Run result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HALFOPEN_LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QList<QTcpSocket *> accepted;
    const auto onConnection = connect(peer, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = peer->nextPendingConnection()) {
            ++result.connections;
            accepted.append(s);
        }
    });
    process.start(QStringLiteral(HALFOPEN_GUI), arguments);
    // The window quits by itself once the screenshot is taken (or at once on a bad option).
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished(3000);
    }
    disconnect(onConnection);
    qDeleteAll(accepted);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

void TestGuiCommandLine::scenarioStartRunsTheLabNotTheRememberedPeer()
{
    QTemporaryDir dir;
    const QString settings = rememberRealPeer(dir, m_peer.serverPort());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const Run r = run(dir,
                      {QStringLiteral("--settings"), settings, QStringLiteral("--scenario"),
                       QStringLiteral("keepalive-detects-powered-off-peer"), QStringLiteral("--start"),
                       QStringLiteral("--screenshot"), shot, QStringLiteral("--after-seconds"), QStringLiteral("1")},
                      &m_peer);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    QVERIFY(QFileInfo::exists(shot));
    QCOMPARE(r.connections, 0);
}

void TestGuiCommandLine::startAloneRunsTheLab()
{
    QTemporaryDir dir;
    const QString settings = rememberRealPeer(dir, m_peer.serverPort());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const Run r = run(dir,
                      {QStringLiteral("--settings"), settings, QStringLiteral("--start"),
                       QStringLiteral("--screenshot"), shot, QStringLiteral("--after-seconds"), QStringLiteral("1")},
                      &m_peer);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    QCOMPARE(r.connections, 0);
}

void TestGuiCommandLine::realNetworkOnlyWhenAsked()
{
    // The same settings, asked for explicitly: the remembered peer is connected to.
    QTemporaryDir dir;
    const QString settings = rememberRealPeer(dir, m_peer.serverPort());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const Run r
        = run(dir,
              {QStringLiteral("--settings"), settings, QStringLiteral("--real-network"), QStringLiteral("--start"),
               QStringLiteral("--screenshot"), shot, QStringLiteral("--after-seconds"), QStringLiteral("1")},
              &m_peer);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    QVERIFY(r.connections >= 1);
}

void TestGuiCommandLine::realNetworkWithAScenarioIsRefused()
{
    QTemporaryDir dir;
    const Run r = run(dir,
                      {QStringLiteral("--real-network"), QStringLiteral("--start"), QStringLiteral("--scenario"),
                       QStringLiteral("keepalive-detects-powered-off-peer")},
                      &m_peer);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.output.contains(QStringLiteral("--scenario")), qPrintable(r.output));
    QCOMPARE(r.connections, 0);
}

} // namespace

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_GuiCommandLine.moc"
