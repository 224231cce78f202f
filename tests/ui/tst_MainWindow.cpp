// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on the offscreen platform with the real virtual lab behind it: a user sets
// keepalive 2/1/3 on the client, starts a free lab session, powers the server off and reads
// the verdict; a user turns keepalive on while the session runs and sees it applied and acting;
// a bad scenario file is reported in the window, naming the field.

#include "core/session/Session.h"
#include "lab/Fault.h"
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
#include "ui/views/TimelineChart.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionGroupBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWheelEvent>

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

struct Window
{
    explicit Window(const QString &supervisor = builtTool("halfopen-lab"))
        : lab(lab::LabProcess::Options{supervisor, capture(), {}})
    { }

    QString capture() const { return dir.filePath(QStringLiteral("cable.pcap")); }

    QTemporaryDir dir;
    ui::AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    lab::LabProcess lab;
    ui::LabSessionController controller{&lab, capture()};
    models::ScenarioListModel scenarios{builtIns()};
    ui::MainWindow window{&controller, &scenarios, &settings};

    template<typename T> T *find(const QString &name)
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
        return row < 0
            ? core::TcpState::Unknown
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
    void wheelOverSettingsDoesNotChangeThem();
    void outOfRangeIsRefusedNotTruncated();
    void presentationModeForAClassroom();
    void badScenarioFileIsReportedInTheWindow();
    void labThatCannotStartIsReportedInTheWindow();
    void finishedIsClearedWhenANewRunStarts();
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
    QVERIFY2(prediction->text().contains(QStringLiteral("TCP keepalive (ETIMEDOUT) 5.0 s")),
             qPrintable(prediction->text()));

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
    QTRY_VERIFY_WITH_TIMEOUT(
        w.clientSocketState() == core::TcpState::Closed || w.clientSocketState() == core::TcpState::Unknown, 10000);

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
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketCell(models::SocketColumn::Keepalive).toString(), QStringLiteral("off"),
                              5000);

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
    const QRect check
        = keepalive->style()->subControlRect(QStyle::CC_GroupBox, &box, QStyle::SC_GroupBoxCheckBox, keepalive);
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
    QTRY_VERIFY_WITH_TIMEOUT(
        w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"))
            && w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"))
                   ->detail.value(QStringLiteral("live"))
                   .toBool(),
        5000);
    const core::Event options = *w.last(QStringLiteral("client"), core::EventKind::Endpoint, QStringLiteral("options"));
    QCOMPARE(core::SocketOptions::fromJson(options.detail.value(QStringLiteral("applied")).toObject()).keepalive,
             wanted);
    QVERIFY(!options.detail.contains(QStringLiteral("failed")));
    // ... in the table, the timeline, and the prediction.
    QTRY_COMPARE_WITH_TIMEOUT(w.clientSocketCell(models::SocketColumn::Keepalive).toString(),
                              QStringLiteral("2 s idle, 3 × 1 s"), 3000);
    QVERIFY(w.clientSocketCell(models::SocketColumn::Keepalive, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("TCP_KEEPCNT 3")));
    const QList<models::TimelineMarker> markers = w.controller.timeline()->optionsMarkers();
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0).host, QStringLiteral("client"));
    QVERIFY2(markers.at(0).label.contains(QStringLiteral("2 s idle, 3 × 1 s")), qPrintable(markers.at(0).label));
    auto *prediction = w.find<ui::PredictionPanel>(QStringLiteral("predictionPanel"));
    QVERIFY(w.find<QLabel>(QStringLiteral("predictionSource"))->isVisibleTo(&w.window));
    QVERIFY2(prediction->text().contains(QStringLiteral("TCP keepalive (ETIMEDOUT) 5.0 s")),
             qPrintable(prediction->text()));

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
    QTRY_VERIFY2_WITH_TIMEOUT(verdict->headline().contains(QStringLiteral("ETIMEDOUT")),
                              qPrintable(verdict->headline()), 5000);
    QVERIFY(messages->text().isEmpty());

    // What cannot apply to a host that is off is disabled; asked anyway, the lab refuses it
    // with the reason and nothing is drawn.
    QVERIFY(!powerOff->isEnabled());
    QVERIFY(!w.find<QToolButton>(QStringLiteral("serverKillButton"))->isEnabled());
    QVERIFY(!w.find<QToolButton>(QStringLiteral("serverThawButton"))->isEnabled());
    QVERIFY(w.find<QToolButton>(QStringLiteral("serverPowerOnButton"))->isEnabled());
    QVERIFY(!w.find<QToolButton>(QStringLiteral("clientPowerOnButton"))->isEnabled());
    QVERIFY(!w.find<QToolButton>(QStringLiteral("clientThawButton"))->isEnabled());
    const auto faultCount = [&w] {
        return std::count_if(w.controller.session()->events().cbegin(), w.controller.session()->events().cend(),
                             [](const core::Event &e) { return e.kind == core::EventKind::Fault; });
    };
    const auto faultsBefore = faultCount();
    const int markersBefore = int(w.controller.timeline()->faultMarkers().size());
    lab::Fault again;
    again.kind = lab::FaultKind::PowerOff;
    again.host = QStringLiteral("server");
    w.controller.apply(again);
    QTRY_VERIFY2_WITH_TIMEOUT(messages->text().contains(QStringLiteral("already powered off")),
                              qPrintable(messages->text()), 5000);
    lab::Fault on;
    on.kind = lab::FaultKind::PowerOn;
    on.host = QStringLiteral("client");
    w.controller.apply(on);
    QTRY_VERIFY2_WITH_TIMEOUT(messages->text().contains(QStringLiteral("client is already on")),
                              qPrintable(messages->text()), 5000);
    QCOMPARE(faultCount(), faultsBefore);
    QCOMPARE(int(w.controller.timeline()->faultMarkers().size()), markersBefore);

    QTest::mouseClick(w.toolButton(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 10000);
    QVERIFY(!w.find<QLabel>(QStringLiteral("clientLiveNote"))->isVisibleTo(&w.window));
}

