// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioCatalog.h"

#include "lab/scenario/ScenarioTexts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace halfopen::lab {

namespace {

const QString kResourceDir = QStringLiteral(":/scenarios");

QString resourcePath(const QString &name)
{
    return QStringLiteral("%1/%2.json").arg(kResourceDir, name);
}

} // namespace

QStringList ScenarioCatalog::builtInNames()
{
    QStringList compiledIn;
    const QStringList files = QDir(kResourceDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        compiledIn << QFileInfo(file).completeBaseName();
    QStringList names;
    for (const QString &name : ScenarioTexts::names()) {
        if (compiledIn.contains(name))
            names << name;
    }
    for (const QString &name : std::as_const(compiledIn)) {
        if (!names.contains(name))
            names << name;
    }
    return names;
}

bool ScenarioCatalog::isBuiltIn(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && QFileInfo::exists(resourcePath(name));
}

std::optional<Scenario> ScenarioCatalog::builtIn(const QString &name, QString *error)
{
    if (!isBuiltIn(name)) {
        *error = QCoreApplication::translate("Scenario", "no built-in scenario '%1'").arg(name);
        return std::nullopt;
    }
    auto scenario = Scenario::fromFile(resourcePath(name), error);
    if (scenario && ScenarioTexts::contains(name)) {
        scenario->title = ScenarioTexts::title(name);
        scenario->explanation = ScenarioTexts::explanation(name);
    }
    return scenario;
}

std::optional<Scenario> ScenarioCatalog::load(const QString &nameOrPath, QString *error, bool *unknownName)
{
    *unknownName = false;
    if (isBuiltIn(nameOrPath))
        return builtIn(nameOrPath, error);
    if (!QFileInfo(nameOrPath).isFile()) {
        *unknownName = true;
        *error
            = QCoreApplication::translate("Scenario", "'%1' is neither a built-in scenario nor a file").arg(nameOrPath);
        return std::nullopt;
    }
    return Scenario::fromFile(nameOrPath, error);
}

} // namespace halfopen::lab
