#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QStackedWidget;

namespace halfopen::models {
class ScenarioListModel;
}

namespace halfopen::ui {

class AppSettings;
class ConnectionsAuditView;
class EventLogDock;
class FaultBar;
class LabSessionController;
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
    QStackedWidget *m_pages = nullptr;           // the lab's views, or the audit of this machine
    ConnectionsAuditView *m_audit = nullptr;
};

} // namespace halfopen::ui
