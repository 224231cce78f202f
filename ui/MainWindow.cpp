// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "audit/AuditMonitor.h"
#include "control/LabSessionController.h"
#include "models/ScenarioListModel.h"
#include "realnet/HostTcpSettings.h"
#include "ui/AppSettings.h"
#include "ui/ConnectionsAuditView.h"
#include "ui/EventLogDock.h"
#include "ui/FaultBar.h"
#include "ui/LabSettingsPanel.h"
#include "ui/LanguageMenu.h"
#include "ui/MessageBar.h"
#include "ui/PredictionPanel.h"
#include "ui/ScenarioPicker.h"
#include "ui/SessionFiles.h"
#include "ui/SettingField.h"
#include "ui/TopologyStrip.h"
#include "ui/VerdictPanel.h"
#include "ui/WheelGuard.h"
#include "ui/views/SocketTableView.h"
#include "ui/views/ThemeColors.h"
#include "ui/views/TimelineChart.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFont>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace halfopen::ui {

using State = LabSessionController::RunState;

namespace {
// Screen lines (available) below which the event log starts as a tab beside the settings.
constexpr int kRoomForLogBelowViews = 900;
} // namespace

namespace {

// This machine's TCP sysctls and, for a client, the neighbour the route to the peer depends on
// (on-link with dynamic ARP or not); the assumption is listed with the values.
QMap<QString, QString> hostKernel(const realnet::RealNetworkConfig &network, QStringList *problems)
{
    QMap<QString, QString> kernel = realnet::HostTcpSettings().read(problems);
    if (network.role == realnet::RealNetworkConfig::Role::Client) {
        bool dynamicArp = false;
        QString assumption;
        kernel.insert(realnet::HostTcpSettings::neighbourFor(network.peerAddress, &dynamicArp, &assumption));
        *problems << assumption;
    }
    return kernel;
}

} // namespace

