// SPDX-License-Identifier: GPL-3.0-or-later
// The lab on the real kernel, as root and as an unprivileged user (user namespaces): hosts in
// network namespaces, the AF_PACKET cable, faults, and nothing left behind afterwards.

#include "core/session/MonotonicClock.h"
#include "lab/LabProcess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace halfopen::core;
using namespace halfopen::lab;

namespace {

QString builtTool(const char *name)
{
    return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().filePath(QString::fromLatin1(name));
}

// Processes a lab reported (supervisor and endpoints, from their events) that are still alive.
QList<qint64> survivors(const QList<Event> &events)
{
    QList<qint64> alive;
    for (const Event &e : events) {
        const qint64 pid = e.detail.value(QStringLiteral("pid")).toInteger();
        if (pid > 0 && ::kill(pid_t(pid), 0) == 0 && !alive.contains(pid))
            alive.append(pid);
    }
    return alive;
}

// Where an unprivileged user can run the tools from: the build tree may sit where nobody cannot
// reach it (e.g. under /root), so unprivileged runs use copies in a world-readable directory.
QString toolsFor(const QStringList &launcher)
{
    static QTemporaryDir copies;
    if (launcher.isEmpty())
        return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().path();
    if (!QFile::exists(copies.filePath(QStringLiteral("halfopen-lab")))) {
        QFile::setPermissions(copies.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                  | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        QFile::copy(builtTool("halfopen-lab"), copies.filePath(QStringLiteral("halfopen-lab")));
        QFile::copy(QStringLiteral(HALFOPEN_CLI), copies.filePath(QStringLiteral("halfopen-cli")));
    }
    return copies.path();
}

struct Lab
{
    explicit Lab(const QStringList &launcher)
        : process(LabProcess::Options{toolsFor(launcher) + QStringLiteral("/halfopen-lab"), {}, launcher})
    {
        QObject::connect(&process, &LabDriver::event, [this](const Event &e) { events.append(e); });
        QObject::connect(&process, &LabDriver::failed, [this](const QString &m) { failure = m; });
    }
    const Event *find(halfopen::core::Host host, EventKind kind, const QString &what = {}) const
    {
        for (const Event &e : events) {
            if (e.host == host && e.kind == kind && (what.isEmpty() || e.what == what))
                return &e;
        }
        return nullptr;
    }
    const Event *fatal(halfopen::core::Host host) const
    {
        for (const Event &e : events) {
            if (e.host == host && e.kind == EventKind::Error && e.detail.value(QStringLiteral("fatal")).toBool())
                return &e;
        }
        return nullptr;
    }
    QList<Event> events; // declared first: outlive the process that fills them
    QString failure;
    LabProcess process;
};

LabConfig keepaliveConfig()
{
    LabConfig config = LabConfig::defaults();
    config.client.endpoint.options.keepalive = {true, 2, 1, 3};
    return config;
}

Fault fault(FaultKind kind, halfopen::core::Host host, double value = 0)
{
    Fault f;
    f.kind = kind;
    f.host = host;
    f.value = value;
    return f;
}

} // namespace

class LabSupervisorTest : public QObject
{
    Q_OBJECT

private slots:
    void poweredOffPeerIsFoundByKeepalive_data();
    void poweredOffPeerIsFoundByKeepalive();
    void killedPeerSendsFin_data();
    void killedPeerSendsFin();
    void rebootedPeerResets_data();
    void rebootedPeerResets();
    void socketOptionsChangeOnTheLiveConnection();
    void classificationAgreesWithTshark();
    void bulkCrossesInSuperFramesUntilLossNeedsWireSegments();
    void nothingSurvivesAKilledParent();
    void badConfigurationIsReported();

private:
    void addModes();
    bool startLab(Lab &lab, const LabConfig &config);
};

void LabSupervisorTest::addModes()
{
    QTest::addColumn<QStringList>("launcher");
    if (::geteuid() == 0) {
        QTest::newRow("root") << QStringList{};
        // The same lab as a normal user: it must enter a user namespace on its own.
        QTest::newRow("unprivileged") << QStringList{QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                                                     QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups")};
    } else {
        QTest::newRow("unprivileged") << QStringList{};
    }
}

bool LabSupervisorTest::startLab(Lab &lab, const LabConfig &config)
{
    QSignalSpy ready(&lab.process, &LabDriver::ready);
    lab.process.start(config);
    if (!ready.wait(5000)) {
        qWarning("lab not ready: %s", qPrintable(lab.failure));
        return false;
    }
    // Ready means the client is connecting; wait for the connection itself.
    return QTest::qWaitFor(
        [&] { return lab.find(halfopen::core::Host::Client, EventKind::Endpoint, QStringLiteral("connected")); }, 3000);
}

void LabSupervisorTest::poweredOffPeerIsFoundByKeepalive_data()
{
    addModes();
}

void LabSupervisorTest::poweredOffPeerIsFoundByKeepalive()
{
    QFETCH(QStringList, launcher);
    Lab lab(launcher);
    QVERIFY(startLab(lab, keepaliveConfig()));
    QTest::qWait(300); // idle connection, then the server loses power
    lab.process.apply(fault(FaultKind::PowerOff, halfopen::core::Host::Server));
    QTRY_VERIFY_WITH_TIMEOUT(lab.find(halfopen::core::Host::Server, EventKind::Fault, QStringLiteral("power-off")),
                             2000);

    // Keepalive 2/1/3: ETIMEDOUT 5 s (4.5–6.5 s) after the last packet received, three probes.
    QTRY_VERIFY_WITH_TIMEOUT(lab.fatal(halfopen::core::Host::Client), 9000);
    const Event *death = lab.fatal(halfopen::core::Host::Client);
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, DetectionMechanism::Keepalive);
    const double sinceRx = death->detail.value(QStringLiteral("since_last_received_ms")).toDouble() / 1000;
    QVERIFY2(sinceRx >= 4.5 && sinceRx <= 6.5, qPrintable(QString::number(sinceRx)));
    // The powered-off server never said a word: no error, no FIN or RST reached the client.
    QVERIFY(!lab.find(halfopen::core::Host::Client, EventKind::Error, QStringLiteral("eof")));

    QSignalSpy stopped(&lab.process, &LabDriver::stopped);
    lab.process.stop();
    QVERIFY(stopped.wait(5000));
    QVERIFY(lab.find(halfopen::core::Host::Lab, EventKind::Endpoint, QStringLiteral("hosts_up")));
    QTRY_VERIFY_WITH_TIMEOUT(survivors(lab.events).isEmpty(), 3000);
}

void LabSupervisorTest::killedPeerSendsFin_data()
{
    addModes();
}

void LabSupervisorTest::killedPeerSendsFin()
{
    QFETCH(QStringList, launcher);
    Lab lab(launcher);
    QVERIFY(startLab(lab, LabConfig::defaults()));
    const qint64 faultUs = monotonicNowUs();
    lab.process.apply(fault(FaultKind::KillProcess, halfopen::core::Host::Server));
    // The server host's kernel is alive: it closes the socket and its FIN crosses the cable.
    QTRY_VERIFY_WITH_TIMEOUT(lab.find(halfopen::core::Host::Client, EventKind::Error, QStringLiteral("eof")), 2000);
    const Event *eof = lab.find(halfopen::core::Host::Client, EventKind::Error, QStringLiteral("eof"));
    QCOMPARE(eof->mechanism, DetectionMechanism::Fin);
    QVERIFY((eof->tUs - faultUs) < 500000);
    // The killed side's orphan socket is seen by the lab's sock_diag observer.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(lab.events.begin(), lab.events.end(),
                                         [](const Event &e) {
                                             return e.host == halfopen::core::Host::Server && e.kind == EventKind::State
                                                 && (e.toState == TcpState::FinWait2
                                                     || e.toState == TcpState::TimeWait);
                                         }),
                             3000);
}

