// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/JsonlRecorder.h"
#include "core/session/RecordingLoader.h"
#include "core/session/Session.h"
#include "lab/LabDriver.h"
#include "lab/scenario/RecordedRun.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"
#include "lab/scenario/ScenarioRunner.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <optional>

namespace halfopen::realnet {
class RealNetworkDriver;
struct RealNetworkConfig;
} // namespace halfopen::realnet

namespace halfopen::control {

// What the window drives: one Session fed by a lab (through a ScenarioRunner) or by a
// recording, the models over it, the faults the user presses, and the JSONL recorder. Holds no socket: the lab
// runs in its own process behind the LabDriver it is given (not owned), and so does this
// machine's endpoint in real-network mode (behind a RealNetworkDriver, when one is given).
class LabSessionController : public QObject
{
    Q_OBJECT
public:
    enum class RunState { Idle, Starting, Running, Stopping };
    Q_ENUM(RunState)

    // A free session runs until the user stops it, at most this long.
    static constexpr double kFreeSessionS = 3600;

    // `capturePath`: where the lab driver writes its pcap of the cable (empty: it does not).
    explicit LabSessionController(lab::LabDriver *driver, const QString &capturePath = {}, QObject *parent = nullptr);

    core::Session *session() { return &m_session; }
    models::SocketTableModel *socketTable() { return &m_socketTable; }
    models::TimelineModel *timeline() { return &m_timeline; }
    RunState runState() const { return m_state; }
    bool isBusy() const { return m_state != RunState::Idle; }
    // The scenario running or last run; a free session is a scenario without steps.
    const lab::Scenario &scenario() const { return m_scenario; }
    bool isFreeSession() const { return m_free; }
    // The latest run's capture of every frame on the cable; empty when the lab keeps none, and
    // after a real-network run (a real cable is not captured: an earlier lab run's file is not it).
    QString capturePath() const { return m_realNetwork ? QString() : m_capturePath; }
    const lab::ScenarioOutcome &outcome() const { return m_runner.outcome(); }

    // Real-network mode: this machine's endpoint against a real peer. Not owned; without one
    // the window offers the virtual lab only.
    void setRealNetworkDriver(realnet::RealNetworkDriver *driver) { m_realDriver = driver; }
    bool hasRealNetwork() const { return m_realDriver != nullptr; }
    // The session running or last run is a real network's.
    bool isRealNetwork() const { return m_realNetwork; }

    // Plays a scenario (its timed faults and expectations) on a fresh lab.
    void startScenario(const lab::Scenario &scenario);
    // Starts the lab with these settings and no timed faults: the user presses them.
    void startFreeSession(const lab::LabConfig &config);
    // What a free session is, as the verdict panel introduces it.
    static lab::Scenario freeSession(const lab::LabConfig &config);
    // Starts this machine's side against a real peer, with `config`'s settings for that side
    // (and this host's own sysctls in it, for the prediction). Needs a RealNetworkDriver.
    void startRealNetwork(const lab::LabConfig &config, const realnet::RealNetworkConfig &network);
    void stop();
    // Carried out at once while a run is under way; ignored otherwise.
    void apply(const lab::Fault &fault);
    // New socket options for a host's open connections, set at once (setsockopt) while a run
    // is under way; the host answers with an `options` event (optionsApplied). Asked while the
    // lab starts, they are set when it is ready; idle, they are for the next start and ignored.
    // Options equal to what the host already has are not sent again.
    void setSocketOptions(core::Host host, const core::SocketOptions &options);
    // What the kernel last reported for a host's connections in the current run.
    std::optional<core::SocketOptions> appliedOptions(core::Host host) const;

    // Recording: every event of the session to a JSONL file, from what is already there on.
    // A recording spans runs (each one's events follow the last) until stopRecording().
    bool startRecording(const QString &path, QString *error);
    void stopRecording();
    bool isRecording() const { return m_recorder.isOpen(); }
    // Replaces the session with a recording: its first part at once, the rest as it is read in
    // the background (a long recording paints at once and fills in). recordingOpened says when
    // every event is in; damaged lines are skipped and listed there. False, with *error, when
    // the file cannot be read (the session is left as it was) or a run is under way.
    bool openRecording(const QString &path, QString *error);
    bool isOpeningRecording() const { return m_loader.isReading(); }
    // The lab's capture of the cable keeps the last this many MB, from the next start on.
    void setCaptureLimitMb(int megabytes) { m_labDriver->setCaptureLimitMb(megabytes); }
    // The recording opened last was cut (no orderly end: killed while recording); at
    // recordingOpened.
    bool recordingWasCut() const { return m_loader.marks().cut(); }
    // What the recording opened last says of its (latest) run: the scenario and the settings of
    // both hosts it was made with; nullopt when it does not say. At recordingOpened.
    const std::optional<lab::RecordedRun> &recordedRun() const { return m_recordedRun; }

signals:
    void runStateChanged(halfopen::control::LabSessionController::RunState state);
    // A new run or recording is about to fill the session: panels reset what they derived.
    void sessionStarted(const halfopen::lab::Scenario &scenario);
    void evaluated(const halfopen::lab::ScenarioOutcome &outcome);
    // Something the user should read: the lab could not start, broke down, or a file failed.
    void problem(const QString &message);
    // News of the running lab that needs no action: the capture dropped its oldest frames.
    void notice(const QString &message);
    void finished(const QJsonObject &summary);
    void recordingEnded(const QString &path);
    // Every event of the recording opened is in the session.
    void recordingOpened(const QString &path, const QStringList &problems);
    // A host of the live run reported the options its kernel now has on a connection.
    void optionsApplied(halfopen::core::Host host, const halfopen::core::SocketOptions &applied);

private:
    void begin(const lab::Scenario &scenario, bool free, lab::LabDriver *driver);
    void setState(RunState state);
    void onLabEvent(const core::Event &event);
    void announceOpened();
    void onOptionsEvent(const core::Event &event);
    void sendWaitingOptions();

    core::Session m_session;
    models::SocketTableModel m_socketTable{&m_session};
    models::TimelineModel m_timeline{&m_session};
    lab::LabDriver *m_labDriver;
    realnet::RealNetworkDriver *m_realDriver = nullptr;
    lab::LabDriver *m_driver; // the one the latest run uses: the lab's or the real network's
    lab::ScenarioRunner m_runner;
    core::JsonlRecorder m_recorder;
    core::RecordingLoader m_loader;
    qsizetype m_trimmedAt = 0; // the session's size when freed memory was last given back
    QString m_openingPath;
    QStringList m_openingProblems;
    lab::Scenario m_scenario;
    std::optional<lab::RecordedRun> m_recordedRun;
    bool m_free = false;
    bool m_realNetwork = false;
    QString m_capturePath;
    QString m_recordingPath;
    RunState m_state = RunState::Idle;
    QHash<core::Host, core::SocketOptions> m_requested; // per host: what it was started with or last sent
    QSet<core::Host> m_waitingOptions;                  // asked for while the lab was starting
    QHash<core::Host, core::SocketOptions> m_applied;   // per host: the latest `options` report
};

} // namespace halfopen::control
