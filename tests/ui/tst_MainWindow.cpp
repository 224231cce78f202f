// The main window on the offscreen platform with the real virtual lab behind it: a user sets
// keepalive 2/1/3 on the client, starts a free lab session, powers the server off and reads
// the verdict; a user turns keepalive on while the session runs and sees it applied and acting;
// a bad scenario file is reported in the window, naming the field.

#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"
#include "models/ScenarioListModel.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"
#include "ui/AppSettings.h"
#include "ui/HostSettingsPanel.h"
#include "ui/LabSessionController.h"
#include "ui/LabSettingsPanel.h"
#include "ui/LiveSettingGroup.h"
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
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleOptionGroupBox>
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
        : lab(lab::LabProcess::Options{supervisor, capture(), {}})
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

    // Row of the client's connection to the server in the socket table; -1 when gone.
    int clientSocketRow()
    {
        models::SocketTableModel *table = controller.socketTable();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString key = table->index(row, 0).data(models::SocketTableModel::SocketKeyRole).toString();
            if (key.startsWith(QStringLiteral("client|")) && key.endsWith(QStringLiteral("|198.18.0.2:5000")))
                return row;
        }
        return -1;
    }

    // State of the client's connection to the server in the socket table; Unknown when gone.
    core::TcpState clientSocketState()
    {
        const int row = clientSocketRow();
        return row < 0 ? core::TcpState::Unknown
                       : core::TcpState(controller.socketTable()->index(row, 0).data(models::SocketTableModel::StateRole).toInt());
    }

    // A cell of the client's connection in the socket table.
    QVariant clientSocketCell(models::SocketColumn column, int role = Qt::DisplayRole)
    {
        const int row = clientSocketRow();
        return row < 0 ? QVariant() : controller.socketTable()->index(row, int(column)).data(role);
    }

    // The latest event of a host with this `what` (endpoint) or kind, or nullptr.
    const core::Event *last(const QString &host, core::EventKind kind, const QString &what = {})
    {
        const QList<core::Event> &events = controller.session()->events();
        for (auto it = events.crbegin(); it != events.crend(); ++it) {
            if (it->host == host && it->kind == kind && (what.isEmpty() || it->what == what))
                return &*it;
        }
        return nullptr;
    }

    // Types into a spin box as a user does: the old text selected, the new one typed over it.
    static void type(QAbstractSpinBox *box, const QString &text)
    {
        box->setFocus();
        box->selectAll();
        if (text.isEmpty())
            QTest::keyClick(box, Qt::Key_Backspace);
        else
            QTest::keyClicks(box, text);
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keepaliveDetectsPoweredOffServer();
    void keepaliveTurnedOnWhileRunning();
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

void TestMainWindow::keepaliveTurnedOnWhileRunning()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    auto *keepalive = w.find<QGroupBox>(QStringLiteral("clientKeepalive"));
    QVERIFY(!keepalive->isChecked()); // Linux's default: the idle connection is never probed

    QTest::mouseClick(w.find<QRadioButton>(QStringLiteral("pickFreeSession")), Qt::LeftButton);
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    auto *powerOff = w.find<QToolButton>(QStringLiteral("serverPowerOffButton"));
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QTRY_VERIFY2_WITH_TIMEOUT(powerOff->isEnabled(), qPrintable(messages->text()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketState(), core::TcpState::Established, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketCell(models::SocketColumn::Keepalive).toString(), QStringLiteral("off"), 5000);

    // The settings say what applies at once and what waits for the next Start.
    QVERIFY(w.find<QLabel>(QStringLiteral("clientLiveNote"))->isVisibleTo(&w.window));
    QVERIFY(w.find<QLabel>(QStringLiteral("clientKernelNote"))->isVisibleTo(&w.window));
    QVERIFY(w.find<QLabel>(QStringLiteral("clientKernelNote"))->text().contains(QStringLiteral("next Start")));

    // Keepalive 2/1/3 typed into the client's fields. The typing is one change: "12" typed and
    // corrected to "2" sends nothing of 1 or 12.
    auto *settings = w.window.findChild<ui::LabSettingsPanel *>();
    QSignalSpy edited(settings, &ui::LabSettingsPanel::socketOptionsEdited);
    QStyleOptionGroupBox box;
    box.initFrom(keepalive);
    box.subControls = QStyle::SC_GroupBoxCheckBox | QStyle::SC_GroupBoxLabel;
    box.text = keepalive->title();
    box.features = QStyleOptionFrame::None;
    const QRect check = keepalive->style()->subControlRect(QStyle::CC_GroupBox, &box, QStyle::SC_GroupBoxCheckBox, keepalive);
    QTest::mouseClick(keepalive, Qt::LeftButton, {}, check.center());
    QVERIFY(keepalive->isChecked());
    auto *idle = w.find<QSpinBox>(QStringLiteral("clientKeepaliveIdle"));
    auto *interval = w.find<QSpinBox>(QStringLiteral("clientKeepaliveInterval"));
    auto *count = w.find<QSpinBox>(QStringLiteral("clientKeepaliveCount"));
    Window::type(idle, QStringLiteral("12"));
    Window::type(idle, QStringLiteral("2"));
    Window::type(interval, QStringLiteral("1"));
    // An emptied field is not sent, and the settings say which field and what it takes.
    Window::type(count, QString());
    auto *problem = w.find<QLabel>(QStringLiteral("clientOptionsProblem"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisibleTo(&w.window), 3000);
    QVERIFY2(problem->text().contains(QStringLiteral("Probes")) && problem->text().contains(QStringLiteral("1 to 127")),
             qPrintable(problem->text()));
    QCOMPARE(edited.size(), 0);
    Window::type(count, QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(edited.size(), 1, 3000);
    QVERIFY(!problem->isVisibleTo(&w.window));
    QCOMPARE(edited.at(0).at(0).toString(), QStringLiteral("client"));
    const core::KeepaliveSettings wanted{true, 2, 1, 3};
    QCOMPARE(edited.at(0).at(1).value<core::SocketOptions>().keepalive, wanted);

    // (a) The client's endpoint set them on its live connection and reports what the kernel has.
    QTRY_VERIFY_WITH_TIMEOUT(w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"))
                                 && w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"))
                                        ->detail.value(QStringLiteral("live")).toBool(),
                             5000);
    const core::Event options = *w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"));
    QCOMPARE(core::SocketOptions::fromJson(options.detail.value(QStringLiteral("applied")).toObject()).keepalive, wanted);
    QVERIFY(!options.detail.contains(QStringLiteral("failed")));
    // ... in the table, the timeline, and the prediction.
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketCell(models::SocketColumn::Keepalive).toString(), QStringLiteral("2 s idle, 3 × 1 s"), 3000);
    QVERIFY(w.clientSocketCell(models::SocketColumn::Keepalive, Qt::ToolTipRole).toString().contains(QStringLiteral("TCP_KEEPCNT 3")));
    const QList<models::TimelineMarker> markers = w.controller.timeline()->optionsMarkers();
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0).host, QStringLiteral("client"));
    QVERIFY2(markers.at(0).label.contains(QStringLiteral("2 s idle, 3 × 1 s")), qPrintable(markers.at(0).label));
    auto *prediction = w.find<ui::PredictionPanel>(QStringLiteral("predictionPanel"));
    QVERIFY(w.find<QLabel>(QStringLiteral("predictionSource"))->isVisibleTo(&w.window));
    QVERIFY2(prediction->text().contains(QStringLiteral("TCP keepalive (ETIMEDOUT) 5.0 s")), qPrintable(prediction->text()));

    // (b) They act: the powered-off server is found by keepalive, idle + 3 probes 1 s apart =
    // 5 s after the last packet received (± the timer's slack and a probe's round trip).
    QTest::mouseClick(powerOff, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.last(QStringLiteral("client"), core::EventKind::Error), 15000);
    const core::Event *death = w.last(QStringLiteral("client"), core::EventKind::Error);
    QCOMPARE(death->errnoValue, ETIMEDOUT);
    QCOMPARE(death->mechanism, core::DetectionMechanism::Keepalive);
    const double sinceRx = death->detail.value(QStringLiteral("since_last_received_ms")).toDouble() / 1000;
    qInfo("keepalive detection %.3f s after the last packet received", sinceRx);
    QVERIFY2(sinceRx >= 4.5 && sinceRx <= 6.5, qPrintable(QString::number(sinceRx)));
    auto *verdict = w.find<ui::VerdictPanel>(QStringLiteral("verdictPanel"));
    QTRY_VERIFY2_WITH_TIMEOUT(verdict->headline().contains(QStringLiteral("ETIMEDOUT")), qPrintable(verdict->headline()), 5000);
    QVERIFY(messages->text().isEmpty());

    QTest::mouseClick(w.toolButton(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 10000);
    QVERIFY(!w.find<QLabel>(QStringLiteral("clientLiveNote"))->isVisibleTo(&w.window));
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
    QVERIFY2(messages->text().contains(QStringLiteral("keepalive.idle_s")), qPrintable(messages->text()));
    QVERIFY2(messages->text().contains(QStringLiteral("from 1 to 32767")), qPrintable(messages->text()));
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
    // Nothing pretends it ran: the hosts are not running, the verdict says nothing was measured.
    auto *topology = w.find<ui::TopologyStrip>(QStringLiteral("topologyStrip"));
    QCOMPARE(topology->state().lab, ui::TopologyState::Lab::Failed);
    QVERIFY(topology->state().labError.contains(QStringLiteral("/nonexistent/halfopen-lab")));
    auto *verdict = w.find<ui::VerdictPanel>(QStringLiteral("verdictPanel"));
    QVERIFY2(verdict->headline().contains(QStringLiteral("nothing was measured")), qPrintable(verdict->headline()));
    QVERIFY(w.find<QLabel>(QStringLiteral("verdictMeaning"))->text().contains(QStringLiteral("/nonexistent/halfopen-lab")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
