// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/scenario/Detection.h"
#include "lab/scenario/EventCounts.h"
#include "lab/scenario/ScenarioOutcome.h"
#include "lab/scenario/SocketStateTracker.h"

namespace halfopen::lab {

// Checks expectations against what a run showed so far. "So far" matters while the run goes
// on: a final state or a no_error holds now and is final only at the end.
class ExpectationCheck
{
public:
    ExpectationCheck(const QList<Detection> &detections, const SocketStateTracker &states, const EventCounts &counts,
                     qint64 readyUs);

    ExpectationResult check(const Expectation &expectation) const;

    // Does this detection answer this expectation (host, errno, mechanism; not the window)?
    static bool matches(const Expectation &expectation, const Detection &detection);

private:
    ExpectationResult checkDetection(const Expectation &e) const;
    QJsonObject brief(const Detection &d, core::TimeReference reference) const;
    QList<core::Host> hostsOf(const Expectation &e) const;

    const QList<Detection> &m_detections;
    const SocketStateTracker &m_states;
    const EventCounts &m_counts;
    qint64 m_readyUs;
};

} // namespace halfopen::lab
