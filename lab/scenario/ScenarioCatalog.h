// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/scenario/Scenario.h"

#include <QStringList>
#include <optional>

namespace halfopen::lab {

// The scenarios compiled into the program (resources/scenarios/*.json as :/scenarios/NAME.json).
class ScenarioCatalog
{
public:
    // Every built-in scenario's name, in ScenarioTexts order (any file the table lacks last).
    static QStringList builtInNames();
    static bool isBuiltIn(const QString &name);

    // A built-in with its title and explanation translated.
    static std::optional<Scenario> builtIn(const QString &name, QString *error);

    // A built-in by name, or else a JSON file by path. Sets *unknownName when `nameOrPath` is
    // neither a built-in nor an existing file (the caller lists the names).
    static std::optional<Scenario> load(const QString &nameOrPath, QString *error, bool *unknownName);
};

} // namespace halfopen::lab
