// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace halfopen::lab {

// The built-in scenarios' titles and explanations, kept in C++ so lupdate finds them
// (context "Scenario"); the JSON files carry the same English text. Also the order in which
// the built-ins are listed.
class ScenarioTexts
{
public:
    static QStringList names();
    static bool contains(const QString &name);

    // Translated; empty for a name that is not built in.
    static QString title(const QString &name);
    static QString explanation(const QString &name);

    // The English source text, as the JSON file must carry it.
    static QString sourceTitle(const QString &name);
    static QString sourceExplanation(const QString &name);
};

} // namespace halfopen::lab
