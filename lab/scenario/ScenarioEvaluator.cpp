#include "lab/scenario/ScenarioEvaluator.h"

#include "lab/scenario/DetectionFinder.h"
#include "lab/scenario/DetectionPrediction.h"
#include "lab/scenario/EventCounts.h"
#include "lab/scenario/ExpectationCheck.h"
#include "lab/scenario/SocketStateTracker.h"

namespace halfopen::lab {

using core::Event;

ScenarioOutcome ScenarioEvaluator::evaluate(const Scenario &scenario, const QList<Event> &events, qint64 readyUs,
                                            qint64 endUs)
{
    ScenarioOutcome out;
    out.scenario = scenario.name;
    out.readyUs = readyUs;
    out.endUs = endUs;

    const DetectionFinder finder(events, endUs);
    out.faults = finder.faults();
    out.detections = finder.detections();
    for (Detection &d : out.detections) {
        d.prediction = DetectionPrediction::forDetection(scenario.lab, d);
        // Measure from where the scenario asks; else from the user's marker (the only moment a
        // real network's fault is known); else from where the prediction counts.
        d.reference = d.prediction ? d.prediction->reference : core::TimeReference::Fault;
        if (d.faultName == QLatin1String("marker"))
            d.reference = core::TimeReference::Fault;
        for (const Expectation &e : scenario.expectations) {
            if (e.kind == Expectation::Kind::Detection && e.hasWindow() && ExpectationCheck::matches(e, d)) {
                d.reference = e.reference;
                break;
            }
        }
    }

    SocketStateTracker states;
    EventCounts counts;
    for (const Event &e : events) {
        if (e.tUs > endUs)
            break;
        states.feed(e);
        counts.feed(e);
    }
    for (const QString &host : {QStringLiteral("client"), QStringLiteral("server")}) {
        out.finalStates.insert(host, states.finalState(host));
        out.counts.insert(host, counts.toJson(host));
    }

    const ExpectationCheck check(out.detections, states, counts, readyUs);
    for (const Expectation &e : scenario.expectations)
        out.expectations.append(check.check(e));
    return out;
}

} // namespace halfopen::lab
