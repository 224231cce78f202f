// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/LiveEvaluation.h"

#include <algorithm>

namespace halfopen::lab {

using core::Event;

LiveEvaluation::LiveEvaluation(const Scenario &scenario)
    : m_scenario(&scenario)
    , m_settled(scenario)
{ }

void LiveEvaluation::reset()
{
    m_settled = ScenarioEvaluator(*m_scenario);
    m_settledCount = 0;
    m_restart = false;
}

void LiveEvaluation::noteInserted(const Event &event, qsizetype index)
{
    if (index >= m_settledCount)
        return;
    if (event.kind == core::EventKind::Verdict)
        ++m_settledCount;
    else
        m_restart = true;
}

ScenarioOutcome LiveEvaluation::evaluate(const QList<Event> &events, qint64 readyUs, qint64 endUs)
{
    if (m_restart) {
        reset();
        ++m_restarts;
    }
    const qsizetype n = events.size();
    const qint64 newestUs = n > 0 ? events.constLast().tUs : 0;
    const qint64 settledUntilUs = std::min(endUs, newestUs - kSettleUs);
    while (m_settledCount < n && events.at(m_settledCount).tUs <= settledUntilUs)
        m_settled.feed(events.at(m_settledCount++));

    ScenarioEvaluator now = m_settled;
    for (qsizetype i = m_settledCount; i < n && events.at(i).tUs <= endUs; ++i)
        now.feed(events.at(i));
    return now.outcome(readyUs, endUs);
}

} // namespace halfopen::lab
