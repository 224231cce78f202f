// SPDX-License-Identifier: GPL-3.0-or-later
// LabSessionController with a stand-in lab: run states, faults passed on only while running,
// live socket options passed on (once) only while a run is under way and the host's report of
// them, a free session's shape, one session per recording, and a recording that cannot be read
// leaving the session as it was.

#include "control/LabSessionController.h"
#include "core/session/JsonlReader.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"
#include "lab/LabDriver.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;
using State = control::LabSessionController::RunState;

namespace {

// Answers start() with ready() and stop() with stopped(), and remembers the faults.
class FakeLab : public lab::LabDriver
{
public:
    void start(const lab::LabConfig &config) override
    {
        started = config;
        QMetaObject::invokeMethod(
            this,
            [this] {
                core::Event e;
                e.kind = core::EventKind::Endpoint;
                e.host = halfopen::core::Host::Client;
                e.what = QStringLiteral("connected");
                e.tUs = 1'000'000;
                emit event(e);
                emit ready();
            },
            Qt::QueuedConnection);
    }
    void apply(const lab::Fault &fault) override { faults.append(fault); }
    void setSocketOptions(halfopen::core::Host host, const core::SocketOptions &options) override
    {
        optionsSet.append({host, options});
    }
    void stop() override { QMetaObject::invokeMethod(this, &LabDriver::stopped, Qt::QueuedConnection); }

    lab::LabConfig started;
    QList<lab::Fault> faults;
    QList<QPair<halfopen::core::Host, core::SocketOptions>> optionsSet;
};

lab::Fault powerOff()
{
    lab::Fault f;
    f.kind = lab::FaultKind::PowerOff;
    f.host = halfopen::core::Host::Server;
    return f;
}

core::Event optionsReport(halfopen::core::Host host, const core::SocketOptions &applied, const QJsonArray &failed = {})
{
    core::Event e;
    e.kind = core::EventKind::Endpoint;
    e.host = host;
    e.local = QStringLiteral("198.18.0.1:40000");
    e.remote = QStringLiteral("198.18.0.2:5000");
    e.what = QStringLiteral("options");
    e.tUs = 2'000'000;
    e.detail = {{QStringLiteral("requested"), applied.toJson()},
                {QStringLiteral("applied"), applied.toJson()},
                {QStringLiteral("live"), true}};
    if (!failed.isEmpty())
        e.detail.insert(QStringLiteral("failed"), failed);
    return e;
}

} // namespace

class TestLabSessionController : public QObject
{
    Q_OBJECT
private slots:
    void freeSessionRunsUntilStopped();
    void socketOptionsGoToTheRunningLab();
    void theLabsRefusalsInWords();
    void aRecordingSpansRunsUntilStopped();
    void unreadableRecordingKeepsTheSession();
    void longRecordingStreamsIn();
};

void TestLabSessionController::freeSessionRunsUntilStopped()
{
    FakeLab lab;
    control::LabSessionController controller(&lab);
    QSignalSpy states(&controller, &control::LabSessionController::runStateChanged);

    controller.apply(powerOff()); // nothing runs: ignored
    lab::LabConfig config = lab::LabConfig::defaults();
    config.client.endpoint.options.keepalive = {true, 2, 1, 3};
    controller.startFreeSession(config);
    QCOMPARE(controller.runState(), State::Starting);
    QVERIFY(controller.isFreeSession());
    QVERIFY(controller.scenario().steps.isEmpty());
    QCOMPARE(controller.scenario().end.when, lab::ScenarioEnd::When::Timeout);
    QCOMPARE(lab.started.client.endpoint.options.keepalive, config.client.endpoint.options.keepalive);
    QTRY_COMPARE(controller.runState(), State::Running);
    QCOMPARE(controller.session()->size(), 2); // the run's own `run` event, then the fake lab's
    // (The fake lab's event is stamped at 1 s of the clock: the `run`, stamped now, comes after it.)
    QCOMPARE(controller.session()->events().constLast().what, QStringLiteral("run"));

    controller.apply(powerOff());
    QCOMPARE(lab.faults.size(), 1);
    QCOMPARE(lab.faults.at(0).kind, lab::FaultKind::PowerOff);

    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
    QCOMPARE(states.size(), 4);                // starting, running, stopping, idle
    QCOMPARE(controller.session()->size(), 2); // what was seen stays
}

