// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>

namespace halfopen::testing {

// One halfopen-cli run to completion, as a script would see it.
struct CliRun
{
    int exitCode = -1;   // -1: crashed or timed out
    QString out;         // stdout as text
    QString err;         // stderr as text
    QByteArray outBytes; // stdout as it came (JSON)
};

inline CliRun runCli(const QStringList &arguments, int timeoutMs = 15000)
{
    QProcess process;
    process.start(QStringLiteral(HALFOPEN_CLI), arguments);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace halfopen::testing
