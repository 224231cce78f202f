// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/scenario/DetectionFinder.h"
#include "lab/scenario/EventCounts.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"
#include "lab/scenario/SocketStateTracker.h"

#include <QList>

namespace halfopen::lab {

// Reads a run's events (ordered by time, as a Session holds them) against its scenario:
// faults, detections with their references and predictions, final states, counts and every
// expectation. Fed one event at a time and judged at any moment, so a live run costs the same
// per event at its end as at its start; a value (copyable), so a live run can judge events
// that may still be joined by late ones on a copy (LiveEvaluation). A live run, a replayed
// recording and a test's synthetic stream are judged alike.
class ScenarioEvaluator
{
public:
    // The scenario must outlive the evaluator.
    explicit ScenarioEvaluator(const Scenario &scenario)
        : m_scenario(&scenario)
    { }

    // Events in time order.
    void feed(const core::Event &event);
    // The judgement of what was fed; `readyUs` is time zero of the summary, `endUs` its end.
    ScenarioOutcome outcome(qint64 readyUs, qint64 endUs) const;

    // Feeds the events up to `endUs` and judges them.
    static ScenarioOutcome evaluate(const Scenario &scenario, const QList<core::Event> &events, qint64 readyUs,
                                    qint64 endUs);

private:
    const Scenario *m_scenario;
    DetectionFinder m_finder;
    SocketStateTracker m_states;
    EventCounts m_counts;
};

} // namespace halfopen::lab