MainWindow::MainWindow(LabSessionController *controller, models::ScenarioListModel *scenarios, AppSettings *settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("HalfOpen"));
    m_picker = new ScenarioPicker(scenarios, settings, this);
    setCentralWidget(buildCentral());
    m_files = new SessionFiles(controller, settings, m_timeline, this);
    buildDocks();
    buildActions();

    connect(controller, &LabSessionController::runStateChanged, this, &MainWindow::onRunStateChanged);
    connect(controller, &LabSessionController::sessionStarted, m_verdict, &VerdictPanel::setScenario);
    connect(controller, &LabSessionController::evaluated, m_verdict, &VerdictPanel::setOutcome);
    // A lab whose process never ran sent no event saying so: the strip hears it here.
    connect(controller, &LabSessionController::evaluated, m_topology, [this](const lab::ScenarioOutcome &outcome) {
        if (outcome.ending == lab::ScenarioOutcome::Ending::LabFailed)
            m_topology->setLabFailed(outcome.error);
    });
    connect(controller, &LabSessionController::problem, this, &MainWindow::showProblem);
    connect(controller, &LabSessionController::finished, this, [this] {
        const bool failed = m_controller->outcome().ending == lab::ScenarioOutcome::Ending::LabFailed;
        statusBar()->showMessage((failed ? tr("Failed: %1") : tr("Finished: %1")).arg(m_controller->scenario().title),
                                 10000);
    });
    connect(controller, &LabSessionController::recordingEnded, this, [this](const QString &path) {
        m_record->setChecked(false);
        statusBar()->showMessage(tr("Recording saved: %1").arg(QDir::toNativeSeparators(path)), 10000);
    });
    connect(m_faults, &FaultBar::faultRequested, controller, &LabSessionController::apply);
    connect(m_faults, &FaultBar::problem, this, &MainWindow::showProblem);
    connect(m_topology, &TopologyStrip::stateChanged, m_faults, &FaultBar::setWorld);
    // While a run is under way, socket options and the cable's impairments apply at once.
    connect(m_labSettings, &LabSettingsPanel::socketOptionsEdited, controller, &LabSessionController::setSocketOptions);
    connect(m_labSettings, &LabSettingsPanel::cableFaultEdited, controller, &LabSessionController::apply);
    connect(controller, &LabSessionController::optionsApplied, m_prediction, &PredictionPanel::setAppliedOptions);
    connect(m_labSettings, &LabSettingsPanel::changed, this, &MainWindow::onSettingsChanged);
    connect(m_picker, &ScenarioPicker::problem, this, &MainWindow::showProblem);
    connect(m_picker, &ScenarioPicker::scenarioChosen, this, [this](const lab::Scenario &scenario) {
        m_labSettings->setConfig(scenario.lab);
        m_prediction->setConfig(scenario.lab);
        m_settings->setLastScenario(scenario.name);
        if (!m_controller->isBusy())
            m_verdict->setScenario(scenario);
    });
    connect(m_picker, &ScenarioPicker::freeSessionChosen, this, [this] {
        if (!m_controller->isBusy())
            m_verdict->setScenario(LabSessionController::freeSession(m_labSettings->config()));
    });
    connect(m_files, &SessionFiles::problem, this, &MainWindow::showProblem);
    // A recording opened shows what it was made with: its scenario's title and explanation, and
    // the settings of both hosts and the cable on the left (the prediction follows them).
    connect(controller, &LabSessionController::recordingOpened, this, [this] {
        m_verdict->setScenario(m_controller->scenario());
        if (const auto &run = m_controller->recordedRun()) {
            m_labSettings->setConfig(run->config);
            onSettingsChanged();
        }
    });
    // A new run or recording: what was said of the last one (a recording cut, damaged lines) goes.
    connect(controller, &LabSessionController::sessionStarted, this, [this] { m_messages->hide(); });
    connect(m_files, &SessionFiles::done, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // The lab's news that needs no action (the capture dropped its oldest frames): the status bar.
    connect(controller, &LabSessionController::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_files, &SessionFiles::recordingChanged, m_record, &QAction::setChecked);

    // The last scenario picked, then the settings as they were left (they may differ from it).
    if (!settings->lastScenario().isEmpty())
        m_picker->selectScenario(settings->lastScenario());
    m_labSettings->setConfig(settings->labConfig());
    m_labSettings->setCaptureLimitMb(settings->captureLimitMb());
    m_labSettings->setRealNetworkAvailable(controller->hasRealNetwork());
    m_labSettings->setNetwork(settings->realNetwork());
    m_labSettings->setRealNetwork(settings->realNetworkMode());
    if (settings->machineAuditMode())
        m_labSettings->setMachineAudit(true);
    connect(m_labSettings, &LabSettingsPanel::modeChanged, this, &MainWindow::onModeChanged);
    onModeChanged();
    // First run: most of the screen; afterwards wherever the user left it.
    if (!restoreGeometry(settings->windowGeometry()) && screen())
        resize(screen()->availableSize() * 0.95);
    restoreState(settings->windowState());
    m_table->restoreHeaderState(settings->socketTableHeader());
    m_table->setTimeWaitShown(settings->socketTableShowsTimeWait());
    connect(m_table, &SocketTableView::timeWaitShownChanged, this,
            [this](bool shown) { m_settings->setSocketTableShowsTimeWait(shown); });
    onRunStateChanged();
}

QWidget *MainWindow::buildCentral()
{
    m_messages = new MessageBar(this);
    m_topology = new TopologyStrip(m_controller->session(), this);
    m_faults = new FaultBar(this);
    m_verdict = new VerdictPanel(m_controller->session(), this);

    // Long explanations scroll rather than push the views away; the verdict is what the window
    // is for, so it is never squeezed below a few lines.
    auto *top = new QScrollArea(this);
    top->setObjectName(QStringLiteral("verdictArea"));
    top->setWidget(m_verdict);
    top->setWidgetResizable(true);
    top->setFrameShape(QFrame::NoFrame);
    top->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    top->setMinimumHeight(fontMetrics().height() * 6);

    auto *views = new QSplitter(Qt::Vertical, this);
    m_views = views;
    views->setObjectName(QStringLiteral("viewSplitter"));
    views->addWidget(top);
    m_table = new SocketTableView(m_controller->socketTable(), this);
    m_table->setObjectName(QStringLiteral("socketTableView"));
    views->addWidget(m_table);
    m_timeline = new TimelineChart(m_controller->timeline(), this);
    m_timeline->setObjectName(QStringLiteral("timelineChart"));
    views->addWidget(m_timeline);
    // A laptop's 768 lines: the lanes need the room more than the verdict (which scrolls if it
    // must) and the table (two sockets in the lab); at 1366×768 the lanes were 28 px each.
    const bool smallScreen = screen() && screen()->availableSize().height() < kRoomForLogBelowViews;
    views->setSizes(smallScreen ? QList<int>{150, 130, 440} : QList<int>{210, 130, 380});

    auto *central = new QWidget(this);
    m_central = central;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_messages);
    layout->addWidget(m_topology);
    layout->addWidget(m_faults);
    WheelGuard::install(m_faults);
    layout->addWidget(views, 1);

    // "This machine's connections" replaces the lab's views with the audit.
    m_audit = new ConnectionsAuditView(new audit::AuditMonitor(this), this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(central);
    m_pages->addWidget(m_audit);
    return m_pages;
}