void LabSupervisorTest::rebootedPeerResets_data()
{
    addModes();
}

void LabSupervisorTest::rebootedPeerResets()
{
    QFETCH(QStringList, launcher);
    Lab lab(launcher);
    QVERIFY(startLab(lab, LabConfig::defaults()));
    lab.process.apply(fault(FaultKind::Reboot, halfopen::core::Host::Server, 0.3));
    QTRY_VERIFY_WITH_TIMEOUT(lab.find(halfopen::core::Host::Server, EventKind::Fault, QStringLiteral("power-on")),
                             3000);
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(lab.events.begin(), lab.events.end(),
                                           [](const Event &e) {
                                               return e.host == halfopen::core::Host::Server
                                                   && e.what == QLatin1String("listening");
                                           })
                                 == 2,
                             3000);
    // The rebooted server forgot the connection: our next segment draws an RST.
    lab.process.apply(fault(FaultKind::Send, halfopen::core::Host::Client, 100));
    QTRY_VERIFY_WITH_TIMEOUT(lab.fatal(halfopen::core::Host::Client), 2000);
    QCOMPARE(lab.fatal(halfopen::core::Host::Client)->errnoValue, ECONNRESET);
    QCOMPARE(lab.fatal(halfopen::core::Host::Client)->mechanism, DetectionMechanism::Rst);
}

