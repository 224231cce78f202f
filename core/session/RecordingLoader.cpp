// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/RecordingLoader.h"

#include "core/session/EventLineParser.h"
#include "core/session/JsonlReader.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace halfopen::core {

namespace {

// Where the line that holds byte `at` (or starts after it) ends, its newline included.
qsizetype lineEndFrom(const QByteArray &bytes, qsizetype at)
{
    if (at >= bytes.size())
        return bytes.size();
    const qsizetype newline = bytes.indexOf('\n', at);
    return newline < 0 ? bytes.size() : newline + 1;
}

bool byTime(const Event &a, const Event &b)
{
    return a.tUs < b.tUs;
}

} // namespace

RecordingLoader::RecordingLoader(QObject *parent)
    : QObject(parent)
    , m_generation(std::make_shared<std::atomic_int>(0))
{
    m_thread.setObjectName(QStringLiteral("recording-reader"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

RecordingLoader::~RecordingLoader()
{
    cancel();
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void RecordingLoader::setOriginEvent(const QByteArray &token, std::function<bool(const Event &)> isOrigin)
{
    m_originToken = token;
    m_isOrigin = std::move(isOrigin);
}

void RecordingLoader::cancel()
{
    ++*m_generation;
    m_reading = false;
    m_problems.clear();
}

bool RecordingLoader::open(const QString &path, Start *start, QString *error)
{
    cancel();
    // Whole, at once (an hour is ~70 MB, read in tens of ms): time zero must be known before the
    // first event is replayed, and it may be anywhere.
    QByteArray all;
    if (!readRecordingFile(path, &all, error))
        return false;
    *start = Start();
    EventLineParser parser;
    if (m_isOrigin) {
        for (qsizetype at = all.indexOf(m_originToken); at >= 0; at = all.indexOf(m_originToken, at)) {
            const qsizetype begin = all.lastIndexOf('\n', at) + 1;
            const qsizetype end = lineEndFrom(all, at);
            QList<Event> events;
            QStringList ignored; // a damaged line is reported when its turn comes
            parseJsonlLines(QByteArrayView(all).sliced(begin, end - begin), 1, &parser, &events, &ignored);
            if (!events.isEmpty() && m_isOrigin(events.constFirst())) {
                start->originUs = events.constFirst().tUs;
                break;
            }
            at = end;
        }
    }

    // A file in time order streams in file order; one whose times go back is sorted first, on
    // the thread unless it is small.
    const bool ordered = linesInTimeOrder(all);
    const qsizetype firstEnd = ordered || all.size() <= m_firstBytes ? lineEndFrom(all, m_firstBytes) : 0;
    m_marks = RecordingMarks();
    parseJsonlLines(QByteArrayView(all).first(firstEnd), 1, &parser, &start->events, &start->problems, &m_marks);
    if (!ordered)
        std::stable_sort(start->events.begin(), start->events.end(), byTime);
    start->complete = firstEnd >= all.size();
    start->expectedEvents
        = firstEnd > 0 ? qsizetype(double(start->events.size()) * all.size() / firstEnd * 1.05) : all.count('\n') + 1;
    if (start->complete)
        return true;

    // The rest on the reader's thread, a chunk at a time, each handed back as soon as it is read.
    m_reading = true;
    const int generation = ++*m_generation;
    const qint64 nextLine = 1 + QByteArrayView(all).first(firstEnd).count('\n');
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, all, firstEnd, nextLine, generation, ordered, current = m_generation, chunkBytes = m_chunkBytes] {
            EventLineParser parser;
            RecordingMarks marks;
            qsizetype from = firstEnd;
            qint64 line = nextLine;
            // Queued to the loader's thread; dropped there if the loader is gone or moved on.
            auto hand = [&](QList<Event> events, const QStringList &problems, bool last) {
                QMetaObject::invokeMethod(
                    this,
                    [this, events = std::move(events), problems, marks, generation, last] {
                        onChunk(events, problems, marks, generation, last);
                    },
                    Qt::QueuedConnection);
            };
            QList<Event> whole; // a file out of time order: all of it, to be sorted
            QStringList wholeProblems;
            while (from < all.size() && current->load() == generation) {
                const qsizetype to = lineEndFrom(all, from + chunkBytes);
                const QByteArrayView part = QByteArrayView(all).sliced(from, to - from);
                QList<Event> events;
                events.reserve(part.size() / 256);
                QStringList problems;
                parseJsonlLines(part, line, &parser, ordered ? &events : &whole, ordered ? &problems : &wholeProblems,
                                &marks);
                line += part.count('\n');
                from = to;
                if (ordered)
                    hand(std::move(events), problems, from >= all.size());
            }
            if (ordered || current->load() != generation)
                return;
            std::stable_sort(whole.begin(), whole.end(), byTime);
            constexpr qsizetype kEventsPerChunk = 8192;
            for (qsizetype at = 0; at < whole.size() || at == 0; at += kEventsPerChunk) {
                const bool last = at + kEventsPerChunk >= whole.size();
                hand(whole.mid(at, kEventsPerChunk), last ? wholeProblems : QStringList(), last);
                if (last)
                    break;
            }
        },
        Qt::QueuedConnection);
    return true;
}

void RecordingLoader::onChunk(const QList<Event> &events, const QStringList &problems, const RecordingMarks &marks,
                              int generation, bool last)
{
    if (generation != m_generation->load())
        return; // cancelled, or another recording opened since
    m_problems.append(problems);
    if (last) {
        // The rest of the file decides whether it ended in order: the end line must be the last.
        m_marks.format = qMax(m_marks.format, marks.format);
        m_marks.ended = marks.ended;
        m_marks.endUs = marks.endUs;
    }
    emit chunkRead(events);
    if (last) {
        m_reading = false;
        const QStringList all = m_problems;
        m_problems.clear();
        emit finished(all);
    }
}

} // namespace halfopen::core