void MainWindow::buildDocks()
{
    m_labSettings = new LabSettingsPanel(this);
    m_prediction = new PredictionPanel(this);
    auto *predictionDock = new QDockWidget(tr("Predicted detection"), this);
    predictionDock->setObjectName(QStringLiteral("predictionDock"));
    auto *predictionScroll = new QScrollArea(this);
    predictionScroll->setWidget(m_prediction);
    predictionScroll->setWidgetResizable(true);
    predictionScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    predictionDock->setWidget(predictionScroll);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_labSettings);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *settingsDock = new QDockWidget(tr("Settings"), this);
    settingsDock->setObjectName(QStringLiteral("settingsDock"));
    settingsDock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, settingsDock);
    // Scrolling down the settings must not change them on the way.
    WheelGuard::install(scroll);

    auto *scenarioDock = new QDockWidget(tr("What to run"), this);
    scenarioDock->setObjectName(QStringLiteral("scenarioDock"));
    scenarioDock->setWidget(m_picker);
    addDockWidget(Qt::LeftDockWidgetArea, scenarioDock);
    addDockWidget(Qt::LeftDockWidgetArea, predictionDock);
    splitDockWidget(scenarioDock, predictionDock, Qt::Vertical);
    splitDockWidget(predictionDock, settingsDock, Qt::Vertical);

    m_eventLog = new EventLogDock(m_controller->session(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventLog);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    resizeDocks({scenarioDock, predictionDock, settingsDock}, {200, 220, 500}, Qt::Vertical);
    resizeDocks({settingsDock}, {430}, Qt::Horizontal);
    resizeDocks({m_eventLog}, {130}, Qt::Vertical);
    // A laptop's 768 lines cannot hold the views and the log under them: the log goes behind
    // the settings as a tab, the views keep the height (a layout the user saves wins next time).
    if (screen() && screen()->availableSize().height() < kRoomForLogBelowViews) {
        tabifyDockWidget(settingsDock, m_eventLog);
        settingsDock->raise();
    }
}

