// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioOutcome.h"

#include <QJsonArray>

#include <algorithm>

namespace halfopen::lab {

QString endingName(ScenarioOutcome::Ending ending)
{
    switch (ending) {
    case ScenarioOutcome::Ending::Running:
        return QStringLiteral("running");
    case ScenarioOutcome::Ending::ExpectationsMet:
        return QStringLiteral("expectations_met");
    case ScenarioOutcome::Ending::Timeout:
        return QStringLiteral("timeout");
    case ScenarioOutcome::Ending::Stopped:
        return QStringLiteral("stopped");
    case ScenarioOutcome::Ending::LabFailed:
        return QStringLiteral("lab_failed");
    }
    return {};
}

bool ScenarioOutcome::allMet() const
{
    return std::all_of(expectations.begin(), expectations.end(), [](const ExpectationResult &r) { return r.met; });
}

QJsonObject ScenarioOutcome::toJson() const
{
    QJsonArray faultArray;
    for (const FaultRecord &f : faults) {
        QJsonObject j{{QStringLiteral("t_s"), (f.tUs - readyUs) / 1e6}, {QStringLiteral("fault"), f.fault}};
        j.insert(QStringLiteral("host"),
                 f.host == core::Host::None ? QJsonValue(QJsonValue::Null) : QJsonValue(core::hostName(f.host)));
        faultArray.append(j);
    }
    QJsonArray detectionArray;
    for (const Detection &d : detections)
        detectionArray.append(d.toJson(readyUs));
    QJsonObject states;
    for (auto it = finalStates.begin(); it != finalStates.end(); ++it)
        states.insert(core::hostName(it.key()), core::tcpStateName(it.value()));
    QJsonObject countObject;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        countObject.insert(core::hostName(it.key()), it.value());
    QJsonArray expectationArray;
    // A lab that failed proves nothing: what "happened" is its teardown (a client-closed
    // "met" because the lab tore the hosts down). Such a run judges no expectation.
    const bool judged = ending != Ending::LabFailed;
    for (const ExpectationResult &r : expectations) {
        QJsonObject j{{QStringLiteral("id"), r.expectation.id},
                      {QStringLiteral("met"), judged && r.met},
                      {QStringLiteral("judged"), judged},
                      {QStringLiteral("expected"), r.expectation.toJson()},
                      {QStringLiteral("observed"), r.observed}};
        j.insert(QStringLiteral("host"),
                 r.expectation.host == core::Host::None ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(core::hostName(r.expectation.host)));
        expectationArray.append(j);
    }
    QJsonObject j{{QStringLiteral("scenario"), scenario},
                  {QStringLiteral("passed"), passed()},
                  {QStringLiteral("ended_by"), endingName(ending)},
                  {QStringLiteral("duration_s"), endUs > readyUs && readyUs > 0 ? (endUs - readyUs) / 1e6 : 0.0},
                  {QStringLiteral("faults"), faultArray},
                  {QStringLiteral("detections"), detectionArray},
                  {QStringLiteral("final_states"), states},
                  {QStringLiteral("counts"), countObject},
                  {QStringLiteral("expectations"), expectationArray}};
    if (!error.isEmpty())
        j.insert(QStringLiteral("error"), error);
    return j;
}

} // namespace halfopen::lab
