// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-lab: the lab supervisor. Started by halfopen-cli or the GUI, never by hand: JSON
// commands on stdin, events on stdout. It lives in namespaces of its own and dies with its
// parent, taking every host, cable end and endpoint with it.

#include "core/session/MonotonicClock.h"
#include "core/session/RunStepFields.h"
#include "i18n/LanguageLoader.h"
#include "lab/CommandReader.h"
#include "lab/PrivateNamespaces.h"
#include "lab/Supervisor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

using namespace halfopen;

namespace {

void writeEvent(const core::Event &event)
{
    QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void writeFailure(const QString &message)
{
    writeEvent(core::Event::labEvent(0, core::RunStep::Failed, core::RunStepFields::withMessage(message).toDetail()));
}

} // namespace

int main(int argc, char *argv[])
{
    // Die with the parent, and don't start at all if it is already gone.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() == 1)
        return 1;
    std::signal(SIGPIPE, SIG_IGN);

    // Namespaces first: a user namespace can only be entered while single-threaded.
    QString error;
    if (!lab::enterPrivateNamespaces(&error)) {
        writeFailure(error);
        return 3;
    }

    QCoreApplication app(argc, argv);
    // The messages the window shows from here (a fault that failed) in the window's language,
    // passed down as HALFOPEN_LANGUAGE. (The namespace error above comes too early: English.)
    i18n::LanguageLoader language;
    language.install();
    lab::Supervisor supervisor;
    QObject::connect(&supervisor, &lab::Supervisor::event, &writeEvent);
    QObject::connect(
        &supervisor, &lab::Supervisor::finished, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);

    lab::CommandReader commands;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &supervisor, [&] {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            // The parent closed our stdin: tear down.
            input.setEnabled(false);
            supervisor.handle(lab::LabCommand::stop());
            return;
        }
        for (const lab::CommandReader::Item &item : commands.feed(QByteArray::fromRawData(buffer, qsizetype(n)))) {
            if (item.error.isEmpty())
                supervisor.handleCommand(item.command);
            else
                writeEvent(core::Event::labEvent(core::monotonicNowUs(), core::RunStep::CommandError,
                                                 core::RunStepFields::withMessage(item.error).toDetail()));
        }
    });

    // SIGTERM/SIGINT: a clean stop from the event loop.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    const int signalFd = ::signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    QSocketNotifier signalNotifier(signalFd, QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &supervisor, [&] {
        signalfd_siginfo info{};
        while (::read(signalFd, &info, sizeof info) == sizeof info) { }
        supervisor.handle(lab::LabCommand::stop());
    });
    return app.exec();
}