void MainWindow::buildActions()
{
    m_start = new QAction(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("startAction"));
    m_start->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_start->setToolTip(tr("Start the lab: the chosen scenario, or a free session with your settings (Ctrl+R)"));
    m_start->setIcon(themedIcon(QStyle::SP_MediaPlay, this));
    connect(m_start, &QAction::triggered, this, &MainWindow::start);

    m_stop = new QAction(tr("S&top"), this);
    m_stop->setObjectName(QStringLiteral("stopAction"));
    m_stop->setShortcut(QKeySequence(QStringLiteral("Ctrl+.")));
    m_stop->setToolTip(tr("Stop the lab; everything seen so far stays (Ctrl+.)"));
    m_stop->setIcon(themedIcon(QStyle::SP_MediaStop, this));
    connect(m_stop, &QAction::triggered, m_controller, &LabSessionController::stop);

    m_record = new QAction(tr("&Record…"), this);
    m_record->setObjectName(QStringLiteral("recordAction"));
    m_record->setCheckable(true);
    m_record->setToolTip(tr("Write every event to a JSONL file that can be opened and replayed later"));
    connect(m_record, &QAction::triggered, m_files, &SessionFiles::setRecording);

    m_open = new QAction(tr("&Open recording…"), this);
    m_open->setObjectName(QStringLiteral("openRecordingAction"));
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, m_files, &SessionFiles::openRecording);

    auto *exportCsv = new QAction(tr("Export events as &CSV…"), this);
    exportCsv->setObjectName(QStringLiteral("exportCsvAction"));
    connect(exportCsv, &QAction::triggered, m_files, &SessionFiles::exportEventsCsv);

    auto *exportPng = new QAction(tr("Export timeline as &PNG…"), this);
    exportPng->setObjectName(QStringLiteral("exportPngAction"));
    connect(exportPng, &QAction::triggered, m_files, [this] { m_files->exportTimeline(SessionFiles::Image::Png); });
    auto *exportSvg = new QAction(tr("Export timeline as S&VG…"), this);
    exportSvg->setObjectName(QStringLiteral("exportSvgAction"));
    connect(exportSvg, &QAction::triggered, m_files, [this] { m_files->exportTimeline(SessionFiles::Image::Svg); });

    auto *exportPcap = new QAction(tr("Export capture (p&cap)…"), this);
    exportPcap->setObjectName(QStringLiteral("exportPcapAction"));
    exportPcap->setToolTip(tr("Every frame the cable carried in the latest run, for Wireshark"));
    connect(exportPcap, &QAction::triggered, m_files, &SessionFiles::exportCapture);

    auto *exportReport = new QAction(tr("Export &report (PDF, HTML)…"), this);
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
    exportReport->setToolTip(tr("The verdict, the settings of both hosts, the scenario, the date and machine, the "
                                "timeline and the RTO plot, and a summary of the events, in one document"));
    connect(exportReport, &QAction::triggered, m_files, &SessionFiles::exportReport);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_open, m_record, exportCsv, exportPng, exportSvg, exportPcap, exportReport});
    file->addSeparator();
    file->addAction(quit);
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_start, m_stop});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    m_presentation = new QAction(tr("&Presentation mode"), this);
    m_presentation->setObjectName(QStringLiteral("presentationAction"));
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentation->setToolTip(
        tr("For a projector: full screen, the side panels hidden, the timeline and the verdict large (F11)"));
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentation);
    auto *larger = new QAction(tr("&Larger text"), this);
    larger->setObjectName(QStringLiteral("largerTextAction"));
    larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(QStringLiteral("Ctrl+="))});
    connect(larger, &QAction::triggered, this, [this] { setTextScale(m_textScale * 1.15); });
    auto *smaller = new QAction(tr("&Smaller text"), this);
    smaller->setObjectName(QStringLiteral("smallerTextAction"));
    smaller->setShortcut(QKeySequence::ZoomOut);
    connect(smaller, &QAction::triggered, this, [this] { setTextScale(m_textScale / 1.15); });
    auto *normal = new QAction(tr("&Normal text size"), this);
    normal->setObjectName(QStringLiteral("normalTextAction"));
    normal->setShortcut(QKeySequence(QStringLiteral("Ctrl+0")));
    connect(normal, &QAction::triggered, this, [this] { setTextScale(1.0); });
    view->addActions({m_presentation, larger, smaller, normal});
    addActions({m_presentation, larger, smaller, normal}); // their keys work with the menu bar hidden
    view->addSeparator();
    auto *language = new LanguageMenu(m_settings, this);
    view->addMenu(language);
    connect(language, &LanguageMenu::chosen, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    QToolBar *bar = addToolBar(tr("Session"));
    bar->setObjectName(QStringLiteral("sessionToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_start, m_stop});
    bar->addSeparator();
    bar->addActions({m_record, m_open, exportCsv});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    statusBar()->addPermanentWidget(m_status);
}

QStringList MainWindow::settingsProblems() const
{
    // A number typed outside its field's range is refused, naming the field and the range.
    QStringList errors = SettingField::outOfRange(m_labSettings);
    const lab::LabConfig config = m_labSettings->config();
    if (m_labSettings->isRealNetwork()) {
        const realnet::RealNetworkConfig network = m_labSettings->network();
        for (const core::SettingError &e : network.validate())
            errors << tr("%1: %2").arg(e.field, e.message);
        const lab::HostConfig &side
            = network.role == realnet::RealNetworkConfig::Role::Client ? config.client : config.server;
        for (const core::SettingError &e : side.endpoint.options.validate() + side.endpoint.heartbeat.validate())
            errors << tr("%1, %2: %3").arg(side.name(), e.field, e.message);
        return errors;
    }
    for (const lab::HostConfig *host : {&config.client, &config.server}) {
        // The message names the field in the reader's language.
        const QString side = host == &config.client ? tr("Client", "lab host") : tr("Server", "lab host");
        for (const core::SettingError &e : host->endpoint.options.validate() + host->endpoint.heartbeat.validate())
            errors << tr("%1: %2", "lab host, problem").arg(side, e.message);
    }
    return errors;
}

void MainWindow::start()
{
    const QStringList errors = settingsProblems();
    if (!errors.isEmpty()) {
        showProblem(tr("These settings cannot be used: %1").arg(errors.join(QStringLiteral("; "))));
        m_settingsProblemShown = true;
        return;
    }
    m_messages->hide();
    m_settingsProblemShown = false;
    if (m_labSettings->isRealNetwork()) {
        startRealNetwork();
        return;
    }
    const lab::LabConfig config = m_labSettings->config();
    // The capture's ring for this run (settingsProblems() checked its range); remembered.
    m_controller->setCaptureLimitMb(m_labSettings->captureLimitMb());
    m_settings->setCaptureLimitMb(m_labSettings->captureLimitMb());
    if (auto scenario = m_picker->selectedScenario()) {
        scenario->lab = config; // the scenario as the panels now show it
        m_controller->startScenario(*scenario);
    } else {
        m_controller->startFreeSession(config);
    }
}

void MainWindow::setTextScale(double scale)
{
    m_textScale = qBound(0.6, scale, 4.0);
    // The verdict, the strip, the fault bar and the table take the font; the timeline draws its
    // own text and is told.
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_textScale);
    m_central->setFont(font);
    m_timeline->setTextScale(m_textScale);
}

void MainWindow::setPresentation(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);
    if (on) {
        m_layoutBefore = saveState();
        m_textScaleBefore = m_textScale;
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *bar : findChildren<QToolBar *>())
            bar->hide();
        // The table gives its room to the timeline; the verdict keeps what it needs.
        m_table->hide();
        // A laptop's 768 lines hold large lanes or the RTO plot, not both: the lanes.
        m_timeline->setRtoPlotVisible(!screen() || screen()->availableSize().height() >= kRoomForLogBelowViews);
        setTextScale(qMax(m_textScale, 1.5));
        showFullScreen();
        // Most of the height for the timeline (the verdict scrolls if it must), once the full
        // screen is laid out.
        QTimer::singleShot(0, this, [this] {
            if (!m_presenting)
                return;
            const int height = m_views->height();
            m_views->setSizes({height * 3 / 10, 0, height * 7 / 10});
            QTimer::singleShot(0, this,
                               [this] { setTextScale(m_textScale); }); // the timeline shares out its new height
        });
    } else {
        m_table->show();
        m_timeline->setRtoPlotVisible(true);
        restoreState(m_layoutBefore);
        setTextScale(m_textScaleBefore);
        showNormal();
    }
}

