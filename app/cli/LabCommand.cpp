// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli lab: the virtual lab's scenarios. `lab list` names the built-in ones; `lab run`
// plays one (built-in or a JSON file) on a fresh lab and judges its expectations.

#include "CliCommands.h"
#include "CliUsage.h"

#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioRunner.h"
#include "lab/scenario/ScenarioSummaryText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

using namespace halfopen::core;
using namespace halfopen::lab;

namespace halfopen::cli {

namespace {

// lupdate takes the context from this class: the strings below are "lab"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(lab)
};

void printLine(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int listScenarios(bool json)
{
    const QStringList names = ScenarioCatalog::builtInNames();
    QList<Scenario> scenarios;
    for (const QString &name : names) {
        QString error;
        const auto scenario = ScenarioCatalog::builtIn(name, &error);
        if (!scenario)
            return runtimeError(Text::tr("built-in scenario %1 is broken: %2").arg(name, error));
        scenarios.append(*scenario);
    }
    if (json) {
        QJsonArray array;
        for (const Scenario &s : scenarios)
            array.append(QJsonObject{{QStringLiteral("name"), s.name},
                                     {QStringLiteral("title"), s.title},
                                     {QStringLiteral("explanation"), s.explanation}});
        std::printf("%s", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
        return ExitOk;
    }
    qsizetype width = 0;
    for (const Scenario &s : scenarios)
        width = std::max(width, s.name.size());
    for (const Scenario &s : scenarios)
        printLine(QStringLiteral("%1  %2").arg(s.name, -int(width)).arg(s.title));
    return ExitOk;
}

// SIGINT/SIGTERM end the run cleanly (the lab is stopped, the summary printed) through a
// signalfd, so nothing happens inside a signal handler.
class QuitSignals
{
public:
    explicit QuitSignals(ScenarioRunner *runner)
    {
        sigset_t mask;
        sigemptyset(&mask);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGTERM);
        ::sigprocmask(SIG_BLOCK, &mask, nullptr);
        m_fd = ::signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
        if (m_fd < 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, runner, [this, runner] {
            signalfd_siginfo info{};
            while (::read(m_fd, &info, sizeof info) == sizeof info) { }
            runner->stop();
        });
    }
    ~QuitSignals()
    {
        m_notifier.reset();
        if (m_fd >= 0)
            ::close(m_fd);
    }

private:
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

int runScenario(const Scenario &scenario, bool json, const QString &recordPath, const QString &pcapPath)
{
    LabProcess::Options options;
    options.pcapPath = pcapPath;
    LabProcess lab(options);
    Session session;
    JsonlRecorder recorder(&session);
    if (!recordPath.isEmpty()) {
        QString error;
        if (!recorder.open(recordPath, &error))
            return runtimeError(error);
    }
    bool recordingFailed = false;
    QObject::connect(&recorder, &JsonlRecorder::writeFailed, &recorder, [&recordingFailed](const QString &message) {
        recordingFailed = true;
        std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(message));
    });
    ScenarioRunner runner(&lab, &session);
    if (!json) {
        printLine(QStringLiteral("%1: %2").arg(scenario.name, scenario.title));
        QObject::connect(&session, &Session::eventAdded, &runner,
                         [&session](const Event &e) { printLine(describeEvent(e, session.originUs())); });
    }

    bool labFailed = false;
    QObject::connect(&runner, &ScenarioRunner::failed, &runner, [&labFailed](const QString &message) {
        labFailed = true;
        std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(Text::tr("the lab failed: %1").arg(message)));
    });
    QObject::connect(&runner, &ScenarioRunner::finished, &runner, [&](const QJsonObject &summary) {
        if (json) {
            std::printf("%s", QJsonDocument(summary).toJson(QJsonDocument::Indented).constData());
        } else {
            printLine(QString());
            for (const QString &line : ScenarioSummaryText::lines(summary))
                printLine(line);
        }
        std::fflush(stdout);
        const int status = labFailed || recordingFailed        ? ExitRuntime
            : summary.value(QStringLiteral("passed")).toBool() ? ExitOk
                                                               : ExitDetectedDeath;
        QCoreApplication::exit(status);
    });

    const QuitSignals quit(&runner);
    runner.start(scenario);
    return QCoreApplication::exec();
}

} // namespace

int runLab(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Runs the virtual lab: two hosts in network namespaces joined by a cable that can be cut.\n\n"
                 "  lab list            the built-in scenarios (name and title)\n"
                 "  lab run NAME|FILE   play a scenario and check its expectations\n\n"
                 "Exit status of run: 0 every expectation met, 1 not, 2 bad input, 3 the lab could not start."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption json(
        QStringLiteral("json"),
        Text::tr("list: a JSON array. run: print nothing while running, then one JSON summary object."));
    const QCommandLineOption record(QStringLiteral("record"), Text::tr("run: write every event to FILE (JSONL)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption pcap(QStringLiteral("pcap"),
                                  Text::tr("run: capture every frame on the cable to FILE (pcap)."),
                                  QStringLiteral("FILE"));
    const QList<QCommandLineOption> all{json, record, pcap};
    parser.addOptions(all);
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("list or run"));
    parser.addPositionalArgument(QStringLiteral("scenario"), Text::tr("run: a built-in scenario's name or a JSON file"),
                                 QStringLiteral("[NAME|FILE]"));
    if (!parser.parse(arguments)) {
        QStringList known;
        for (const QCommandLineOption &option : all)
            known.append(QStringLiteral("--") + option.names().constFirst());
        return usageError(QStringLiteral("option"),
                          Text::tr("%1 Options: %2").arg(parser.errorText(), known.join(QStringLiteral(", "))));
    }
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return ExitOk;
    }

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("list")) {
        if (positional.size() > 1)
            return usageError(QStringLiteral("argument"),
                              Text::tr("unexpected argument '%1': lab list takes --json only").arg(positional.at(1)));
        return listScenarios(parser.isSet(json));
    }
    if (action != QLatin1String("run"))
        return usageError(QStringLiteral("action"), Text::tr("expected list or run, got '%1'").arg(action));
    if (positional.size() != 2)
        return usageError(QStringLiteral("scenario"),
                          Text::tr("lab run takes one scenario, a name or a file; built in: %1")
                              .arg(ScenarioCatalog::builtInNames().join(QStringLiteral(", "))));

    const QString what = positional.at(1);
    QString error;
    bool unknownName = false;
    const auto scenario = ScenarioCatalog::load(what, &error, &unknownName);
    if (!scenario) {
        if (unknownName)
            return usageError(QStringLiteral("scenario"),
                              Text::tr("'%1' is neither a built-in scenario nor a file; built in: %2")
                                  .arg(what, ScenarioCatalog::builtInNames().join(QStringLiteral(", "))));
        return usageError(what, error);
    }
    return runScenario(*scenario, parser.isSet(json), parser.value(record), parser.value(pcap));
}

} // namespace halfopen::cli
