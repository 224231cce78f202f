// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/scenario/ScenarioEvaluator.h"

#include <QList>

namespace halfopen::lab {

// Judges a run while its events still arrive, at a cost that does not grow with the run.
//
// Events from other processes may arrive a little late and land before newer ones in the
// session. So what is older than the settling time (relative to the newest event) is fed for
// good into one evaluator, and the newer tail is judged on a copy of it. A late event older
// than that (not seen in practice: the pipes deliver within milliseconds) makes it start over
// from the first event, so the judgement is always that of the whole ordered session.
class LiveEvaluation
{
public:
    static constexpr qint64 kSettleUs = 500000;

    // The scenario must outlive this.
    explicit LiveEvaluation(const Scenario &scenario);

    // A new run: nothing fed yet.
    void reset();
    // The session put `event` at `index` (Session::eventAdded). Verdict events, which the
    // judgement does not read, only shift what was fed.
    void noteInserted(const core::Event &event, qsizetype index);
    // The judgement of `events` (the whole session) up to `endUs`.
    ScenarioOutcome evaluate(const QList<core::Event> &events, qint64 readyUs, qint64 endUs);

    // How often a late event made it start over (for tests and benchmarks).
    int restarts() const { return m_restarts; }

private:
    const Scenario *m_scenario;
    ScenarioEvaluator m_settled;
    qsizetype m_settledCount = 0; // events[0, m_settledCount) are in m_settled
    bool m_restart = false;
    int m_restarts = 0;
};

} // namespace halfopen::lab
