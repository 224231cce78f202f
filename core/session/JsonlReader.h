// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace halfopen::core {

class EventLineParser;
class Session;

// Reads a recorded session back. A damaged line (e.g. the last one of a crashed run) is
// reported with its number and skipped; everything else is kept.
struct JsonlReadResult
{
    QList<Event> events;
    QStringList problems; // "line 12: ..."
    bool opened = false;
    QString openError;
};

JsonlReadResult readJsonl(const QString &path);

// The whole of a recording file, for the readers above and RecordingLoader: regular files only
// (a FIFO would freeze the window, /dev/zero fill its memory), at most kMaxRecordingBytes, and
// not empty. False with a sentence naming the file otherwise.
inline constexpr qint64 kMaxRecordingBytes = qint64(1) << 30;
bool readRecordingFile(const QString &path, QByteArray *bytes, QString *error);

// Replays a recording into a session: downstream models cannot tell it from a live run.
JsonlReadResult replayJsonl(const QString &path, Session *session);

// The events in `lines` (whole lines of a recording), in order; a damaged line goes to
// `problems` under its number, counted from `firstLine`. For readers that split a file their
// own way (RecordingLoader); `parser` keeps its shared strings from one call to the next.
void parseJsonlLines(QByteArrayView lines, qint64 firstLine, EventLineParser *parser, QList<Event> *events,
                     QStringList *problems);

} // namespace halfopen::core