void TestLabSessionController::socketOptionsGoToTheRunningLab()
{
    FakeLab lab;
    control::LabSessionController controller(&lab);
    QSignalSpy applied(&controller, &control::LabSessionController::optionsApplied);
    QSignalSpy problems(&controller, &control::LabSessionController::problem);
    core::SocketOptions keepalive;
    keepalive.keepalive = {true, 2, 1, 3};

    controller.setSocketOptions(halfopen::core::Host::Client, keepalive); // nothing runs: for the next start
    QVERIFY(lab.optionsSet.isEmpty());

    // Asked while the lab starts: set once it is ready.
    controller.startFreeSession(lab::LabConfig::defaults());
    controller.setSocketOptions(halfopen::core::Host::Client, keepalive);
    QVERIFY(lab.optionsSet.isEmpty());
    QTRY_COMPARE(controller.runState(), State::Running);
    QCOMPARE(lab.optionsSet.size(), 1);
    QCOMPARE(lab.optionsSet.at(0).first, halfopen::core::Host::Client);
    QCOMPARE(lab.optionsSet.at(0).second, keepalive);

    // The same again is not sent; a change is, at once; what the run started with counts as sent.
    controller.setSocketOptions(halfopen::core::Host::Client, keepalive);
    QCOMPARE(lab.optionsSet.size(), 1);
    core::SocketOptions userTimeout;
    userTimeout.userTimeoutMs = 3000;
    controller.setSocketOptions(halfopen::core::Host::Server, userTimeout);
    QCOMPARE(lab.optionsSet.size(), 2);
    QCOMPARE(lab.optionsSet.at(1).first, halfopen::core::Host::Server);
    controller.setSocketOptions(halfopen::core::Host::Server, lab::LabConfig::defaults().server.endpoint.options);
    QCOMPARE(lab.optionsSet.size(), 3);
    controller.setSocketOptions(halfopen::core::Host::Server, lab::LabConfig::defaults().server.endpoint.options);
    QCOMPARE(lab.optionsSet.size(), 3);

    // The host's report: what the kernel has now.
    emit lab.event(optionsReport(halfopen::core::Host::Client, keepalive));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(0).value<halfopen::core::Host>(), halfopen::core::Host::Client);
    QCOMPARE(applied.at(0).at(1).value<core::SocketOptions>(), keepalive);
    QCOMPARE(controller.appliedOptions(halfopen::core::Host::Client), std::optional(keepalive));
    QVERIFY(!controller.appliedOptions(halfopen::core::Host::Server));
    QVERIFY(problems.isEmpty());
    // An option the kernel refused is a problem, named with its errno.
    emit lab.event(
        optionsReport(halfopen::core::Host::Server, userTimeout,
                      {QJsonObject{{QStringLiteral("option"), QStringLiteral("TCP_USER_TIMEOUT")},
                                   {QStringLiteral("error"), QStringLiteral("EINVAL (Invalid argument)")}}}));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).at(0).toString().contains(QStringLiteral("TCP_USER_TIMEOUT: EINVAL")),
             qPrintable(problems.at(0).at(0).toString()));

    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
    controller.setSocketOptions(halfopen::core::Host::Client, userTimeout);
    QCOMPARE(lab.optionsSet.size(), 3);
}

// What the lab refused, what a real network could not capture, what the capture left out: a
// sentence each, from the details as the supervisor's pipe and recordings have always had them.
void TestLabSessionController::theLabsRefusalsInWords()
{
    FakeLab lab;
    control::LabSessionController controller(&lab);
    QSignalSpy problems(&controller, &control::LabSessionController::problem);
    QSignalSpy notices(&controller, &control::LabSessionController::notice);
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);

    emit lab.event(core::Event::labEvent(2'000'000, core::RunStep::FaultFailed,
                                         {{QStringLiteral("message"), QStringLiteral("kill-process: the host is off")},
                                          {QStringLiteral("fault"),
                                           QJsonObject{{QStringLiteral("fault"), QStringLiteral("kill-process")},
                                                       {QStringLiteral("host"), QStringLiteral("server")}}}}));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.last().at(0).toString(),
             QStringLiteral("The lab could not do that: kill-process: the host is off"));
    emit lab.event(core::Event::labEvent(3'000'000, core::RunStep::CaptureUnavailable,
                                         {{QStringLiteral("reason"), QStringLiteral("tcpdump is not installed")}}));
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.last().at(0).toString(), QStringLiteral("No packets on the timeline: tcpdump is not installed"));
    emit lab.event(core::Event::labEvent(4'000'000, core::RunStep::CaptureTrimmed,
                                         {{QStringLiteral("dropped_frames"), 10},
                                          {QStringLiteral("dropped_bytes"), 1 << 20},
                                          {QStringLiteral("limit_mb"), 64}}));
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.last().at(0).toString(),
             QStringLiteral("Capture: older frames dropped to stay within 64 MB — 10 frame(s) (1.0 MB) left out"));

    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
}