void LabSupervisorTest::socketOptionsChangeOnTheLiveConnection()
{
    Lab lab({});
    QVERIFY(startLab(lab, LabConfig::defaults()));
    const qsizetype before = lab.events.size();
    SocketOptions options;
    options.keepalive = {true, 1, 1, 2};
    lab.process.setSocketOptions(halfopen::core::Host::Client, options);
    // The client's endpoint applies them with setsockopt and reports what the kernel has now.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(lab.events.begin() + before, lab.events.end(),
                    [](const Event &e) {
                        return e.host == halfopen::core::Host::Client && e.what == QLatin1String("options")
                            && SocketOptions::fromJson(e.detail.value(QStringLiteral("applied")).toObject()).keepalive
                            == KeepaliveSettings{true, 1, 1, 2};
                    }),
        3000);
    // And they act: the powered-off server is found by keepalive 1/1/2, 3 s after the last packet.
    lab.process.apply(fault(FaultKind::PowerOff, halfopen::core::Host::Server));
    QTRY_VERIFY_WITH_TIMEOUT(lab.fatal(halfopen::core::Host::Client), 6000);
    QCOMPARE(lab.fatal(halfopen::core::Host::Client)->mechanism, DetectionMechanism::Keepalive);
    const double sinceRx
        = lab.fatal(halfopen::core::Host::Client)->detail.value(QStringLiteral("since_last_received_ms")).toDouble()
        / 1000;
    QVERIFY2(sinceRx >= 2.5 && sinceRx <= 4.5, qPrintable(QString::number(sinceRx)));
}