void MainWindow::setRealNetworkMode(bool real)
{
    if (real && !m_controller->hasRealNetwork())
        return;
    m_labSettings->setRealNetwork(real);
    onModeChanged();
}

void MainWindow::showMachineAudit()
{
    m_labSettings->setMachineAudit(true);
    onModeChanged();
}

void MainWindow::startRealNetwork()
{
    const realnet::RealNetworkConfig network = m_labSettings->network();
    // This host's kernel as it is now: the prediction the verdict quotes uses it.
    QStringList problems;
    m_labSettings->setHostKernel(hostKernel(network, &problems), problems);
    m_controller->startRealNetwork(m_labSettings->realNetworkConfig(), network);
}

void MainWindow::onModeChanged()
{
    const bool audit = m_labSettings->isMachineAudit();
    m_pages->setCurrentIndex(audit ? 1 : 0);
    m_audit->setActive(audit);
    // The lab's scenarios, its predictions and its event log say nothing about this machine's
    // connections (the audit view has its own predictions): out of the way while auditing, back
    // as they were after.
    if (audit && m_hiddenForAudit.isEmpty()) {
        for (QDockWidget *dock :
             {findChild<QDockWidget *>(QStringLiteral("scenarioDock")),
              findChild<QDockWidget *>(QStringLiteral("predictionDock")), static_cast<QDockWidget *>(m_eventLog)}) {
            if (dock && dock->isVisible()) {
                dock->hide();
                m_hiddenForAudit.append(dock);
            }
        }
    } else if (!audit) {
        for (QDockWidget *dock : std::as_const(m_hiddenForAudit))
            dock->show();
        m_hiddenForAudit.clear();
    }
    const bool real = m_labSettings->isRealNetwork();
    const realnet::RealNetworkConfig network = m_labSettings->network();
    const bool client = network.role == realnet::RealNetworkConfig::Role::Client;
    if (real) {
        QStringList problems;
        m_labSettings->setHostKernel(hostKernel(network, &problems), problems);
    }
    m_faults->setRealNetwork(real, network.host());
    m_topology->setRealNetwork(real, network.host(), client ? tr("any local port") : network.endpointAddress(),
                               client ? network.endpointAddress() : tr("connects to port %1").arg(network.listenPort));
    m_prediction->setSide(network.host(), real);
    m_verdict->setRealNetwork(real);
    // Scenarios are experiments on the virtual lab.
    m_picker->setEnabled(!real && !audit);
    m_picker->setToolTip(real ? tr("Scenarios run in the virtual lab; on a real network you press the faults yourself.")
                              : QString());
    m_start->setToolTip(real ? tr("Start this machine's side against the real peer (Ctrl+R)")
                             : tr("Start the lab: the chosen scenario, or a free session with your settings (Ctrl+R)"));
    onSettingsChanged();
    onRunStateChanged();
}

