// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioRunner.h"

#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"
#include "lab/scenario/RecordedRun.h"

#include <algorithm>
#include <limits>

namespace halfopen::lab {

using core::Event;

namespace {
constexpr int kEvaluateDelayMs = 20;
} // namespace

ScenarioRunner::ScenarioRunner(LabDriver *driver, core::Session *session, QObject *parent)
    : QObject(parent)
    , m_driver(driver)
    , m_session(session)
{
    for (QTimer *t : {&m_stepTimer, &m_endTimer, &m_evaluateTimer, &m_guardTimer}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer);
    }
    m_evaluateTimer.setInterval(kEvaluateDelayMs);
    connect(&m_stepTimer, &QTimer::timeout, this, &ScenarioRunner::applyDueSteps);
    connect(&m_endTimer, &QTimer::timeout, this, [this] { end(ScenarioOutcome::Ending::Timeout); });
    connect(&m_evaluateTimer, &QTimer::timeout, this, &ScenarioRunner::evaluate);
    connect(&m_guardTimer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Starting)
            onFailed(tr("the lab was not ready after %1 s").arg(m_startTimeoutMs / 1000.0));
        else if (m_phase == Phase::Stopping)
            finish(); // the lab did not confirm its stop; judge what we have
    });

    connect(m_session, &core::Session::eventAdded, this,
            [this](const Event &event, qsizetype index) { m_live.noteInserted(event, index); });
    connect(m_session, &core::Session::cleared, this, [this] { m_live.reset(); });
    connectDriver();
}

void ScenarioRunner::connectDriver()
{
    connect(m_driver, &LabDriver::event, this, &ScenarioRunner::onEvent);
    connect(m_driver, &LabDriver::ready, this, &ScenarioRunner::onReady);
    connect(m_driver, &LabDriver::failed, this, &ScenarioRunner::onFailed);
    connect(m_driver, &LabDriver::stopped, this, &ScenarioRunner::onStopped);
}

void ScenarioRunner::setDriver(LabDriver *driver)
{
    if (isRunning() || driver == m_driver || !driver)
        return;
    disconnect(m_driver, nullptr, this, nullptr);
    m_driver = driver;
    connectDriver();
}

void ScenarioRunner::start(const Scenario &scenario)
{
    if (isRunning())
        return;
    m_scenario = scenario;
    m_steps = scenario.steps;
    std::stable_sort(m_steps.begin(), m_steps.end(),
                     [](const ScenarioStep &a, const ScenarioStep &b) { return a.atS < b.atS; });
    m_nextStep = 0;
    m_readyUs = 0;
    m_endUs = 0;
    m_ending = ScenarioOutcome::Ending::Running;
    m_error.clear();
    m_verdicts.clear();
    m_live.reset();
    m_outcome = ScenarioOutcome();
    m_outcome.scenario = scenario.name;
    m_phase = Phase::Starting;
    // First in the run's events: what runs, with which settings, so a recording says it (RecordedRun).
    m_session->add(RecordedRun::event(scenario, core::monotonicNowUs()));
    m_guardTimer.start(m_startTimeoutMs);
    m_driver->start(scenario.lab);
}

void ScenarioRunner::stop()
{
    if (m_phase == Phase::Starting) {
        m_ending = ScenarioOutcome::Ending::Stopped;
        m_endUs = core::monotonicNowUs();
        m_phase = Phase::Stopping;
        m_guardTimer.start(m_stopTimeoutMs);
        m_driver->stop();
        return;
    }
    end(ScenarioOutcome::Ending::Stopped);
}

void ScenarioRunner::onReady()
{
    if (m_phase != Phase::Starting)
        return;
    m_guardTimer.stop();
    m_phase = Phase::Running;
    m_readyUs = core::monotonicNowUs();
    m_session->setOriginUs(m_readyUs);
    m_endTimer.start(qRound(m_scenario.end.timeoutS * 1000));
    emit ready();
    applyDueSteps();
    m_evaluateTimer.start();
}

void ScenarioRunner::applyDueSteps()
{
    if (m_phase != Phase::Running)
        return;
    const qint64 now = core::monotonicNowUs();
    while (m_nextStep < m_steps.size() && m_readyUs + qint64(m_steps.at(m_nextStep).atS * 1e6) <= now)
        m_driver->apply(m_steps.at(m_nextStep++).fault);
    scheduleNextStep();
    if (m_nextStep == m_steps.size())
        m_evaluateTimer.start(); // the end may have waited for the last step
}