void LabSupervisorTest::classificationAgreesWithTshark()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (make test installs it)");
    QTemporaryDir dir;
    const QString pcap = dir.filePath(QStringLiteral("cable.pcap"));
    QList<Event> packets;
    QList<Event> samples; // the client's tcp_info with data in flight, before it died
    {
        // Keepalive probes into a dead peer, then data retransmitted into it until the user timeout.
        LabProcess process(LabProcess::Options{builtTool("halfopen-lab"), pcap, {}});
        QList<Event> events;
        QObject::connect(&process, &LabDriver::event, [&](const Event &e) { events.append(e); });
        LabConfig config = LabConfig::defaults();
        config.client.endpoint.options.keepalive = {true, 1, 1, 9};
        config.client.endpoint.options.userTimeoutMs = 4000;
        QSignalSpy ready(&process, &LabDriver::ready);
        process.start(config);
        QVERIFY(ready.wait(5000));
        QTest::qWait(300);
        process.apply(fault(FaultKind::Unplug, halfopen::core::Host::Server));
        // Two probes go out unanswered (1 s idle, then 1 s apart); then data is sent and retransmitted.
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(events.begin(), events.end(),
                                               [](const Event &e) {
                                                   return e.kind == EventKind::Packet
                                                       && e.what == QLatin1String("keepalive-probe");
                                               })
                                     >= 2,
                                 4000);
        process.apply(fault(FaultKind::Send, halfopen::core::Host::Client, 100));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.begin(), events.end(),
                                             [](const Event &e) {
                                                 return e.host == halfopen::core::Host::Client
                                                     && e.kind == EventKind::Error;
                                             }),
                                 8000);
        QSignalSpy stopped(&process, &LabDriver::stopped);
        process.stop();
        QVERIFY(stopped.wait(5000));
        bool died = false;
        for (const Event &e : std::as_const(events)) {
            if (e.kind == EventKind::Packet)
                packets.append(e);
            died = died || (e.host == halfopen::core::Host::Client && e.kind == EventKind::Error);
            if (!died && e.host == halfopen::core::Host::Client && e.kind == EventKind::Sample && e.sample
                && e.sample->unacked > 0)
                samples.append(e);
        }
    }
    // Wireshark's verdict on every frame of the capture, in capture order.
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"),
                 {QStringLiteral("-r"), pcap, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                  QStringLiteral("tcp.analysis.keep_alive"), QStringLiteral("-e"),
                  QStringLiteral("tcp.analysis.retransmission"), QStringLiteral("-e"),
                  QStringLiteral("tcp.analysis.fast_retransmission"), QStringLiteral("-e"),
                  QStringLiteral("tcp.analysis.spurious_retransmission")});
    QVERIFY(tshark.waitForFinished(30000));
    const QStringList lines
        = QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), packets.size());
    // Wireshark has no tail-loss probe: it flags the kernel's probe as a retransmission (of
    // whatever cause), so its retransmissions are our retransmissions plus our probes.
    int probes = 0;
    int flaggedByTshark = 0;
    int retransmissions = 0;
    int tailLossProbes = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(QLatin1Char('\t'));
        const bool keepalive = !fields.value(0).isEmpty();
        const bool retransmission
            = !fields.value(1).isEmpty() || !fields.value(2).isEmpty() || !fields.value(3).isEmpty();
        const QString ours = packets.at(i).what;
        const QString where = QStringLiteral("frame %1: ours %2, tshark \"%3\"").arg(i + 1).arg(ours, lines.at(i));
        QVERIFY2(keepalive == (ours == QLatin1String("keepalive-probe")), qPrintable(where));
        QVERIFY2(retransmission
                     == (ours == QLatin1String("retransmission") || ours == QLatin1String("tail-loss-probe")),
                 qPrintable(where));
        probes += keepalive;
        flaggedByTshark += retransmission;
        retransmissions += ours == QLatin1String("retransmission");
        tailLossProbes += ours == QLatin1String("tail-loss-probe");
    }
    QVERIFY2(probes >= 2, qPrintable(QString::number(probes)));
    QCOMPARE(flaggedByTshark, retransmissions + tailLossProbes);
    // One segment out into a dead peer: one probe, then the retransmission timer's own.
    QCOMPARE(tailLossProbes, 1);
    QVERIFY2(retransmissions >= 3, qPrintable(QString::number(retransmissions)));

    // And the kernel's own count agrees: tcpi_retransmits (the timeouts tcp_retries2 counts)
    // leaves the probe out, tcpi_total_retrans (every segment sent again) has it. Compared at the
    // client's last sample before the user timeout killed it: a sample follows each change, and
    // the kernel sends nothing more once the timeout is up. (Not sample by sample: on a busy
    // machine the cable may read a frame a little after the sampler saw the kernel count it.)
    QVERIFY(!samples.isEmpty());
    const TcpInfoSample &last = *samples.last().sample;
    QCOMPARE(qsizetype(last.retransmits), qsizetype(retransmissions));
    QCOMPARE(qsizetype(last.totalRetrans), qsizetype(retransmissions + tailLossProbes));
}

