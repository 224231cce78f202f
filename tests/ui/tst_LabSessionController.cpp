// LabSessionController with a stand-in lab: run states, faults passed on only while running,
// a free session's shape, one session per recording, and a recording that cannot be read
// leaving the session as it was.

#include "core/session/Session.h"
#include "lab/LabDriver.h"
#include "ui/LabSessionController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;
using State = ui::LabSessionController::RunState;

namespace {

// Answers start() with ready() and stop() with stopped(), and remembers the faults.
class FakeLab : public lab::LabDriver
{
public:
    void start(const lab::LabConfig &config) override
    {
        started = config;
        QMetaObject::invokeMethod(this, [this] {
            core::Event e;
            e.kind = core::EventKind::Endpoint;
            e.host = QStringLiteral("client");
            e.what = QStringLiteral("connected");
            e.tUs = 1'000'000;
            emit event(e);
            emit ready();
        }, Qt::QueuedConnection);
    }
    void apply(const lab::Fault &fault) override { faults.append(fault); }
    void setSocketOptions(const QString &host, const core::SocketOptions &options) override { optionsSet.append({host, options}); }
    void stop() override { QMetaObject::invokeMethod(this, &LabDriver::stopped, Qt::QueuedConnection); }

    lab::LabConfig started;
    QList<lab::Fault> faults;
    QList<QPair<QString, core::SocketOptions>> optionsSet;
};

lab::Fault powerOff()
{
    lab::Fault f;
    f.kind = lab::FaultKind::PowerOff;
    f.host = QStringLiteral("server");
    return f;
}

} // namespace

class TestLabSessionController : public QObject
{
    Q_OBJECT
private slots:
    void freeSessionRunsUntilStopped();
    void aRecordingHoldsOneSession();
    void unreadableRecordingKeepsTheSession();
};

void TestLabSessionController::freeSessionRunsUntilStopped()
{
    FakeLab lab;
    ui::LabSessionController controller(&lab);
    QSignalSpy states(&controller, &ui::LabSessionController::runStateChanged);

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
    QCOMPARE(controller.session()->size(), 1);

    controller.apply(powerOff());
    QCOMPARE(lab.faults.size(), 1);
    QCOMPARE(lab.faults.at(0).kind, lab::FaultKind::PowerOff);

    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
    QCOMPARE(states.size(), 4); // starting, running, stopping, idle
    QCOMPARE(controller.session()->size(), 1); // what was seen stays
}

void TestLabSessionController::aRecordingHoldsOneSession()
{
    QTemporaryDir dir;
    FakeLab lab;
    ui::LabSessionController controller(&lab);
    QSignalSpy ended(&controller, &ui::LabSessionController::recordingEnded);
    const QString path = dir.filePath(QStringLiteral("run.jsonl"));

    // Armed before the first run: the run goes into it.
    QString error;
    QVERIFY(controller.startRecording(path, &error));
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
    QVERIFY(controller.isRecording());
    QCOMPARE(ended.size(), 0);

    // The next run would mix two sessions in one file: the recording ends instead.
    controller.startFreeSession(lab::LabConfig::defaults());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), path);
    QVERIFY(!controller.isRecording());
    QTRY_COMPARE(controller.runState(), State::Running);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);

    QStringList problems;
    QVERIFY(controller.openRecording(path, &error, &problems));
    QVERIFY(problems.isEmpty());
    QCOMPARE(controller.session()->size(), 1);
}

void TestLabSessionController::unreadableRecordingKeepsTheSession()
{
    FakeLab lab;
    ui::LabSessionController controller(&lab);
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);

    QString error;
    QStringList problems;
    QVERIFY(!controller.openRecording(QStringLiteral("/nonexistent/run.jsonl"), &error, &problems));
    QVERIFY(error.contains(QStringLiteral("Stop the running session")));
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);

    QVERIFY(!controller.openRecording(QStringLiteral("/nonexistent/run.jsonl"), &error, &problems));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/run.jsonl")), qPrintable(error));
    QCOMPARE(controller.session()->size(), 1);
}

QTEST_GUILESS_MAIN(TestLabSessionController)
#include "tst_LabSessionController.moc"