void TestLabSessionController::aRecordingSpansRunsUntilStopped()
{
    QTemporaryDir dir;
    FakeLab lab;
    control::LabSessionController controller(&lab);
    QSignalSpy ended(&controller, &control::LabSessionController::recordingEnded);
    const QString path = dir.filePath(QStringLiteral("run.jsonl"));

    // A first run, not recorded.
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);

    // Record, then Start: the run meant to be recorded is recorded, and the one after it too.
    QString error;
    QVERIFY(controller.startRecording(path, &error));
    lab::LabConfig keepalive = lab::LabConfig::defaults();
    keepalive.client.endpoint.options.keepalive = {true, 2, 1, 3};
    keepalive.server.endpoint.options.userTimeoutMs = 3000;
    keepalive.server.sysctls.insert(QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("5"));
    // A real network's own kernel settings, which the lab would not take, read back as recorded.
    keepalive.client.sysctls.insert(QStringLiteral("net.ipv4.neigh.eth0.base_reachable_time_ms"),
                                    QStringLiteral("30000"));
    for (int run = 0; run < 2; ++run) {
        controller.startFreeSession(run == 0 ? lab::LabConfig::defaults() : keepalive);
        QVERIFY(controller.isRecording());
        QTRY_COMPARE(controller.runState(), State::Running);
        controller.stop();
        QTRY_COMPARE(controller.runState(), State::Idle);
    }
    QVERIFY(controller.isRecording());
    QCOMPARE(ended.size(), 0);
    controller.stopRecording();
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), path);

    QSignalSpy opened(&controller, &control::LabSessionController::recordingOpened);
    QVERIFY(controller.openRecording(path, &error));
    QCOMPARE(opened.size(), 1); // a small recording is in at once
    QCOMPARE(opened.at(0).at(0).toString(), path);
    QVERIFY(opened.at(0).at(1).toStringList().isEmpty());
    // The session on screen when Record was pressed, then both runs: each its `run` (what ran,
    // with which settings) and one "connected".
    QCOMPARE(controller.session()->size(), 6);
    // Opened, the recording says what its latest run was made with: the settings of both hosts.
    QVERIFY(controller.recordedRun().has_value());
    QCOMPARE(controller.recordedRun()->scenario, QStringLiteral("free"));
    QVERIFY(controller.recordedRun()->fromRunEvent);
    QCOMPARE(controller.recordedRun()->config.toJson(), keepalive.toJson());
    QCOMPARE(controller.scenario().lab.toJson(), keepalive.toJson());
    QVERIFY(!controller.recordedRun()->hostName.isEmpty());
    // With the wall clock at which it was recorded.
    QVERIFY(controller.session()->wallClock().isValid());
    QVERIFY(qAbs(controller.session()->wallClock().utc.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // An older recording, without `run` events: the settings come from the lab's hosts_up.
    const QString old = dir.filePath(QStringLiteral("old.jsonl"));
    {
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        core::Event up = core::Event::labEvent(5, core::RunStep::HostsUp, keepalive.toJson());
        up.detail.insert(QStringLiteral("pid"), 42);
        file.write(QJsonDocument(up.toJson()).toJson(QJsonDocument::Compact) + '\n');
    }
    QVERIFY(controller.openRecording(old, &error));
    QVERIFY(controller.recordedRun().has_value());
    QVERIFY(!controller.recordedRun()->fromRunEvent);
    QCOMPARE(controller.recordedRun()->config.toJson(), keepalive.toJson());
    QVERIFY(!controller.session()->wallClock().isValid()); // format 1: not known
}

void TestLabSessionController::unreadableRecordingKeepsTheSession()
{
    FakeLab lab;
    control::LabSessionController controller(&lab);
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);

    QString error;
    QVERIFY(!controller.openRecording(QStringLiteral("/nonexistent/run.jsonl"), &error));
    QVERIFY(error.contains(QStringLiteral("Stop the running session")));
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);

    QVERIFY(!controller.openRecording(QStringLiteral("/nonexistent/run.jsonl"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/run.jsonl")), qPrintable(error));
    QCOMPARE(controller.session()->size(), 2);
}

void TestLabSessionController::longRecordingStreamsIn()
{
    // A few MB of samples of a hundred sockets, from the lab's "ready" on.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.jsonl"));
    constexpr int kEvents = 8000;
    constexpr qint64 kReadyUs = 5'000'000;
    {
        core::Session recorded;
        core::JsonlRecorder recorder(&recorded);
        QString error;
        QVERIFY2(recorder.open(path, &error), qPrintable(error));
        core::Event ready;
        ready.kind = core::EventKind::Endpoint;
        ready.host = halfopen::core::Host::Lab;
        ready.what = QStringLiteral("ready");
        ready.tUs = kReadyUs;
        recorded.add(ready);
        for (int i = 1; i < kEvents; ++i) {
            core::Event e;
            e.kind = core::EventKind::Sample;
            e.tUs = kReadyUs + i * 10'000;
            e.host = i % 2 ? halfopen::core::Host::Client : halfopen::core::Host::Server;
            e.local = QStringLiteral("10.0.0.1:%1").arg(40000 + i % 100);
            e.remote = QStringLiteral("10.0.0.2:5000");
            core::TcpInfoSample sample;
            sample.state = core::TcpState::Established;
            sample.rtoUs = 204'000u << (i % 5);
            sample.backoff = quint8(i % 5);
            sample.timerKnown = true;
            sample.timer = core::TcpTimer::Retransmit;
            sample.timerExpiresMs = 100 + i % 700;
            e.sample = sample;
            recorded.add(e);
        }
    }
    QVERIFY(QFileInfo(path).size() > 2 * core::RecordingLoader::kDefaultFirstBytes);

    FakeLab lab;
    control::LabSessionController controller(&lab);
    QSignalSpy opened(&controller, &control::LabSessionController::recordingOpened);
    QString error;
    QVERIFY(controller.openRecording(path, &error));
    // The start is there at once, with its time zero; the rest streams in.
    QVERIFY(controller.isOpeningRecording());
    QVERIFY(controller.session()->size() > 0 && controller.session()->size() < kEvents);
    QCOMPARE(controller.session()->originUs(), kReadyUs);
    QCOMPARE(opened.size(), 0);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(!controller.isOpeningRecording());
    QCOMPARE(controller.session()->size(), kEvents);

    // Downstream it is the same as the whole file replayed at once.
    core::Session whole;
    models::TimelineModel timeline(&whole);
    models::SocketTableModel table(&whole);
    table.setRefreshMs(0);
    QVERIFY(core::replayJsonl(path, &whole).problems.isEmpty());
    timeline.flush();
    table.flush();
    controller.timeline()->flush();
    controller.socketTable()->flush();
    for (qsizetype i = 0; i < whole.size(); ++i)
        QCOMPARE(controller.session()->events().at(i).tUs, whole.events().at(i).tUs);
    QCOMPARE(controller.socketTable()->rowCount(), table.rowCount());
    QCOMPARE(controller.timeline()->seriesCount(), timeline.seriesCount());
    for (int i = 0; i < timeline.seriesCount(); ++i)
        QCOMPARE(controller.timeline()->series(i).points(), timeline.series(i).points());

    // A run started while a recording streams in stops the streaming: nothing of it mixes in.
    QVERIFY(controller.openRecording(path, &error));
    QVERIFY(controller.isOpeningRecording());
    controller.startFreeSession(lab::LabConfig::defaults());
    QVERIFY(!controller.isOpeningRecording());
    QTRY_COMPARE(controller.runState(), State::Running);
    QTest::qWait(200);
    QCOMPARE(controller.session()->size(), 2); // the run's `run` and the fake lab's one event
    QCOMPARE(opened.size(), 1);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
}

QTEST_GUILESS_MAIN(TestLabSessionController)
#include "tst_LabSessionController.moc"
