// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/JsonlReader.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace halfopen::core {

// Opens a recording for replay without making anyone wait for all of it: the first part (a
// MiB, a few minutes of a busy run) is read at once, the rest on the thread "recording-reader"
// and handed over in file order, chunk by chunk, by queued signals. The owner adds each chunk to
// its Session as it comes, so a window paints the start of an hour-long recording in a fraction
// of a second while the rest streams in. A small recording is read whole by open().
// Events come in time order: a file whose times go back (two recordings joined, say) is read
// whole on the thread and sorted before it is handed over, so the session only ever appends
// (inserting each late event in place cost the whole session each time: quadratic).
class RecordingLoader : public QObject
{
    Q_OBJECT
public:
    explicit RecordingLoader(QObject *parent = nullptr);
    ~RecordingLoader() override; // stops reading and joins the thread

    struct Start
    {
        QList<Event> events;          // the first part of the file, in file order
        QStringList problems;         // its damaged lines ("line 12: ...")
        qint64 originUs = -1;         // the time of the first origin event anywhere in the file; -1: none
        bool complete = false;        // the first part is the whole file: nothing will follow
        qsizetype expectedEvents = 0; // in the whole file, judged by the first part
    };

    // The recording's own lines (format, orderly end): complete once the last chunk came (or
    // open() read the whole file).
    const RecordingMarks &marks() const { return m_marks; }

    // The event whose time is time zero, wherever it is in the file: open() looks for the first
    // one among the lines that contain `token` (as the recorder writes it), before anything is
    // replayed.
    void setOriginEvent(const QByteArray &token, std::function<bool(const Event &)> isOrigin);

    // Opens `path` and reads its first part into `start`; what follows comes as chunkRead and
    // ends with finished. False, with a sentence naming the file, when it cannot be read. A
    // recording still being read is dropped first.
    bool open(const QString &path, Start *start, QString *error);
    // Nothing more of the recording being read is signalled.
    void cancel();
    bool isReading() const { return m_reading; }

    // How much open() reads before it returns (tests make it small to get chunks).
    static constexpr qsizetype kDefaultFirstBytes = 1 << 20;
    void setFirstPartBytes(qsizetype bytes) { m_firstBytes = bytes; }
    void setChunkBytes(qsizetype bytes) { m_chunkBytes = bytes; }

signals:
    void chunkRead(const QList<halfopen::core::Event> &events);
    // The last chunk came; `problems` lists the damaged lines after the first part.
    void finished(const QStringList &problems);

private:
    void onChunk(const QList<Event> &events, const QStringList &problems, const RecordingMarks &marks, int generation,
                 bool last);

    QThread m_thread;
    QObject *m_worker = nullptr;                   // lives on m_thread
    std::shared_ptr<std::atomic_int> m_generation; // what the worker reads for; bumped to cancel
    QStringList m_problems;
    RecordingMarks m_marks;
    QByteArray m_originToken;
    std::function<bool(const Event &)> m_isOrigin;
    qsizetype m_firstBytes = kDefaultFirstBytes;
    qsizetype m_chunkBytes = 2 << 20;
    bool m_reading = false;
};

} // namespace halfopen::core
