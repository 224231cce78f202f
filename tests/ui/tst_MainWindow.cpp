// The main window on the offscreen platform with the real virtual lab behind it: a user sets
// keepalive 2/1/3 on the client, starts a free lab session, powers the server off and reads
// the verdict; a bad scenario file is reported in the window, naming the field.

#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"
#include "models/ScenarioListModel.h"
#include "models/SocketTableModel.h"
#include "ui/AppSettings.h"
#include "ui/LabSessionController.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/PredictionPanel.h"
#include "ui/ScenarioPicker.h"
#include "ui/SessionFiles.h"
#include "ui/TopologyStrip.h"
#include "ui/VerdictPanel.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace halfopen;

namespace {

QString builtTool(const char *name)
{
    return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().filePath(QString::fromLatin1(name));
}

QList<models::ScenarioListModel::Entry> builtIns()
{
    QList<models::ScenarioListModel::Entry> entries;
    for (const QString &name : lab::ScenarioCatalog::builtInNames())
        entries.append({name, lab::ScenarioTexts::title(name), lab::ScenarioTexts::explanation(name), {}});
    return entries;
}

struct Window {
    explicit Window(const QString &supervisor = builtTool("halfopen-lab"))
        : lab(lab::LabProcess::Options{supervisor, QStringLiteral(HALFOPEN_CLI), capture(), {}})
    {
    }

    QString capture() const { return dir.filePath(QStringLiteral("cable.pcap")); }

    QTemporaryDir dir;
    ui::AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    lab::LabProcess lab;
    ui::LabSessionController controller{&lab, capture()};
    models::ScenarioListModel scenarios{builtIns()};
    ui::MainWindow window{&controller, &scenarios, &settings};

    template <typename T>
    T *find(const QString &name)
    {
        T *widget = window.findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }

    // The toolbar button of an action, as a user clicks it.
    QWidget *toolButton(const QString &actionName)
    {
        auto *action = find<QAction>(actionName);
        auto *bar = find<QToolBar>(QStringLiteral("sessionToolBar"));
        return action && bar ? bar->widgetForAction(action) : nullptr;
    }

