// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/EventPipeReader.h"

#include "core/session/JsonlReader.h"

#include <QCoreApplication>

namespace halfopen::core {

QList<Event> EventPipeReader::feed(QByteArrayView bytes, QStringList *problems)
{
    QList<Event> events;
    QStringList ignored;
    for (const LineSplitter::Line &line : m_lines.feed(bytes)) {
        ++m_lineNumber;
        if (line.overlong) {
            (problems ? *problems : ignored)
                << QCoreApplication::translate("EventPipeReader", "line %1: longer than %2 bytes, skipped")
                       .arg(m_lineNumber)
                       .arg(LineSplitter::kDefaultMaxLineBytes);
            continue;
        }
        parseJsonlLines(line.text, m_lineNumber, &m_parser, &events, problems ? problems : &ignored);
    }
    return events;
}

} // namespace halfopen::core
