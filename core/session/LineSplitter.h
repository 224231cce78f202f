// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace halfopen::core {

// Splits what a pipe delivers, in whatever pieces it comes, into its lines: the one way every
// pipe of HalfOpen (the supervisor's commands, the events of the supervisor, the endpoints and
// the capture helper, the CLI's stdin) is read. A line growing past the limit without a newline
// is given once as `overlong` and the rest of it skipped up to its newline, so a peer that never
// ends its line cannot fill our memory.
class LineSplitter
{
public:
    static constexpr qsizetype kDefaultMaxLineBytes = 1024 * 1024;

    explicit LineSplitter(qsizetype maxLineBytes = kDefaultMaxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    { }

    struct Line
    {
        QByteArray text;       // without its newline, trimmed; empty lines are not given
        bool overlong = false; // text is empty then
    };

    // The lines that `bytes` completes; an unfinished one is kept for the next call.
    QList<Line> feed(QByteArrayView bytes);
    // What is held back of an unfinished line (e.g. the last words of a process that exited).
    QByteArray takeRest();

private:
    qsizetype m_maxLineBytes;
    QByteArray m_pending;
    bool m_skipping = false; // inside an overlong line, already given
};

} // namespace halfopen::core
