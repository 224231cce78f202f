// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli: the engine from a terminal. Subcommand names and JSON fields are stable:
// other tools script against them.

#include "CliCommands.h"
#include "CliUsage.h"

#include "i18n/LanguageLoader.h"

#include <QCoreApplication>

#include <array>
#include <csignal>
#include <cstdio>

using namespace halfopen::cli;

namespace {

struct Subcommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &);
};

const std::array kSubcommands = {
    Subcommand{"serve", QT_TRANSLATE_NOOP("cli", "listen for test connections and report how each one dies"), runServe},
    Subcommand{"connect", QT_TRANSLATE_NOOP("cli", "open a test connection and report how it dies"), runConnect},
    Subcommand{"predict", QT_TRANSLATE_NOOP("cli", "predict when each kind of peer death is detected"), runPredict},
    Subcommand{"sockets", QT_TRANSLATE_NOOP("cli", "list TCP sockets with timers and tcp_info (sock_diag)"),
               runSockets},
    Subcommand{
        "audit",
        QT_TRANSLATE_NOOP(
            "cli", "audit this machine's connections: process, options, when a dead peer is noticed, risk and fix"),
        runAudit},
    Subcommand{"watch",
               QT_TRANSLATE_NOOP("cli", "watch one connection of this machine: states, samples and its packets"),
               runWatch},
    Subcommand{"exporter",
               QT_TRANSLATE_NOOP("cli", "serve the connections' half-open risk as Prometheus metrics (/metrics)"),
               runExporter},
    Subcommand{"lab", QT_TRANSLATE_NOOP("cli", "run the virtual lab's scenarios (lab list, lab run NAME|FILE)"),
               runLab},
    Subcommand{"fault",
               QT_TRANSLATE_NOOP("cli", "cut, abort or freeze one real connection and time the application's reaction"),
               runFault},
};

void printHelp()
{
    std::printf(
        "%s",
        qPrintable(QCoreApplication::translate("cli",
                                               "Usage: halfopen-cli COMMAND [options]\n"
                                               "Makes the life and death of TCP connections visible.\n\nCommands:\n")));
    for (const Subcommand &c : kSubcommands)
        std::printf("  %-9s %s\n", c.name, qPrintable(QCoreApplication::translate("cli", c.summary)));
    std::printf("%s",
                qPrintable(QCoreApplication::translate(
                    "cli",
                    "\nRun 'halfopen-cli COMMAND --help' for a command's options.\n"
                    "Exit status: 0 clean end, 1 connection died (errno printed), 2 bad input, 3 could not start.\n")));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("halfopen-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HALFOPEN_VERSION));
    // Messages for people follow HALFOPEN_LANGUAGE or the system; JSON output never changes.
    halfopen::i18n::LanguageLoader language;
    language.install();
    // A dead peer must never kill us: writes use MSG_NOSIGNAL, and this covers anything else.
    std::signal(SIGPIPE, SIG_IGN);

    QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")
        || args.at(1) == QLatin1String("help")) {
        printHelp();
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args.at(1) == QLatin1String("--version")) {
        std::printf("halfopen-cli %s\n", HALFOPEN_VERSION);
        return ExitOk;
    }
    const QString name = args.at(1);
    for (const Subcommand &c : kSubcommands) {
        if (name == QLatin1String(c.name)) {
            args.removeAt(1);
            args[0] = QStringLiteral("halfopen-cli %1").arg(name);
            return c.run(args);
        }
    }
    return usageError(
        QStringLiteral("command"),
        QCoreApplication::translate(
            "cli",
            "unknown command '%1': expected serve, connect, predict, sockets, audit, watch, exporter, lab or fault")
            .arg(name));
}
