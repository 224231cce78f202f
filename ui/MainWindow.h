// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace halfopen::models {
class ScenarioListModel;
}

namespace halfopen::control {
class LabSessionController;
}

namespace halfopen::ui {

class AppSettings;
class ConnectionsAuditView;
class EventLogDock;
class FaultBar;
using control::LabSessionController;
class LabSettingsPanel;
class MessageBar;
class PredictionPanel;
class ScenarioPicker;
class SessionFiles;
class SocketTableView;
class TimelineChart;
class TopologyStrip;
class VerdictPanel;

// The window: assembles the panels around the controller and wires them together. Each panel
// does its own job; this class only places them, connects them and remembers the layout.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(LabSessionController *controller, models::ScenarioListModel *scenarios, AppSettings *settings,
               QWidget *parent = nullptr);

    ScenarioPicker *scenarioPicker() const { return m_picker; }
    SessionFiles *files() const { return m_files; }

    // Start as the Start button does: the picked scenario or a free session, with the
    // settings on the left. Refuses (with a message) settings the lab would not accept.
    void start();
    // Lab or real network for the next Start, as the "Where the peer is" box chooses it.
    void setRealNetworkMode(bool real);
    // Presentation mode (View menu, F11): the side panels and the event log hidden, the timeline
    // and the verdict large, full screen; off, the layout as it was.
    void setPresentation(bool on);
    bool isPresentation() const { return m_presenting; }
    // The central views' text size (Ctrl+plus/minus, Ctrl+0): 1 is the desktop's font.
    void setTextScale(double scale);
    double textScale() const { return m_textScale; }
    // Switches to "This machine's connections" (the audit), as choosing it under "Where the
    // peer is" does.
    void showMachineAudit();
    ConnectionsAuditView *auditView() const { return m_audit; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildCentral();
    void buildDocks();
    void buildActions();
    void onRunStateChanged();
    void onSettingsChanged();
    void onModeChanged();
    void startRealNetwork();
    void showProblem(const QString &message);
    // What Start would refuse in the settings now, each naming the field and what it allows.
    QStringList settingsProblems() const;

    LabSessionController *m_controller;
    AppSettings *m_settings;
    SessionFiles *m_files = nullptr;
    SocketTableView *m_table = nullptr;
    TimelineChart *m_timeline = nullptr;
    MessageBar *m_messages = nullptr;
    TopologyStrip *m_topology = nullptr;
    FaultBar *m_faults = nullptr;
    VerdictPanel *m_verdict = nullptr;
    PredictionPanel *m_prediction = nullptr;
    LabSettingsPanel *m_labSettings = nullptr;
    ScenarioPicker *m_picker = nullptr;
    EventLogDock *m_eventLog = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_record = nullptr;
    QAction *m_open = nullptr;
    QLabel *m_status = nullptr;
    bool m_settingsProblemShown = false;
    bool m_presenting = false;
    double m_textScale = 1.0;
    double m_textScaleBefore = 1.0;        // outside presentation mode
    QList<QDockWidget *> m_hiddenForAudit; // lab docks put away in the connections mode
    QByteArray m_layoutBefore;             // the docks before presentation mode
    QAction *m_presentation = nullptr;
    QWidget *m_central = nullptr;
    QSplitter *m_views = nullptr;      // the message bar holds Start's refusal of the settings
    QStackedWidget *m_pages = nullptr; // the lab's views, or the audit of this machine
    ConnectionsAuditView *m_audit = nullptr;
};

} // namespace halfopen::ui