void MainWindow::onRunStateChanged()
{
    const State state = m_controller->runState();
    m_start->setEnabled(state == State::Idle && !m_labSettings->isMachineAudit());
    m_stop->setEnabled(state == State::Starting || state == State::Running);
    m_open->setEnabled(state == State::Idle);
    m_faults->setRunning(state == State::Running);
    m_labSettings->setRunning(state != State::Idle);
    m_verdict->setRunning(state == State::Running);
    // A live run's time axis moves with the clock; a finished run or a replay stands still.
    m_timeline->setLive(state == State::Running);
    if (state == State::Starting)
        m_timeline->follow();
    // A new run: the last one's "Finished" is not left beside "Running".
    if (state != State::Idle)
        statusBar()->clearMessage();
    // Idle, the mode chosen for the next Start; otherwise the running session's.
    const bool real = state == State::Idle ? m_labSettings->isRealNetwork() : m_controller->isRealNetwork();
    switch (state) {
    case State::Idle:
        m_status->setText(real ? tr("Stopped") : tr("Lab stopped"));
        break;
    case State::Starting:
        m_status->setText(real ? tr("Starting this machine's endpoint…") : tr("Starting the lab…"));
        break;
    case State::Running:
        m_status->setText(tr("Running: %1").arg(m_controller->scenario().title));
        break;
    case State::Stopping:
        m_status->setText(tr("Stopping…"));
        break;
    }
}

void MainWindow::onSettingsChanged()
{
    // The settings Start refused are fixed: the message about them goes.
    if (m_settingsProblemShown && settingsProblems().isEmpty()) {
        m_messages->hide();
        m_settingsProblemShown = false;
    }
    m_prediction->setConfig(m_labSettings->isRealNetwork() ? m_labSettings->realNetworkConfig()
                                                           : m_labSettings->config());
}

void MainWindow::showProblem(const QString &message)
{
    m_settingsProblemShown = false;
    m_messages->showProblem(message);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_controller->stop();
    m_audit->setActive(false); // lifts every fault on this machine's connections
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSocketTableHeader(m_table->headerState());
    m_settings->setLabConfig(m_labSettings->config());
    if (SettingField::inRange(m_labSettings->findChild<QSpinBox *>(QStringLiteral("captureLimit"))))
        m_settings->setCaptureLimitMb(m_labSettings->captureLimitMb());
    m_settings->setRealNetworkMode(m_labSettings->isRealNetwork());
    m_settings->setMachineAuditMode(m_labSettings->isMachineAudit());
    m_settings->setRealNetwork(m_labSettings->network());
    m_settings->sync();
    event->accept();
}

} // namespace halfopen::ui
