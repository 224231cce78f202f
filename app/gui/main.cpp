// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen: the desktop application. Builds the engine's objects once, hands them to the
// window, and applies the command line (pick, start, open, screenshot).

#include "GuiOptions.h"
#include "HeadlessReport.h"
#include "Screenshot.h"

#include "control/LabSessionController.h"
#include "i18n/LanguageLoader.h"
#include "lab/LabProcess.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"
#include "models/ScenarioListModel.h"
#include "realnet/RealNetworkDriver.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/ScenarioPicker.h"
#include "ui/SessionFiles.h"
#include "ui/views/ThemeColors.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>
#include <QStyleFactory>

#include <cstdio>
#include <memory>

using namespace halfopen;

namespace {

QList<models::ScenarioListModel::Entry> builtInScenarios()
{
    QList<models::ScenarioListModel::Entry> entries;
    for (const QString &name : lab::ScenarioCatalog::builtInNames())
        entries.append({name, lab::ScenarioTexts::title(name), lab::ScenarioTexts::explanation(name), {}});
    return entries;
}

} // namespace

int main(int argc, char *argv[])
{
    // --report needs no screen: without a display to show on, Qt draws offscreen.
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if ((argument == "--report" || argument.startsWith("--report="))
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HalfOpen"));
    QApplication::setApplicationName(QStringLiteral("halfopen"));
    QApplication::setApplicationVersion(QStringLiteral(HALFOPEN_VERSION));
    // One reverse-DNS id for the .desktop entry, the AppStream metainfo and the icon
    // (packaging/): desktops match the window to its menu entry with it.
    const QString appId = QStringLiteral("io.github.halfopen.HalfOpen");
    QApplication::setDesktopFileName(appId);
    QApplication::setWindowIcon(
        QIcon::fromTheme(appId, QIcon(QStringLiteral(":/icons/io.github.halfopen.HalfOpen.svg"))));
    // The system's language for --help and errors; the settings may choose another below.
    i18n::LanguageLoader language;
    language.install();

    QString error;
    bool helpShown = false;
    const auto options = app::GuiOptions::parse(QApplication::arguments(), &error, &helpShown);
    if (!options) {
        if (helpShown)
            return 0;
        std::fprintf(stderr, "halfopen: %s\n", qPrintable(error));
        return 2;
    }

    if (options->dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(ui::darkPalette());
    }

    if (!options->scenario.isEmpty() && !lab::ScenarioCatalog::isBuiltIn(options->scenario)
        && !QFileInfo::exists(options->scenario)) {
        std::fprintf(
            stderr, "halfopen: %s\n",
            qPrintable(QApplication::translate(
                           "main", "--scenario: '%1' is neither a built-in scenario nor a file; built in: %2")
                           .arg(options->scenario, lab::ScenarioCatalog::builtInNames().join(QStringLiteral(", ")))));
        return 2;
    }

    const auto settings = options->settingsPath.isEmpty() ? std::make_unique<ui::AppSettings>()
                                                          : std::make_unique<ui::AppSettings>(options->settingsPath);
    const QString chosen = options->language.isEmpty() ? settings->language() : options->language;
    if (!chosen.isEmpty())
        language.install(chosen);
    // The lab captures every frame of the latest run here, for File > Export capture.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(cache);
    const QString capture = QDir(cache).filePath(QStringLiteral("last-run.pcap"));
    lab::LabProcess lab({{}, capture, {}});
    control::LabSessionController controller(&lab, capture);
    // Real-network mode: the same endpoint in this machine's own namespace, against a real peer.
    realnet::RealNetworkDriver realNetwork;
    controller.setRealNetworkDriver(&realNetwork);
    models::ScenarioListModel scenarios(builtInScenarios());
    ui::MainWindow window(&controller, &scenarios, settings.get());
    if (!options->report.isEmpty()) {
        // Laid out at a size that makes sharp pictures, never shown; the file is written and the
        // program ends.
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(1600, 1000);
        window.show();
        new app::HeadlessReport(window.files(), &controller, options->recording, options->report);
        return QApplication::exec();
    }
    window.show();
    if (options->presentation)
        window.setPresentation(true);

    // A scenario always runs on the lab, and --start means the lab too: a real peer remembered
    // in the settings is connected to only when the command line asks for it (--real-network).
    if (!options->scenario.isEmpty() || (options->start && !options->realNetwork))
        window.setRealNetworkMode(false);
    else if (options->realNetwork)
        window.setRealNetworkMode(true);
    // A file that exists but is broken is reported in the window, naming the field, and
    // nothing starts in its place.
    bool picked = true;
    if (!options->scenario.isEmpty())
        picked = lab::ScenarioCatalog::isBuiltIn(options->scenario)
            ? window.scenarioPicker()->selectScenario(options->scenario)
            : window.scenarioPicker()->openFile(options->scenario);
    if (!options->recording.isEmpty())
        window.files()->open(options->recording);
    if (options->connections)
        window.showMachineAudit();
    if (options->start && picked)
        window.start();
    if (!options->screenshot.isEmpty())
        new app::Screenshot(&window, &controller, options->screenshot, options->afterSeconds, options->start && picked);
    return QApplication::exec();
}