void ScenarioRunner::scheduleNextStep()
{
    if (m_nextStep >= m_steps.size())
        return;
    const qint64 dueUs = m_readyUs + qint64(m_steps.at(m_nextStep).atS * 1e6);
    const qint64 waitUs = std::max<qint64>(0, dueUs - core::monotonicNowUs());
    // Timers may fire a little early on a millisecond boundary: round up.
    m_stepTimer.start(int((waitUs + 999) / 1000));
}

void ScenarioRunner::onEvent(const Event &event)
{
    if (m_phase == Phase::Idle || m_phase == Phase::Done)
        return;
    m_session->add(event);
    // The lab's own "ready" (LabProcess forwards it right after ready()) is stamped where the
    // lab decided it, without the pipe's delay: the more exact time zero.
    if (m_phase == Phase::Running && event.is(core::RunStep::Ready) && event.tUs < m_readyUs) {
        m_readyUs = event.tUs;
        m_session->setOriginUs(m_readyUs);
    }
    if (m_phase == Phase::Running && !m_evaluateTimer.isActive())
        m_evaluateTimer.start();
}

qint64 ScenarioRunner::latestUs() const
{
    const auto &events = m_session->events();
    return events.isEmpty() ? 0 : events.constLast().tUs;
}

void ScenarioRunner::evaluate()
{
    if (m_phase != Phase::Running && m_phase != Phase::Done)
        return;
    const qint64 endUs = m_phase == Phase::Done ? m_endUs : std::numeric_limits<qint64>::max();
    m_outcome = m_live.evaluate(m_session->events(), m_readyUs, endUs);
    m_outcome.ending = m_phase == Phase::Done ? m_ending : ScenarioOutcome::Ending::Running;
    m_outcome.error = m_error;
    if (m_phase == Phase::Done)
        m_outcome.endUs = m_endUs;

    for (const Detection &d : std::as_const(m_outcome.detections)) {
        const QString key
            = QStringLiteral("%1|%2|%3").arg(core::hostName(d.host)).arg(d.detectedUs).arg(int(d.mechanism));
        if (m_verdicts.contains(key))
            continue;
        m_verdicts.insert(key);
        m_session->add(d.toVerdictEvent(m_readyUs));
    }
    emit evaluated(m_outcome);

    const bool stepsDone = m_nextStep == m_steps.size();
    if (m_phase == Phase::Running && m_scenario.end.when == ScenarioEnd::When::ExpectationsMet && stepsDone
        && m_outcome.allMet())
        end(ScenarioOutcome::Ending::ExpectationsMet);
}

void ScenarioRunner::end(ScenarioOutcome::Ending ending)
{
    if (m_phase != Phase::Running)
        return;
    // Everything received so far belongs to the run, whatever its stamp; the lab's teardown
    // comes later and does not.
    m_endUs = std::max(core::monotonicNowUs(), latestUs());
    m_ending = ending;
    m_phase = Phase::Stopping;
    m_stepTimer.stop();
    m_endTimer.stop();
    m_evaluateTimer.stop();
    m_guardTimer.start(m_stopTimeoutMs);
    m_driver->stop();
}

void ScenarioRunner::onFailed(const QString &message)
{
    if (m_phase != Phase::Starting && m_phase != Phase::Running)
        return;
    m_error = message;
    m_ending = ScenarioOutcome::Ending::LabFailed;
    m_endUs = std::max(core::monotonicNowUs(), latestUs());
    m_phase = Phase::Stopping;
    m_stepTimer.stop();
    m_endTimer.stop();
    m_evaluateTimer.stop();
    emit failed(message);
    m_guardTimer.start(m_stopTimeoutMs);
    m_driver->stop();
}

void ScenarioRunner::onStopped()
{
    if (m_phase == Phase::Running || m_phase == Phase::Starting)
        onFailed(tr("the lab stopped before the scenario ended"));
    if (m_phase == Phase::Stopping)
        finish();
}

void ScenarioRunner::finish()
{
    if (m_phase != Phase::Stopping)
        return;
    m_guardTimer.stop();
    m_phase = Phase::Done;
    evaluate();
    emit finished(m_outcome.toJson());
}

} // namespace halfopen::lab
