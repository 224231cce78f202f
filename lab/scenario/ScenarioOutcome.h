// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"
#include "lab/scenario/Detection.h"
#include "lab/scenario/DetectionFinder.h"
#include "lab/scenario/Expectation.h"

#include <QJsonObject>
#include <QList>
#include <QMap>

namespace halfopen::lab {

struct ExpectationResult
{
    Expectation expectation;
    bool met = false;
    QJsonObject observed; // what the run showed, in the expectation's own terms
};

// Everything a scenario run showed, as of its end (or as of now while it runs). toJson() is
// the summary `halfopen-cli lab run --json` prints; times are seconds since the lab was ready.
struct ScenarioOutcome
{
    enum class Ending : quint8 { Running, ExpectationsMet, Timeout, Stopped, LabFailed };

    QString scenario;
    qint64 readyUs = 0;
    qint64 endUs = 0;
    Ending ending = Ending::Running;
    QString error; // the lab's failure message, if it failed
    QList<FaultRecord> faults;
    QList<Detection> detections;
    QMap<core::Host, core::TcpState> finalStates; // client, server
    QMap<core::Host, QJsonObject> counts;         // per host: count name -> number
    QList<ExpectationResult> expectations;

    bool allMet() const;
    bool passed() const { return allMet() && error.isEmpty() && ending != Ending::LabFailed; }
    QJsonObject toJson() const;
};

QString endingName(ScenarioOutcome::Ending ending); // "expectations_met", "timeout", ...

} // namespace halfopen::lab
