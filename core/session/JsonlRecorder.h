// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QFile>
#include <QObject>
#include <QPointer>

namespace halfopen::core {

class Session;

// Writes every event of a Session to a JSONL file as it arrives, one object a line, flushed
// at once so a crash loses nothing already seen. The file opens with the format's line (with the
// session's wall clock: JsonlReader.h) and, when
// closed in order (close() or the recorder's end), ends with the end line (JsonlReader.h,
// RecordingMarks): a recording without it was cut.
class JsonlRecorder : public QObject
{
    Q_OBJECT
public:
    explicit JsonlRecorder(Session *session, QObject *parent = nullptr);
    ~JsonlRecorder() override; // closes in order

    // Opens (truncates) the file and writes the format's line and the events the session already
    // holds. Returns false with a message naming the file and the errno meaning (a file that
    // takes no line, /dev/full, is refused here).
    bool open(const QString &path, QString *error);
    // Writes the end line and closes.
    void close();
    bool isOpen() const { return m_file.isOpen(); }

    void write(const Event &event);

signals:
    // A line could not be written (disk full, /dev/full, I/O error): said once, naming the
    // file and the reason; nothing more is written. A recording that silently stops is worse.
    void writeFailed(const QString &message);

private:
    QPointer<Session> m_session; // a session gone first leaves the end line without it
    // False when the line could not be written: the file is closed, and `error` is set or,
    // without one, writeFailed said why.
    bool writeLine(const QByteArray &line, QString *error = nullptr);

    QFile m_file;
};

} // namespace halfopen::core
