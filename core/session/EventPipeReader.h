// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/EventLineParser.h"
#include "core/session/LineSplitter.h"

#include <QList>
#include <QStringList>

namespace halfopen::core {

// The reading end of a pipe of events (one JSON object a line, as Event::toJson writes them):
// the supervisor's stdout in the window and the CLI, an endpoint's in the supervisor and in
// real-network mode, the capture helper's in the watch window. The same codec as a recording's
// reader (EventLineParser, then QJsonDocument for anything else), so a pipe and a recording
// cannot read the same line differently, and the strings every event repeats are shared.
class EventPipeReader
{
public:
    // The events that `bytes` completes, in order. A line that is not an event goes to
    // `problems` ("line 12: …") when given.
    QList<Event> feed(QByteArrayView bytes, QStringList *problems = nullptr);

private:
    LineSplitter m_lines;
    EventLineParser m_parser;
    qint64 m_lineNumber = 0;
};

} // namespace halfopen::core
