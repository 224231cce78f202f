// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/WallClock.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace halfopen::core {

class EventLineParser;
class Session;

// What a recording says of itself besides its events. Format 2 on, the recorder writes a first
// line {"format":2,"recording":"halfopen"} and, when it is closed in order, a last line
// {"recording":"end","t_us":T}: a format-2 recording without that end was cut (the program
// recording it was killed, the machine lost power) and ends with its last event. A recording
// without the first line was written before the marks existed (format 1): whether it was cut
// cannot be known, and it is not called incomplete. The marks are not events; a reader that
// takes every line for an event (HalfOpen before format 2) reports them as damaged lines.
// Format 3 adds to the first line the wall clock at which recording began and CLOCK_MONOTONIC at
// that moment, {"format":3,"recording":"halfopen","wall_clock":"2026-12-05T01:22:13.123Z",
// "monotonic_us":T}: every event's wall time is wall_clock + (t_us − monotonic_us) (WallClock).
// A recording without them (format 1 or 2) reads as before, its wall times unknown.
inline constexpr int kRecordingFormat = 3;
struct RecordingMarks
{
    int format = 1;      // 1: no first line
    bool ended = false;  // the orderly end was written
    qint64 endUs = -1;   // its time (CLOCK_MONOTONIC), when ended
    WallClock wallClock; // when recording began (format 3 on); invalid before
    // A recording known to have been cut: format 2 on, no end.
    bool cut() const { return format >= 2 && !ended; }
};

// Reads a recorded session back. A damaged line (e.g. the last one of a crashed run) is
// reported with its number and skipped; everything else is kept.
struct JsonlReadResult
{
    QList<Event> events;
    RecordingMarks marks;
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

// Replays a recording into a session: downstream models cannot tell it from a live run. The
// events go in by time (a file whose times go back, two recordings joined say, is sorted first:
// inserting each late event in place would cost the whole session each time).
JsonlReadResult replayJsonl(const QString &path, Session *session);

// The events in `lines` (whole lines of a recording), in order; a damaged line goes to
// `problems` under its number, counted from `firstLine`. For readers that split a file their
// own way (RecordingLoader); `parser` keeps its shared strings from one call to the next. The
// recording's own lines (RecordingMarks) go to `marks` when given.
void parseJsonlLines(QByteArrayView lines, qint64 firstLine, EventLineParser *parser, QList<Event> *events,
                     QStringList *problems, RecordingMarks *marks = nullptr);

// The line the recorder writes first (with the wall clock when it is valid), and the one it
// writes last when it is closed in order.
QByteArray recordingHeaderLine(const WallClock &wallClock = {});
QByteArray recordingEndLine(qint64 tUs);

// Whether the events' times (each line's "t_us") never go back: what RecordingLoader checks
// before it streams a file in file order. A cheap scan, no parse.
bool linesInTimeOrder(QByteArrayView lines);

} // namespace halfopen::core
