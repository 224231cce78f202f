// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace halfopen::app {

// The window's command line: what to show and run at once, and a screenshot mode for the docs.
struct GuiOptions
{
    QString scenario;          // a built-in's name or a scenario file to pick
    bool start = false;        // start at once (the picked scenario, or a free lab session)
    bool realNetwork = false;  // --real-network: start against the remembered real peer instead of the lab
    QString recording;         // a JSONL recording to open
    QString screenshot;        // grab the window to this PNG and quit
    QString report;            // with `recording`: write its report (PDF or HTML) to this file and quit
    double afterSeconds = 3;   // ... this long after the lab is ready (or after showing, without a run)
    QString settingsPath;      // an INI file instead of the user's settings
    QString language;          // "en", "zh_CN"; empty: as chosen in the settings
    bool dark = false;         // Fusion with a dark palette, whatever the desktop's theme
    bool presentation = false; // start in presentation mode (View > Presentation mode, F11)
    bool connections = false;  // open on "This machine's connections" (the audit)

    // Returns nullopt with a message naming the option and what it accepts.
    static std::optional<GuiOptions> parse(const QStringList &arguments, QString *error, bool *helpShown);
};

} // namespace halfopen::app
