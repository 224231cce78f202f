// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace halfopen::lab {

// A run's summary (ScenarioOutcome::toJson) as readable lines for a terminal: the verdict,
// faults, detections beside their predictions, final states, counts and each expectation.
// Works from the JSON so a saved summary reads the same as a live one.
class ScenarioSummaryText
{
public:
    static QStringList lines(const QJsonObject &summary);
};

} // namespace halfopen::lab