void LabSupervisorTest::bulkCrossesInSuperFramesUntilLossNeedsWireSegments()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (make test installs it)");
    QTemporaryDir dir;
    const QString pcap = dir.filePath(QStringLiteral("bulk.pcap"));
    QList<Event> events;
    qint64 lossAppliedMs = 0; // wall clock: the capture's time base
    qint64 bytesAckedAtLoss = 0;
    {
        LabProcess process(LabProcess::Options{builtTool("halfopen-lab"), pcap, {}});
        QObject::connect(&process, &LabDriver::event, [&](const Event &e) { events.append(e); });
        LabConfig config = LabConfig::defaults();
        config.client.endpoint.traffic = {TrafficPattern::Kind::Periodic, 10, 256 * 1024};
        QSignalSpy ready(&process, &LabDriver::ready);
        process.start(config);
        QVERIFY(ready.wait(5000));
        QTest::qWait(500);
        process.apply(fault(FaultKind::Loss, {}, 2));
        QTest::qWait(300); // the supervisor has carried it out
        lossAppliedMs = QDateTime::currentMSecsSinceEpoch();
        for (const Event &e : std::as_const(events)) {
            if (e.host == halfopen::core::Host::Client && e.kind == EventKind::Sample && e.sample)
                bytesAckedAtLoss = std::max<qint64>(bytesAckedAtLoss, qint64(e.sample->bytesAcked));
        }
        QTest::qWait(1000);
        QSignalSpy stopped(&process, &LabDriver::stopped);
        process.stop();
        QVERIFY(stopped.wait(5000));
    }
    qint64 bytesAcked = 0;
    for (const Event &e : std::as_const(events)) {
        if (e.host == halfopen::core::Host::Client && e.kind == EventKind::Sample && e.sample)
            bytesAcked = std::max<qint64>(bytesAcked, qint64(e.sample->bytesAcked));
    }
    // The segments the cable made reached the server's stack intact: the stream went on.
    QVERIFY2(bytesAcked - bytesAckedAtLoss > 10 * 256 * 1024,
             qPrintable(QStringLiteral("%1 -> %2 bytes acked").arg(bytesAckedAtLoss).arg(bytesAcked)));

    QProcess tshark;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    tshark.setProcessEnvironment(environment);
    tshark.start(QStringLiteral("tshark"),
                 {QStringLiteral("-r"),
                  pcap,
                  QStringLiteral("-n"),
                  QStringLiteral("-o"),
                  QStringLiteral("tcp.check_checksum:TRUE"),
                  QStringLiteral("-o"),
                  QStringLiteral("ip.check_checksum:TRUE"),
                  QStringLiteral("-T"),
                  QStringLiteral("fields"),
                  QStringLiteral("-e"),
                  QStringLiteral("frame.time_epoch"),
                  QStringLiteral("-e"),
                  QStringLiteral("frame.len"),
                  QStringLiteral("-e"),
                  QStringLiteral("tcp.len"),
                  QStringLiteral("-e"),
                  QStringLiteral("ip.checksum.status"),
                  QStringLiteral("-e"),
                  QStringLiteral("tcp.checksum.status"),
                  QStringLiteral("-e"),
                  QStringLiteral("tcp.analysis.retransmission")});
    QVERIFY(tshark.waitForFinished(60000));
    QVERIFY2(tshark.exitCode() == 0, qPrintable(QString::fromUtf8(tshark.readAllStandardError())));
    const QStringList lines
        = QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int superFramesBefore = 0;
    int dataFramesAfter = 0;
    int retransmissionsAfter = 0;
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 6);
        const double tMs = f[0].toDouble() * 1000;
        const int frameLength = f[1].toInt();
        if (tMs < lossAppliedMs - 350) {
            // Offloads on: the stream crosses as 64 KB super-frames, as a capture on a TSO
            // host shows them.
            superFramesBefore += frameLength > 1514;
            continue;
        }
        if (tMs < lossAppliedMs || f[2].isEmpty())
            continue; // the loss may or may not be on yet; not TCP
        // Loss hits wire segments: every frame is wire-sized with correct checksums.
        const QString where = QStringLiteral("after loss: %1").arg(line);
        QVERIFY2(frameLength <= 1514, qPrintable(where));
        QVERIFY2(f[3] == QLatin1String("1"), qPrintable(where));
        if (!f[4].isEmpty())
            QVERIFY2(f[4] == QLatin1String("1"), qPrintable(where));
        dataFramesAfter += f[2].toInt() > 0;
        retransmissionsAfter += !f[5].isEmpty();
    }
    QVERIFY2(superFramesBefore > 0, qPrintable(QString::number(lines.size())));
    QVERIFY2(dataFramesAfter > 100, qPrintable(QString::number(dataFramesAfter)));
    QVERIFY2(retransmissionsAfter > 0, qPrintable(QString::number(dataFramesAfter)));
}

