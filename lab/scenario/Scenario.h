// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"
#include "lab/LabConfig.h"
#include "lab/scenario/Expectation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace halfopen::lab {

// A fault carried out at a time after the lab is ready (the client connected).
struct ScenarioStep
{
    double atS = 0;
    Fault fault;
};

// When a run ends: at the timeout, or as soon as every expectation is met (and every step
// was carried out), whichever comes first.
struct ScenarioEnd
{
    enum class When : quint8 { Timeout, ExpectationsMet };
    double timeoutS = 20;
    When when = When::ExpectationsMet;
};

// One experiment: a lab, timed faults, an end, and what must be seen. Read from JSON (see
// docs/scenarios.md); the name is the file's stem.
struct Scenario
{
    QString name;
    QString title;       // for built-ins: translated (ScenarioTexts)
    QString explanation; // one paragraph for the GUI: what happens and why
    LabConfig lab;
    QJsonObject labJson; // the "lab" object as written, for toJson()
    QList<ScenarioStep> steps;
    ScenarioEnd end;
    QList<Expectation> expectations;

    QJsonObject toJson() const;
    // Errors name the field path ("steps[1].fault", "expect[0].within_s") and what is allowed.
    static std::optional<Scenario> fromJson(const QJsonObject &json, const QString &name, QString *error);
    // Reads a file: JSON syntax errors name the offset; the name is the file's stem.
    static std::optional<Scenario> fromFile(const QString &path, QString *error);
};

} // namespace halfopen::lab
