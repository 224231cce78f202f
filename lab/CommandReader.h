// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/LineSplitter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace halfopen::lab {

// Splits the supervisor's stdin into commands: one JSON object a line. A line that is not a
// JSON object, or that grows past kMaxLineBytes without a newline, becomes an error (the
// supervisor answers `command_error`) instead of being ignored or buffered without end; the
// rest of an overlong line is skipped up to its newline.
class CommandReader
{
public:
    static constexpr qsizetype kMaxLineBytes = core::LineSplitter::kDefaultMaxLineBytes;

    struct Item
    {
        QJsonObject command; // valid when error is empty
        QString error;
    };

    QList<Item> feed(const QByteArray &bytes);

private:
    core::LineSplitter m_lines;
};

} // namespace halfopen::lab