    // State of the client's connection to the server in the socket table; Unknown when gone.
    core::TcpState clientSocketState()
    {
        models::SocketTableModel *table = controller.socketTable();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QModelIndex index = table->index(row, 0);
            const QString key = index.data(models::SocketTableModel::SocketKeyRole).toString();
            if (key.startsWith(QStringLiteral("client|")) && key.endsWith(QStringLiteral("|198.18.0.2:5000")))
                return core::TcpState(index.data(models::SocketTableModel::StateRole).toInt());
        }
        return core::TcpState::Unknown;
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keepaliveDetectsPoweredOffServer();
    void badScenarioFileIsReportedInTheWindow();
    void labThatCannotStartIsReportedInTheWindow();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::keepaliveDetectsPoweredOffServer()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));

    // The client's keepalive 2/1/3, typed into the settings panel.
    auto *keepalive = w.find<QGroupBox>(QStringLiteral("clientKeepalive"));
    QVERIFY(keepalive);
    keepalive->setChecked(true);
    w.find<QSpinBox>(QStringLiteral("clientKeepaliveIdle"))->setValue(2);
    w.find<QSpinBox>(QStringLiteral("clientKeepaliveInterval"))->setValue(1);
    w.find<QSpinBox>(QStringLiteral("clientKeepaliveCount"))->setValue(3);
    // The prediction follows the fields at once.
    auto *prediction = w.find<ui::PredictionPanel>(QStringLiteral("predictionPanel"));
    QVERIFY2(prediction->text().contains(QStringLiteral("TCP keepalive (ETIMEDOUT) 5.0 s")), qPrintable(prediction->text()));

    QTest::mouseClick(w.find<QRadioButton>(QStringLiteral("pickFreeSession")), Qt::LeftButton);
    const QString recording = w.dir.filePath(QStringLiteral("run.jsonl"));
    QVERIFY(w.window.files()->record(recording));
    QVERIFY(w.find<QAction>(QStringLiteral("recordAction"))->isChecked());
    QWidget *start = w.toolButton(QStringLiteral("startAction"));
    QVERIFY(start && start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);

    auto *powerOff = w.find<QToolButton>(QStringLiteral("serverPowerOffButton"));
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QTRY_VERIFY2_WITH_TIMEOUT(powerOff->isEnabled(), qPrintable(messages->text()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketState(), core::TcpState::Established, 10000);
    // Edits made now wait for the next Start, and the settings say so.
    auto *pending = w.find<QLabel>(QStringLiteral("settingsPending"));
    QVERIFY(pending->isVisibleTo(&w.window));
    QTest::mouseClick(powerOff, Qt::LeftButton);

    auto *topology = w.find<ui::TopologyStrip>(QStringLiteral("topologyStrip"));
    QTRY_VERIFY_WITH_TIMEOUT(topology->state().server.poweredOff, 5000);
    auto *verdict = w.find<ui::VerdictPanel>(QStringLiteral("verdictPanel"));
    // Keepalive: 2 s idle + 3 probes a second apart; the countdown shows the probes on the way.
    QTRY_VERIFY_WITH_TIMEOUT(verdict->countdown().contains(QStringLiteral("keepalive probe")), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(verdict->headline().contains(QStringLiteral("ETIMEDOUT"))
                                  && verdict->headline().contains(QStringLiteral("keepalive")),
                              qPrintable(verdict->headline()), 20000);
    QVERIFY(verdict->headline().startsWith(QStringLiteral("Client")));
    QTRY_VERIFY_WITH_TIMEOUT(w.clientSocketState() == core::TcpState::Closed || w.clientSocketState() == core::TcpState::Unknown,
                             10000);

    QTest::mouseClick(w.toolButton(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 10000);
    QVERIFY(!powerOff->isEnabled());
    QVERIFY(!pending->isVisibleTo(&w.window));
    // What was seen stays after the stop.
    QVERIFY(verdict->headline().contains(QStringLiteral("ETIMEDOUT")));
    QVERIFY(messages->text().isEmpty());

    // The recording replays into another window: the same verdict, the same picture.
    Window replay;
    QVERIFY(replay.window.files()->open(recording));
    QCOMPARE(replay.controller.session()->size(), w.controller.session()->size());
    QCOMPARE(replay.find<ui::VerdictPanel>(QStringLiteral("verdictPanel"))->headline(), verdict->headline());
    QVERIFY(replay.find<ui::TopologyStrip>(QStringLiteral("topologyStrip"))->state().server.poweredOff);
    const QString csv = w.dir.filePath(QStringLiteral("events.csv"));
    QVERIFY(replay.window.files()->exportCsv(csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), replay.controller.session()->size() + 1);
    // The cable's capture of the run, for Wireshark: the pcap header and the frames.
    const QString pcap = w.dir.filePath(QStringLiteral("export.pcap"));
    QVERIFY(!replay.window.files()->exportCaptureTo(pcap)); // the replay ran no lab
    QVERIFY(w.window.files()->exportCaptureTo(pcap));
    QVERIFY(QFileInfo(pcap).size() > 24 + 3 * 16);

    // Ending the recording unchecks Record.
    QVERIFY(w.controller.isRecording());
    w.controller.stopRecording();
    QVERIFY(!w.find<QAction>(QStringLiteral("recordAction"))->isChecked());
}

void TestMainWindow::badScenarioFileIsReportedInTheWindow()
{
    Window w;
    const QString path = w.dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "t", "explanation": "e", "lab": {"hosts": {"client": {"keepalive": {"idle_s": 0}}}},
                  "end": {"timeout_s": 5}, "expect": [{"id": "x", "no_error": true}]})");
    file.close();

    QVERIFY(!w.window.scenarioPicker()->openFile(path));
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QVERIFY2(messages->text().contains(QStringLiteral("broken.json")), qPrintable(messages->text()));
    // The field and its allowed range.
    QVERIFY2(messages->text().contains(QStringLiteral("keepalive idle")), qPrintable(messages->text()));
    QVERIFY2(messages->text().contains(QStringLiteral("between 1 and 32767")), qPrintable(messages->text()));
    // Nothing was started and the list did not grow.
    QCOMPARE(w.controller.runState(), ui::LabSessionController::RunState::Idle);
    QCOMPARE(w.scenarios.rowCount(), int(lab::ScenarioCatalog::builtInNames().size()));
}

void TestMainWindow::labThatCannotStartIsReportedInTheWindow()
{
    Window w(QStringLiteral("/nonexistent/halfopen-lab"));
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QTRY_VERIFY_WITH_TIMEOUT(messages->text().contains(QStringLiteral("/nonexistent/halfopen-lab")), 10000);
    QVERIFY2(messages->text().startsWith(QStringLiteral("The virtual lab failed")), qPrintable(messages->text()));
    // The window is ready for the next try.
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 10000);
    QVERIFY(w.toolButton(QStringLiteral("startAction"))->isEnabled());
    QVERIFY(!w.find<QToolButton>(QStringLiteral("serverPowerOffButton"))->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
