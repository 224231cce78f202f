#pragma once

#include "core/session/Event.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"

#include <QList>

namespace halfopen::lab {

// Reads a run's events (ordered by time, as a Session holds them) against its scenario:
// faults, detections with their references and predictions, final states, counts and every
// expectation. A pure function of its input, so a live run, a replayed recording and a test's
// synthetic stream are judged alike.
class ScenarioEvaluator
{
public:
    // Events after `endUs` are not looked at; `readyUs` is time zero of the summary.
    static ScenarioOutcome evaluate(const Scenario &scenario, const QList<core::Event> &events, qint64 readyUs,
                                    qint64 endUs);
};

} // namespace halfopen::lab
