// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/LabSessionController.h"

#include "core/session/OptionsFields.h"
#include "core/session/RunStepFields.h"
#include "models/RunStepText.h"

#include "realnet/RealNetworkDriver.h"

#include <QFileInfo>
#include <QJsonArray>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace halfopen::control {

namespace {
// glibc keeps what a long session freed (a replay's chunks and file, the copies events take on
// their way in) as resident heap between the events it keeps: a third of the window's memory
// after a one-hour recording. Giving the free pages back takes a few ms.
void returnFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
// A live session gives them back each time it holds this many more events.
constexpr qsizetype kTrimEveryEvents = 1 << 16;
} // namespace

LabSessionController::LabSessionController(lab::LabDriver *driver, const QString &capturePath, QObject *parent)
    : QObject(parent)
    , m_labDriver(driver)
    , m_driver(driver)
    , m_runner(driver, &m_session)
    , m_recorder(&m_session)
    , m_capturePath(capturePath)
{
    connect(&m_runner, &lab::ScenarioRunner::ready, this, [this] {
        setState(RunState::Running);
        sendWaitingOptions();
    });
    connect(&m_runner, &lab::ScenarioRunner::evaluated, this, &LabSessionController::evaluated);
    connect(&m_runner, &lab::ScenarioRunner::failed, this, [this](const QString &message) {
        emit problem(m_realNetwork ? tr("Real network: %1").arg(message)
                                   : tr("The virtual lab failed: %1").arg(message));
    });
    connect(&m_runner, &lab::ScenarioRunner::finished, this, [this](const QJsonObject &summary) {
        setState(RunState::Idle);
        emit finished(summary);
    });
    connect(&m_session, &core::Session::eventAdded, this, &LabSessionController::onLabEvent);
    connect(&m_session, &core::Session::batchAdded, this, [this] {
        if (m_session.size() / kTrimEveryEvents != m_trimmedAt / kTrimEveryEvents && !m_loader.isReading()) {
            m_trimmedAt = m_session.size();
            returnFreedMemory();
        }
    });

    // A recording of a lab run starts at the lab's "ready", as the live run did: time zero.
    m_loader.setOriginEvent("\"ready\"", [](const core::Event &event) { return event.is(core::RunStep::Ready); });
    connect(&m_loader, &core::RecordingLoader::chunkRead, this, [this](const QList<core::Event> &events) {
        for (const core::Event &event : events)
            m_session.add(event);
    });
    connect(&m_loader, &core::RecordingLoader::finished, this, [this](const QStringList &problems) {
        m_openingProblems.append(problems);
        announceOpened();
    });
}

void LabSessionController::onLabEvent(const core::Event &event)
{
    if (event.is(core::EndpointStep::Options)) {
        onOptionsEvent(event);
        return;
    }
    const std::optional<core::RunStep> step = event.runStep();
    if (!step)
        return;
    if (*step == core::RunStep::CaptureTrimmed && isBusy()) {
        emit notice(models::captureTrimmedText(core::RunStepFields::of(event)));
        return;
    }
    // The lab refusing a fault (a host that is off cannot be killed) is worth a sentence.
    if (*step == core::RunStep::CommandError || *step == core::RunStep::FaultFailed) {
        const QString message = core::RunStepFields::of(event).message;
        emit problem(m_realNetwork ? tr("Not possible on the real network: %1").arg(message)
                                   : tr("The lab could not do that: %1").arg(message));
    }
    // Real-network mode could not capture its connection's packets: what is missing, in words.
    if (*step == core::RunStep::CaptureUnavailable)
        emit problem(tr("No packets on the timeline: %1").arg(core::RunStepFields::of(event).reason));
}

void LabSessionController::onOptionsEvent(const core::Event &event)
{
    // A recording replayed reports what its run had, not what the lab has now.
    if (!isBusy())
        return;
    const core::OptionsFields fields = core::OptionsFields::of(event);
    m_applied.insert(event.host, fields.applied);
    emit optionsApplied(event.host, fields.applied);
    // The kernel refused one: its errno, named.
    QStringList failures;
    for (const core::SettingError &failure : fields.failed)
        failures << tr("%1: %2").arg(failure.field, failure.message);
    if (!failures.isEmpty())
        emit problem(tr("The %1's kernel refused some socket options: %2")
                         .arg(core::hostName(event.host), failures.join(QStringLiteral("; "))));
}

void LabSessionController::setSocketOptions(core::Host host, const core::SocketOptions &options)
{
    if (m_state != RunState::Starting && m_state != RunState::Running)
        return;
    if (m_requested.value(host) == options)
        return;
    m_requested.insert(host, options);
    if (m_state == RunState::Running)
        m_driver->setSocketOptions(host, options);
    else
        m_waitingOptions.insert(host);
}

void LabSessionController::sendWaitingOptions()
{
    for (const core::Host host : std::as_const(m_waitingOptions))
        m_driver->setSocketOptions(host, m_requested.value(host));
    m_waitingOptions.clear();
}

std::optional<core::SocketOptions> LabSessionController::appliedOptions(core::Host host) const
{
    const auto it = m_applied.constFind(host);
    return it == m_applied.constEnd() ? std::nullopt : std::optional(*it);
}

void LabSessionController::startScenario(const lab::Scenario &scenario)
{
    begin(scenario, false, m_labDriver);
}

void LabSessionController::startFreeSession(const lab::LabConfig &config)
{
    begin(freeSession(config), true, m_labDriver);
}