void LabSupervisorTest::nothingSurvivesAKilledParent()
{
    // A parent that dies by SIGKILL: the supervisor follows it (PR_SET_PDEATHSIG), and the
    // endpoints follow the supervisor; the namespaces go with them.
    const QByteArray start = QJsonDocument(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("start")},
                                                       {QStringLiteral("config"), LabConfig::defaults().toJson()}})
                                 .toJson(QJsonDocument::Compact);
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("events.jsonl"));
    QProcess parent;
    parent.start(QStringLiteral("bash"),
                 {QStringLiteral("-c"),
                  QStringLiteral("(echo '%1'; sleep 60) | %2 > %3; sleep 60")
                      .arg(QString::fromUtf8(start), builtTool("halfopen-lab"), output)});
    auto events = [&] {
        QList<Event> list;
        QFile file(output);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (auto e = Event::fromJson(QJsonDocument::fromJson(line).object()))
                    list.append(*e);
            }
        }
        return list;
    };
    // Supervisor, server and client endpoints all running.
    QTRY_VERIFY_WITH_TIMEOUT(survivors(events()).size() >= 3, 5000);
    const QList<Event> seen = events();
    // Kill the whole parent side at once: bash and its pipeline's shells, not the supervisor.
    QProcess::execute(QStringLiteral("pkill"),
                      {QStringLiteral("-KILL"), QStringLiteral("-P"), QString::number(parent.processId()),
                       QStringLiteral("-x"), QStringLiteral("bash")});
    QProcess::execute(QStringLiteral("pkill"),
                      {QStringLiteral("-KILL"), QStringLiteral("-P"), QString::number(parent.processId()),
                       QStringLiteral("-x"), QStringLiteral("sleep")});
    ::kill(pid_t(parent.processId()), SIGKILL);
    parent.waitForFinished(3000);
    QTRY_VERIFY_WITH_TIMEOUT(survivors(seen).isEmpty(), 5000);
    QProcess ipNetns;
    ipNetns.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")});
    ipNetns.waitForFinished(3000);
    QCOMPARE(ipNetns.readAllStandardOutput().trimmed(), QByteArray());
}

void LabSupervisorTest::badConfigurationIsReported()
{
    Lab lab({});
    QSignalSpy failed(&lab.process, &LabDriver::failed);
    LabConfig config = LabConfig::defaults();
    config.server.sysctls.insert(QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("999"));
    lab.process.start(config);
    QVERIFY(failed.wait(5000));
    QVERIFY2(lab.failure.contains(QLatin1String("tcp_retries2")) && lab.failure.contains(QLatin1String("255")),
             qPrintable(lab.failure));
}

QTEST_GUILESS_MAIN(LabSupervisorTest)
#include "tst_LabSupervisor.moc"
