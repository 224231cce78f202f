// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiOptions.h"

#include "i18n/LanguageLoader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace halfopen::app {

using i18n::LanguageLoader;

namespace {
// lupdate takes the context from this class: the strings below are "GuiOptions"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuiOptions)
};
constexpr double kMaxAfterSeconds = 3600;
} // namespace

std::optional<GuiOptions> GuiOptions::parse(const QStringList &arguments, QString *error, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("HalfOpen: make the life and death of TCP connections visible."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      Text::tr("Pick a built-in scenario by name, or a scenario file."),
                                      QStringLiteral("NAME|FILE"));
    const QCommandLineOption start(QStringLiteral("start"),
                                   Text::tr("Start at once: the picked scenario, or a free lab session."));
    const QCommandLineOption realNetwork(
        QStringLiteral("real-network"),
        Text::tr("With --start: start this machine's side against the real peer remembered in the "
                 "settings. Without it, --start always runs the virtual lab."));
    const QCommandLineOption open(QStringLiteral("open"), Text::tr("Open a recorded session (JSONL)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Text::tr("Save a picture of the window to FILE (PNG) and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        Text::tr("With --open: write the recording's report to FILE (.pdf or .html) and quit, without a window."),
        QStringLiteral("FILE"));
    const QCommandLineOption after(QStringLiteral("after-seconds"),
                                   Text::tr("With --screenshot: seconds after the lab is ready (default 3)."),
                                   QStringLiteral("S"));
    const QCommandLineOption settings(QStringLiteral("settings"), Text::tr("Read and keep settings in this INI file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      Text::tr("Show the window in this language (%1), whatever the settings say.")
                                          .arg(LanguageLoader::available().join(QStringLiteral(", "))),
                                      QStringLiteral("CODE"));
    const QCommandLineOption dark(
        QStringLiteral("dark"),
        Text::tr("Dark colours (the Fusion style with a dark palette), whatever the desktop's theme."));
    const QCommandLineOption presentation(
        QStringLiteral("presentation"),
        Text::tr("Start in presentation mode: full screen, large timeline and verdict (F11 leaves it)."));
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         Text::tr("Open on \"This machine's connections\": every TCP connection, its "
                                                  "risk of staying half-open and the fix."));
    parser.addOptions({scenario, start, realNetwork, open, screenshot, report, after, settings, language, dark,
                       presentation, connections});
    *helpShown = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        std::printf("%s",
                    qPrintable(parser.isSet(help)
                                   ? parser.helpText()
                                   : QStringLiteral("halfopen %1\n").arg(QCoreApplication::applicationVersion())));
        *helpShown = true;
        return std::nullopt;
    }
    GuiOptions o;
    o.scenario = parser.value(scenario);
    o.start = parser.isSet(start);
    o.realNetwork = parser.isSet(realNetwork);
    o.recording = parser.value(open);
    o.screenshot = parser.value(screenshot);
    o.report = parser.value(report);
    o.settingsPath = parser.value(settings);
    o.dark = parser.isSet(dark);
    o.presentation = parser.isSet(presentation);
    o.connections = parser.isSet(connections);
    o.language = parser.value(language);
    if (!o.language.isEmpty() && !LanguageLoader::available().contains(o.language)) {
        *error = Text::tr("--language: expected one of %1, got '%2'")
                     .arg(LanguageLoader::available().join(QStringLiteral(", ")), o.language);
        return std::nullopt;
    }
    if (parser.isSet(after)) {
        bool ok = false;
        o.afterSeconds = parser.value(after).toDouble(&ok);
        if (!ok || o.afterSeconds < 0 || o.afterSeconds > kMaxAfterSeconds) {
            *error = Text::tr("--after-seconds: expected seconds from 0 to %1, got '%2'")
                         .arg(kMaxAfterSeconds)
                         .arg(parser.value(after));
            return std::nullopt;
        }
    }
    if (!o.report.isEmpty()) {
        const QString suffix = QFileInfo(o.report).suffix().toLower();
        if (o.recording.isEmpty()) {
            *error = Text::tr("--report: only with --open FILE.jsonl (the recording to report on)");
            return std::nullopt;
        }
        if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") && suffix != QLatin1String("htm")) {
            *error = Text::tr("--report: the file name must end in .pdf or .html, got '%1'").arg(o.report);
            return std::nullopt;
        }
        if (!o.screenshot.isEmpty() || o.presentation || o.connections) {
            *error = Text::tr("--report writes a file without a window: not with --screenshot, --presentation or "
                              "--connections");
            return std::nullopt;
        }
    }
    if (o.start && !o.recording.isEmpty()) {
        *error = Text::tr("--start and --open: a recording is replayed, not started; use one of them");
        return std::nullopt;
    }
    // A scenario is an experiment on the virtual lab: it never goes out to a real peer.
    if (o.realNetwork && !o.scenario.isEmpty()) {
        *error = Text::tr("--real-network and --scenario: scenarios run on the virtual lab; use one of them");
        return std::nullopt;
    }
    if (o.realNetwork && !o.start) {
        *error = Text::tr("--real-network: only with --start (it starts against the remembered real peer)");
        return std::nullopt;
    }
    return o;
}

} // namespace halfopen::app
