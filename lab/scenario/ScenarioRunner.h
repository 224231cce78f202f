// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/LabDriver.h"
#include "lab/scenario/LiveEvaluation.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace halfopen::core {
class Session;
}

namespace halfopen::lab {

// Runs one scenario on a lab: starts it, carries the steps out at their times after ready(),
// records every event into the session it is given (after a `run` event that says what runs
// with which settings, RecordedRun, and plus a `verdict` event per detection),
// judges the expectations as events arrive, ends on the scenario's end condition, stops the
// lab, and hands over the summary.
class ScenarioRunner : public QObject
{
    Q_OBJECT
public:
    // Neither is owned. The session should be empty: the run's events are all it judges.
    ScenarioRunner(LabDriver *driver, core::Session *session, QObject *parent = nullptr);

    // Another lab to run the next scenario on (the window's virtual lab or real network);
    // ignored while a run is under way. Not owned.
    void setDriver(LabDriver *driver);
    LabDriver *driver() const { return m_driver; }

    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }
    void setStopTimeoutMs(int ms) { m_stopTimeoutMs = ms; }

    void start(const Scenario &scenario);
    // Ends the run now (a user's Ctrl-C or Stop button): expectations are judged as they stand.
    void stop();

    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }
    const Scenario &scenario() const { return m_scenario; }
    // CLOCK_MONOTONIC µs of ready(), time zero of the summary; 0 before.
    qint64 readyUs() const { return m_readyUs; }
    // The latest judgement; final once finished() was emitted.
    const ScenarioOutcome &outcome() const { return m_outcome; }

signals:
    void ready();
    void evaluated(const halfopen::lab::ScenarioOutcome &outcome);
    // The lab could not start or broke down; finished() follows.
    void failed(const QString &message);
    void finished(const QJsonObject &summary);

private:
    enum class Phase { Idle, Starting, Running, Stopping, Done };

    void connectDriver();
    void onReady();
    void onEvent(const core::Event &event);
    void onFailed(const QString &message);
    void onStopped();
    void applyDueSteps();
    void scheduleNextStep();
    void evaluate();
    void end(ScenarioOutcome::Ending ending);
    void finish();
    qint64 latestUs() const;

    LabDriver *m_driver;
    core::Session *m_session;
    Scenario m_scenario;
    LiveEvaluation m_live{m_scenario}; // judges the session as it grows
    QList<ScenarioStep> m_steps;       // by time
    qsizetype m_nextStep = 0;
    Phase m_phase = Phase::Idle;
    qint64 m_readyUs = 0;
    qint64 m_endUs = 0;
    ScenarioOutcome::Ending m_ending = ScenarioOutcome::Ending::Running;
    QString m_error;
    ScenarioOutcome m_outcome;
    QSet<QString> m_verdicts; // detections already recorded as verdict events
    QTimer m_stepTimer;
    QTimer m_endTimer;
    QTimer m_evaluateTimer; // coalesces a burst of events into one judgement
    QTimer m_guardTimer;    // start and stop must not hang
    int m_startTimeoutMs = 30000;
    int m_stopTimeoutMs = 5000;
};

} // namespace halfopen::lab