lab::Scenario LabSessionController::freeSession(const lab::LabConfig &config)
{
    lab::Scenario free;
    free.name = QStringLiteral("free");
    free.title = tr("Free lab session");
    free.explanation = tr("The lab runs with your settings and nothing happens on its own: press a fault "
                          "(Power off, Unplug, Kill process…) and watch when and how each side notices.");
    free.lab = config;
    free.end.timeoutS = kFreeSessionS;
    free.end.when = lab::ScenarioEnd::When::Timeout;
    return free;
}

void LabSessionController::startRealNetwork(const lab::LabConfig &config, const realnet::RealNetworkConfig &network)
{
    if (!m_realDriver || isBusy())
        return;
    m_realDriver->setNetwork(network);
    m_realDriver->setHostSysctls((network.host() == core::Host::Server ? config.server : config.client).sysctls);
    lab::Scenario real;
    real.name = QStringLiteral("real-network");
    real.title = network.role == realnet::RealNetworkConfig::Role::Client
        ? tr("Real network: this machine connects to %1").arg(network.endpointAddress())
        : tr("Real network: this machine listens on %1").arg(network.endpointAddress());
    real.explanation = tr("This machine's side runs with your settings; the peer is the real machine or device. Pull "
                          "the cable (or switch the peer off) and press \"I pulled the cable now\" (Space) at that "
                          "moment: detection is measured from your marker.");
    real.lab = config;
    real.end.timeoutS = kFreeSessionS;
    real.end.when = lab::ScenarioEnd::When::Timeout;
    begin(real, true, m_realDriver);
}

void LabSessionController::begin(const lab::Scenario &scenario, bool free, lab::LabDriver *driver)
{
    if (isBusy())
        return;
    m_driver = driver;
    m_runner.setDriver(driver);
    m_realNetwork = driver != m_labDriver;
    m_scenario = scenario;
    m_recordedRun.reset();
    m_free = free;
    // The runner judges every event of the session: it must start empty. A recording goes on
    // with this run: it spans runs until the user stops it (Record, then Start records the run).
    m_loader.cancel(); // a recording still streaming in would mix with the run
    m_session.clear();
    m_requested = {{core::Host::Client, m_scenario.lab.client.endpoint.options},
                   {core::Host::Server, m_scenario.lab.server.endpoint.options}};
    m_waitingOptions.clear();
    m_applied.clear();
    emit sessionStarted(m_scenario);
    setState(RunState::Starting);
    m_runner.start(m_scenario);
}

void LabSessionController::stop()
{
    if (m_state != RunState::Starting && m_state != RunState::Running)
        return;
    setState(RunState::Stopping);
    m_runner.stop();
}

void LabSessionController::apply(const lab::Fault &fault)
{
    if (m_state == RunState::Running)
        m_driver->apply(fault);
}

bool LabSessionController::startRecording(const QString &path, QString *error)
{
    stopRecording();
    if (!m_recorder.open(path, error))
        return false;
    m_recordingPath = path;
    return true;
}

void LabSessionController::stopRecording()
{
    if (!isRecording())
        return;
    m_recorder.close();
    emit recordingEnded(m_recordingPath);
}

bool LabSessionController::openRecording(const QString &path, QString *error)
{
    if (isBusy()) {
        *error = tr("Stop the running session before opening a recording.");
        return false;
    }
    // Read first: a file that cannot be opened leaves the session as it was.
    core::RecordingLoader::Start start;
    if (!m_loader.open(path, &start, error))
        return false;
    stopRecording();
    m_scenario = lab::Scenario();
    m_scenario.name = QFileInfo(path).completeBaseName();
    m_scenario.title = tr("Recording %1").arg(QFileInfo(path).fileName());
    m_free = false;
    m_realNetwork = false;
    m_recordedRun.reset();
    m_session.clear();
    m_session.setWallClock(m_loader.marks().wallClock); // invalid for a recording made before format 3
    m_session.reserve(start.expectedEvents);
    if (start.originUs >= 0)
        m_session.setOriginUs(start.originUs);
    emit sessionStarted(m_scenario);
    for (const core::Event &event : std::as_const(start.events))
        m_session.add(event);
    m_openingPath = path;
    m_openingProblems = start.problems;
    if (start.complete)
        announceOpened();
    return true;
}

void LabSessionController::announceOpened()
{
    // Views are told of the last events now, not on the models' next coalesced notification:
    // whoever hears recordingOpened sees the whole recording.
    // A fault nothing noticed ends with the recording: "nothing noticed" when it ended in order,
    // "recording incomplete" when it was cut; an old recording (no marks) cannot tell.
    const core::RecordingMarks &marks = m_loader.marks();
    // The scenario and the settings it was made with, when the recording says.
    m_recordedRun = lab::RecordedRun::find(m_session.events());
    if (m_recordedRun) {
        m_scenario.lab = m_recordedRun->config;
        if (!m_recordedRun->title.isEmpty())
            m_scenario.title = tr("Recording %1: %2").arg(QFileInfo(m_openingPath).fileName(), m_recordedRun->title);
        m_scenario.explanation = m_recordedRun->explanation;
    }
    if (marks.cut())
        m_timeline.setSessionEnd(models::TimelineModel::SessionEnd::Cut);
    else if (marks.ended)
        m_timeline.setSessionEnd(models::TimelineModel::SessionEnd::Ended);
    m_timeline.flush();
    m_socketTable.flush();
    m_trimmedAt = m_session.size();
    returnFreedMemory();
    emit recordingOpened(m_openingPath, m_openingProblems);
}

void LabSessionController::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit runStateChanged(state);
}

} // namespace halfopen::control
