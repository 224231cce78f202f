// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QFile>
#include <QObject>

namespace halfopen::core {

class Session;

// Writes every event of a Session to a JSONL file as it arrives, one object a line, flushed
// at once so a crash loses nothing already seen.
class JsonlRecorder : public QObject
{
    Q_OBJECT
public:
    explicit JsonlRecorder(Session *session, QObject *parent = nullptr);

    // Opens (truncates) the file and writes the events the session already holds.
    // Returns false with a message naming the file and the errno meaning.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_file.isOpen(); }

    void write(const Event &event);

signals:
    // A line could not be written (disk full, /dev/full, I/O error): said once, naming the
    // file and the reason; nothing more is written. A recording that silently stops is worse.
    void writeFailed(const QString &message);

private:
    Session *m_session;
    QFile m_file;
};

} // namespace halfopen::core
