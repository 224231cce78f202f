// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace halfopen::cli {

// Each subcommand takes its own arguments (argv after the subcommand name, with a program
// name first, as QCommandLineParser expects) and returns the process exit status.
int runServe(const QStringList &arguments);
int runConnect(const QStringList &arguments);
int runPredict(const QStringList &arguments);
int runSockets(const QStringList &arguments);
int runLab(const QStringList &arguments);
int runAudit(const QStringList &arguments);
int runExporter(const QStringList &arguments);
int runWatch(const QStringList &arguments);
int runFault(const QStringList &arguments);

} // namespace halfopen::cli