void TestMainWindow::outOfRangeIsRefusedNotTruncated()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.find<QGroupBox>(QStringLiteral("clientKeepalive"))->setChecked(true);
    auto *idle = w.find<QSpinBox>(QStringLiteral("clientKeepaliveIdle"));
    // 99999999 stays what was typed (not 9999, though 32767 is allowed)...
    Window::type(idle, QStringLiteral("99999999"));
    QVERIFY2(idle->cleanText() == QStringLiteral("99999999"), qPrintable(idle->cleanText()));
    // ...and Start refuses it, naming the field and the range; nothing starts.
    QTest::mouseClick(w.find<QRadioButton>(QStringLiteral("pickFreeSession")), Qt::LeftButton);
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QVERIFY2(messages->text().contains(
                 QStringLiteral("Idle before first probe cannot be “99999999 s”: allowed 1 to 32767 s")),
             qPrintable(messages->text()));
    QCOMPARE(w.controller.runState(), ui::LabSessionController::RunState::Idle);
    // Fixed, the message goes.
    Window::type(idle, QStringLiteral("32767"));
    QTRY_VERIFY2(messages->text().isEmpty(), qPrintable(messages->text()));

    // A scenario picked, then Free lab: the verdict panel introduces the free session at once.
    QVERIFY(w.window.scenarioPicker()->selectScenario(QStringLiteral("keepalive-detects-powered-off-peer")));
    auto *title = w.find<QLabel>(QStringLiteral("verdictTitle"));
    QCOMPARE(title->text(), lab::ScenarioTexts::title(QStringLiteral("keepalive-detects-powered-off-peer")));
    QTest::mouseClick(w.find<QRadioButton>(QStringLiteral("pickFreeSession")), Qt::LeftButton);
    QCOMPARE(title->text(), QStringLiteral("Free lab session"));
    QVERIFY(w.find<QLabel>(QStringLiteral("verdictExplanation"))
                ->text()
                .contains(QStringLiteral("nothing happens on its own")));
}

