// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace halfopen::cli {

// Exit statuses every subcommand shares.
enum ExitStatus {
    ExitOk = 0,
    ExitDetectedDeath = 1, // the connection died; the errno name was printed
    ExitUsage = 2,         // bad input: one line naming the field and the allowed range
    ExitRuntime = 3,       // could not start: bind/connect/netlink failed (errno printed)
};

// Prints "halfopen-cli: FIELD: MESSAGE" on stderr and returns ExitUsage.
int usageError(const QString &field, const QString &message);

// Prints "halfopen-cli: MESSAGE" on stderr and returns `status`.
int runtimeError(const QString &message, int status = ExitRuntime);

// Columns `text` takes in a terminal: Chinese, Japanese and Korean characters take two, so that
// tables with translated titles stay aligned.
qsizetype terminalColumns(QStringView text);

// Splits "2,1,3" into integers; false when a part is not an integer or the count differs.
bool parseIntList(const QString &text, qsizetype expected, QList<qint64> *out);

} // namespace halfopen::cli
