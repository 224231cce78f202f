#include "GuiOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace halfopen::app {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("GuiOptions", text);
}
constexpr double kMaxAfterSeconds = 3600;
} // namespace

std::optional<GuiOptions> GuiOptions::parse(const QStringList &arguments, QString *error, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("HalfOpen: make the life and death of TCP connections visible."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption scenario(QStringLiteral("scenario"), tr("Pick a built-in scenario by name, or a scenario file."), QStringLiteral("NAME|FILE"));
    const QCommandLineOption start(QStringLiteral("start"), tr("Start at once: the picked scenario, or a free lab session."));
    const QCommandLineOption open(QStringLiteral("open"), tr("Open a recorded session (JSONL)."), QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), tr("Save a picture of the window to FILE (PNG) and quit."), QStringLiteral("FILE"));
    const QCommandLineOption after(QStringLiteral("after-seconds"),
                                   tr("With --screenshot: seconds after the lab is ready (default 3)."), QStringLiteral("S"));
    const QCommandLineOption settings(QStringLiteral("settings"), tr("Read and keep settings in this INI file."), QStringLiteral("FILE"));
    const QCommandLineOption dark(QStringLiteral("dark"), tr("Dark colours (the Fusion style with a dark palette), whatever the desktop's theme."));
    parser.addOptions({scenario, start, open, screenshot, after, settings, dark});
    *helpShown = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        std::printf("%s", qPrintable(parser.isSet(help) ? parser.helpText()
                                                         : QStringLiteral("halfopen %1\n").arg(QCoreApplication::applicationVersion())));
        *helpShown = true;
        return std::nullopt;
    }
    GuiOptions o;
    o.scenario = parser.value(scenario);
    o.start = parser.isSet(start);
    o.recording = parser.value(open);
    o.screenshot = parser.value(screenshot);
    o.settingsPath = parser.value(settings);
    o.dark = parser.isSet(dark);
    if (parser.isSet(after)) {
        bool ok = false;
        o.afterSeconds = parser.value(after).toDouble(&ok);
        if (!ok || o.afterSeconds < 0 || o.afterSeconds > kMaxAfterSeconds) {
            *error = tr("--after-seconds: expected seconds from 0 to %1, got '%2'").arg(kMaxAfterSeconds).arg(parser.value(after));
            return std::nullopt;
        }
    }
    if (o.start && !o.recording.isEmpty()) {
        *error = tr("--start and --open: a recording is replayed, not started; use one of them");
        return std::nullopt;
    }
    return o;
}

} // namespace halfopen::app