void TestMainWindow::presentationModeForAClassroom()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    auto *presentation = w.find<QAction>(QStringLiteral("presentationAction"));
    QCOMPARE(presentation->shortcut(), QKeySequence(Qt::Key_F11));
    auto *settingsDock = w.find<QDockWidget>(QStringLiteral("settingsDock"));
    auto *timeline = w.find<ui::TimelineChart>(QStringLiteral("timelineChart"));
    auto *headline = w.find<QLabel>(QStringLiteral("verdictHeadline"));
    QVERIFY(settingsDock->isVisible());
    const auto axisPoints
        = [timeline] { return timeline->laneChart()->axes(Qt::Vertical).first()->labelsFont().pointSizeF(); };
    const double axisBefore = axisPoints();
    const double headlineBefore = headline->font().pointSizeF();

    // F11: the side panels go, the text of the timeline and the verdict grows.
    presentation->trigger();
    QVERIFY(w.window.isPresentation());
    QVERIFY(!settingsDock->isVisible());
    QVERIFY(!w.find<QDockWidget>(QStringLiteral("scenarioDock"))->isVisible());
    QVERIFY(timeline->textScale() >= 1.5);
    QVERIFY2(axisPoints() >= axisBefore * 1.4, qPrintable(QString::number(axisPoints())));
    QVERIFY(headline->font().pointSizeF() >= headlineBefore * 1.4);
    // Ctrl+plus: larger still, the timeline with it.
    const double axisPresenting = axisPoints();
    w.find<QAction>(QStringLiteral("largerTextAction"))->trigger();
    QVERIFY(axisPoints() > axisPresenting);
    QCOMPARE(w.find<QAction>(QStringLiteral("largerTextAction"))->shortcut(), QKeySequence(QKeySequence::ZoomIn));

    // F11 again: the layout and the text size as they were.
    presentation->trigger();
    QVERIFY(!w.window.isPresentation());
    QTRY_VERIFY(settingsDock->isVisible());
    QCOMPARE(timeline->textScale(), 1.0);
    QCOMPARE(axisPoints(), axisBefore);
}

void TestMainWindow::wheelOverSettingsDoesNotChangeThem()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    auto *synRetries = w.find<QSpinBox>(QStringLiteral("clientSynRetries"));
    QVERIFY(synRetries && synRetries->isVisible());
    const int before = synRetries->value();
    const auto wheel = [synRetries](int steps) {
        const QPointF at = QPointF(synRetries->rect().center());
        QWheelEvent event(at, synRetries->mapToGlobal(at), QPoint(), QPoint(0, -120 * steps), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(synRetries, &event);
    };
    // Scrolling down the panel past the field: the value stays.
    w.window.activateWindow();
    synRetries->clearFocus();
    QVERIFY(!synRetries->hasFocus());
    wheel(3);
    QCOMPARE(synRetries->value(), before);
    QVERIFY(!synRetries->hasFocus()); // the wheel does not give it the focus either
    QCOMPARE(synRetries->focusPolicy(), Qt::StrongFocus);
    // Clicked into, it takes the wheel as a spin box does.
    synRetries->setFocus();
    QTRY_VERIFY(synRetries->hasFocus());
    wheel(1);
    QCOMPARE(synRetries->value(), before - 1);
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
    QVERIFY(
        w.find<QLabel>(QStringLiteral("verdictMeaning"))->text().contains(QStringLiteral("/nonexistent/halfopen-lab")));
}

// A scenario that ends by itself leaves "Finished: …" in the status bar; the next Start takes it
// away, so the bar never says "Finished" beside "Starting the lab…" or "Running".
void TestMainWindow::finishedIsClearedWhenANewRunStarts()
{
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QStatusBar *bar = w.window.statusBar();
    // The status bar's message at every change of the run's state, after the window's own handling.
    QStringList messageAt;
    connect(&w.controller, &ui::LabSessionController::runStateChanged, this,
            [&](ui::LabSessionController::RunState state) {
                messageAt << QStringLiteral("%1: %2").arg(int(state)).arg(bar->currentMessage());
            });
    // Refused at once by the server's kernel: the scenario ends as soon as it is judged.
    QVERIFY(w.window.scenarioPicker()->selectScenario(QStringLiteral("connect-to-closed-port")));
    const QString finished
        = QStringLiteral("Finished: %1").arg(lab::ScenarioTexts::title(QStringLiteral("connect-to-closed-port")));
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(bar->currentMessage(), finished, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 10000);
    QCOMPARE(bar->currentMessage(), finished); // still there while nothing runs

    messageAt.clear();
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!messageAt.isEmpty(), 10000);
    QCOMPARE(messageAt.first(), QStringLiteral("%1: ").arg(int(ui::LabSessionController::RunState::Starting)));
    // The second run finishes too, and says so again.
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), ui::LabSessionController::RunState::Idle, 30000);
    for (const QString &at : std::as_const(messageAt)) {
        if (!at.startsWith(QStringLiteral("%1:").arg(int(ui::LabSessionController::RunState::Idle))))
            QVERIFY2(!at.contains(QStringLiteral("Finished")), qPrintable(messageAt.join(QLatin1Char('\n'))));
    }
    QTRY_COMPARE_WITH_TIMEOUT(bar->currentMessage(), finished, 10000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
