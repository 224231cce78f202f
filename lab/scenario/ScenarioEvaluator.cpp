// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioEvaluator.h"

#include "lab/scenario/DetectionPrediction.h"
#include "lab/scenario/ExpectationCheck.h"

namespace halfopen::lab {

using core::Event;

void ScenarioEvaluator::feed(const Event &event)
{
    m_finder.feed(event);
    m_states.feed(event);
    m_counts.feed(event);
}

ScenarioOutcome ScenarioEvaluator::outcome(qint64 readyUs, qint64 endUs) const
{
    const Scenario &scenario = *m_scenario;
    ScenarioOutcome out;
    out.scenario = scenario.name;
    out.readyUs = readyUs;
    out.endUs = endUs;

    out.faults = m_finder.faults();
    out.detections = m_finder.detections();
    for (Detection &d : out.detections) {
        d.prediction = DetectionPrediction::forDetection(scenario.lab, d);
        // Measure from where the scenario asks; else from where the prediction counts (a marker
        // on a real network is shown beside it: see Detection::headlineReference).
        d.reference = d.headlineReference();
        for (const Expectation &e : scenario.expectations) {
            if (e.kind == Expectation::Kind::Detection && e.hasWindow() && ExpectationCheck::matches(e, d)) {
                d.reference = e.reference;
                break;
            }
        }
    }

    for (const core::Host host : {core::Host::Client, core::Host::Server}) {
        out.finalStates.insert(host, m_states.finalState(host));
        out.counts.insert(host, m_counts.toJson(host));
    }

    const ExpectationCheck check(out.detections, m_states, m_counts, readyUs);
    for (const Expectation &e : scenario.expectations)
        out.expectations.append(check.check(e));
    return out;
}

ScenarioOutcome ScenarioEvaluator::evaluate(const Scenario &scenario, const QList<Event> &events, qint64 readyUs,
                                            qint64 endUs)
{
    ScenarioEvaluator evaluator(scenario);
    for (const Event &e : events) {
        if (e.tUs > endUs)
            break;
        evaluator.feed(e);
    }
    return evaluator.outcome(readyUs, endUs);
}

} // namespace halfopen::lab
