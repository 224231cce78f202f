// SPDX-License-Identifier: GPL-3.0-or-later
// The halfopen executable's command line, run as a user runs it (offscreen): with real-network
// mode and a real peer remembered in the settings, `--scenario NAME --start` and `--start` run
// the virtual lab and never connect to that peer; only `--real-network --start` does. The
// "remembered peer" is a listener of this test on loopback, so a connection would be seen.

#include "lab/scenario/ScenarioTexts.h"
#include "realnet/RealNetworkConfig.h"
#include "ui/AppSettings.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
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
    void reportOfARecordingWithoutAScreen();
    void reportOfABadRecordingFails();

private:
    // Settings that remember real-network mode with the peer at our listener's port.
    QString rememberRealPeer(QTemporaryDir &dir, quint16 port);
    Run run(QTemporaryDir &dir, const QStringList &arguments, QTcpServer *peer, const QString &language = {});
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

Run TestGuiCommandLine::run(QTemporaryDir &dir, const QStringList &arguments, QTcpServer *peer, const QString &language)
{
    Run result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HALFOPEN_LANGUAGE"), language.isEmpty() ? QStringLiteral("en") : language);
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

void TestGuiCommandLine::reportOfARecordingWithoutAScreen()
{
    // A recording made by HalfOpen itself: the keepalive 2/1/3 scenario on the lab.
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("keepalive.jsonl"));
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(HALFOPEN_CLI),
              {QStringLiteral("lab"), QStringLiteral("run"), QStringLiteral("keepalive-detects-powered-off-peer"),
               QStringLiteral("--record"), recording});
    QVERIFY(cli.waitForFinished(90000));
    QVERIFY2(cli.exitCode() == 0, cli.readAll().constData());

    // Its report as HTML: the verdict with the prediction, the scenario, both hosts' settings as
    // recorded, when (the recording's wall clock) and where, the pictures and the counts.
    const QString html = dir.filePath(QStringLiteral("report.html"));
    Run r = run(dir, {QStringLiteral("--open"), recording, QStringLiteral("--report"), html}, &m_peer);
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString &expected :
         {QStringLiteral("Client: dead peer detected"), QStringLiteral("by TCP keepalive (ETIMEDOUT)"),
          QStringLiteral("predicted 5.0 s"),
          lab::ScenarioTexts::title(QStringLiteral("keepalive-detects-powered-off-peer")).toHtmlEscaped(),
          QStringLiteral("2 s idle, 3 × 1 s"), QStringLiteral("power-off"), QStringLiteral("keepalive probe"),
          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd")), QSysInfo::machineHostName(),
          QSysInfo::kernelVersion(), QStringLiteral("<img src=\"data:image/png;base64,")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    QCOMPARE(text.count(QStringLiteral("<img ")), 2); // the lanes and the RTO plot

    // As a PDF, in Chinese: a PDF whose text (when poppler's pdftotext is there to read it) holds
    // the Chinese headings and the numbers.
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    r = run(dir, {QStringLiteral("--open"), recording, QStringLiteral("--report"), pdf}, &m_peer,
            QStringLiteral("zh_CN"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(pdfFile.size() > 50000); // the two pictures are in it
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text was not read back");
    QProcess read;
    read.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    QVERIFY(read.waitForFinished(30000));
    const QString pdfText = QString::fromUtf8(read.readAllStandardOutput());
    for (const QString &expected : {QStringLiteral("HalfOpen 报告"), QStringLiteral("结论"),
                                    QStringLiteral("ETIMEDOUT"), QSysInfo::machineHostName()})
        QVERIFY2(pdfText.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + pdfText));
}

void TestGuiCommandLine::reportOfABadRecordingFails()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("report.pdf"));
    // Not a recording: every line damaged, nothing to report on.
    const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a recording\n{\"kind\":\"nonsense\"}\n");
    file.close();
    Run r = run(dir, {QStringLiteral("--open"), bad, QStringLiteral("--report"), out}, &m_peer);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.output.contains(QStringLiteral("bad.jsonl")) && r.output.contains(QStringLiteral("no event")),
             qPrintable(r.output));
    QVERIFY(!QFileInfo::exists(out));
    // A file that is not there.
    r = run(dir,
            {QStringLiteral("--open"), dir.filePath(QStringLiteral("missing.jsonl")), QStringLiteral("--report"), out},
            &m_peer);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.output.contains(QStringLiteral("missing.jsonl")), qPrintable(r.output));
    QVERIFY(!QFileInfo::exists(out));
    // A report the program cannot make: the name says neither PDF nor HTML.
    r = run(dir, {QStringLiteral("--open"), bad, QStringLiteral("--report"), dir.filePath(QStringLiteral("r.doc"))},
            &m_peer);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.output.contains(QStringLiteral("--report")), qPrintable(r.output));
}

} // namespace

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_GuiCommandLine.moc"
