// SPDX-License-Identifier: GPL-3.0-or-later
// JsonlRecorder: a crash loses nothing already seen, because each event is in the file (read by
// another reader, while the recorder still holds it open) by the time add() returns.

#include "EventFixtures.h"

#include "core/session/JsonlReader.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace halfopen::core;
using fixtures::eventDifference;
using fixtures::simpleEvent;

namespace {

// The file as another process would see it now, every line.
QList<QByteArray> allLinesOnDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // after the final newline
    return lines;
}

// Its event lines: without the recording's own first and last lines (RecordingMarks).
QList<QByteArray> linesOnDisk(const QString &path)
{
    QList<QByteArray> lines = allLinesOnDisk(path);
    lines.removeIf([](const QByteArray &line) { return line.contains("\"recording\":"); });
    return lines;
}

QString differenceFromLine(const Event &expected, const QByteArray &line)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject())
        return QStringLiteral("not JSON: ") + parseError.errorString() + QLatin1String(": ") + QString::fromUtf8(line);
    QString why;
    const std::optional<Event> read = Event::fromJson(doc.object(), &why);
    return read ? eventDifference(expected, *read) : why;
}

} // namespace

class TestJsonlRecorder : public QObject
{
    Q_OBJECT
private slots:
    void eachEventIsOnDiskWhenAddReturns();
    void existingEventsAreWrittenOnOpen();
    void openTruncates();
    void closedRecorderWritesNothing();
    void unwritablePathIsNamed();
    void writeErrorIsReported();
    void formatFirstAndOrderlyEndLast();
    void cutRecordingReadsAsCut();
    void wallClockBesideMonotonicTime();

private:
    QTemporaryDir m_dir;
};

void TestJsonlRecorder::eachEventIsOnDiskWhenAddReturns()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("live.jsonl"));
    Session session;
    JsonlRecorder recorder(&session);
    QString error;
    QVERIFY2(recorder.open(path, &error), qPrintable(error));
    QVERIFY(recorder.isOpen());
    QCOMPARE(linesOnDisk(path).size(), 0);

    const QList<Event> events = fixtures::eventsOfEveryKind();
    for (qsizetype i = 0; i < events.size(); ++i) {
        session.add(events.at(i));
        const QList<QByteArray> lines = linesOnDisk(path);
        QCOMPARE(lines.size(), i + 1);
        const QString difference = differenceFromLine(events.at(i), lines.last());
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // A late event is recorded as it arrives; replay puts it back in its place.
    const Event late = simpleEvent(events.first().tUs + 1, QStringLiteral("late"));
    session.add(late);
    const QList<QByteArray> lines = linesOnDisk(path);
    QCOMPARE(lines.size(), events.size() + 1);
    QCOMPARE(differenceFromLine(late, lines.last()), QString());
}

void TestJsonlRecorder::existingEventsAreWrittenOnOpen()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("existing.jsonl"));
    Session session;
    session.add(simpleEvent(100, QStringLiteral("listening")));
    session.add(simpleEvent(300, QStringLiteral("connected")));
    session.add(simpleEvent(200, QStringLiteral("late")));

    JsonlRecorder recorder(&session);
    QString error;
    QVERIFY2(recorder.open(path, &error), qPrintable(error));
    QList<QByteArray> lines = linesOnDisk(path);
    QCOMPARE(lines.size(), 3);
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(differenceFromLine(session.events().at(i), lines.at(i)), QString());

    session.add(simpleEvent(400, QStringLiteral("sent")));
    lines = linesOnDisk(path);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(differenceFromLine(session.events().last(), lines.last()), QString());
}

void TestJsonlRecorder::openTruncates()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("reused.jsonl"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("{\"kind\":\"fault\",\"t_us\":1}\n{\"kind\":\"fault\",\"t_us\":2}\n");
    }
    Session session;
    session.add(simpleEvent(7, QStringLiteral("only")));
    JsonlRecorder recorder(&session);
    QVERIFY(recorder.open(path, nullptr));
    const QList<QByteArray> lines = linesOnDisk(path);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(differenceFromLine(session.events().first(), lines.first()), QString());
}

void TestJsonlRecorder::closedRecorderWritesNothing()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("closed.jsonl"));
    Session session;
    JsonlRecorder recorder(&session);
    QVERIFY(recorder.open(path, nullptr));
    session.add(simpleEvent(1, QStringLiteral("before close")));
    recorder.close();
    QVERIFY(!recorder.isOpen());
    session.add(simpleEvent(2, QStringLiteral("after close")));
    const QList<QByteArray> lines = linesOnDisk(path);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(differenceFromLine(session.events().first(), lines.first()), QString());
}

void TestJsonlRecorder::unwritablePathIsNamed()
{
    QVERIFY(m_dir.isValid());
    // A missing directory fails even for root, unlike a permission bit.
    const QString path = m_dir.filePath(QStringLiteral("no/such/dir/run.jsonl"));
    Session session;
    session.add(simpleEvent(1, QStringLiteral("a")));
    JsonlRecorder recorder(&session);
    QString error;
    QVERIFY(!recorder.open(path, &error));
    QVERIFY(!recorder.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    session.add(simpleEvent(2, QStringLiteral("b"))); // must not crash or create the file
    QVERIFY(!QFile::exists(path));

    // A directory in place of the file.
    QVERIFY(!recorder.open(m_dir.path(), &error));
    QVERIFY2(error.contains(m_dir.path()), qPrintable(error));
}

void TestJsonlRecorder::writeErrorIsReported()
{
    // /dev/full opens, then every write fails with ENOSPC: said once, not ignored (issue 16).
    // The format's line is written at open: the file is refused there, naming the reason.
    Session session;
    JsonlRecorder refused(&session);
    QString error;
    QVERIFY(!refused.open(QStringLiteral("/dev/full"), &error));
    QVERIFY2(error.contains(QStringLiteral("/dev/full")) && error.contains(QStringLiteral("space")), qPrintable(error));
    QVERIFY(!refused.isOpen());

    // A disk that fills later: the first event that does not fit is said once.
    const QString path = m_dir.filePath(QStringLiteral("fills.jsonl"));
    JsonlRecorder recorder(&session);
    QSignalSpy failed(&recorder, &JsonlRecorder::writeFailed);
    QVERIFY2(recorder.open(path, &error), qPrintable(error));
    // The recorder's descriptor now writes to /dev/full.
    const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    QVERIFY(full >= 0);
    bool swapped = false;
    const QByteArray target = QFileInfo(path).canonicalFilePath().toLocal8Bit();
    for (const QString &fd : QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::System)) {
        char link[4096];
        const ssize_t n = ::readlink(qPrintable(QStringLiteral("/proc/self/fd/") + fd), link, sizeof link);
        if (n > 0 && QByteArray(link, n) == target)
            swapped = ::dup2(full, fd.toInt()) >= 0;
    }
    ::close(full);
    QVERIFY(swapped);
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = 1;
    e.host = halfopen::core::Host::Server;
    session.add(e);
    session.add(e);
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(path) && message.contains(QStringLiteral("space")), qPrintable(message));
    QVERIFY(!recorder.isOpen());
}

void TestJsonlRecorder::formatFirstAndOrderlyEndLast()
{
    // Issue 16: a recording says where it ends. The format's line first; the end line last when
    // it is closed in order, by close() or by the recorder's end.
    const QList<Event> events = fixtures::eventsOfEveryKind();
    for (const bool explicitClose : {true, false}) {
        const QString path = m_dir.filePath(QStringLiteral("ended%1.jsonl").arg(explicitClose));
        {
            Session session;
            JsonlRecorder recorder(&session);
            QVERIFY(recorder.open(path, nullptr));
            for (const Event &e : events)
                session.add(e);
            if (explicitClose)
                recorder.close();
        }
        const QList<QByteArray> lines = allLinesOnDisk(path);
        QCOMPARE(lines.size(), events.size() + 2);
        QVERIFY2(lines.first().startsWith("{\"format\":3,\"recording\":\"halfopen\",\"wall_clock\":\""),
                 lines.first().constData());
        QVERIFY2(lines.last().startsWith(R"({"recording":"end","t_us":)"), lines.last().constData());
        const JsonlReadResult read = readJsonl(path);
        QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
        QCOMPARE(read.events.size(), events.size());
        QCOMPARE(read.marks.format, kRecordingFormat);
        QVERIFY(read.marks.ended);
        QVERIFY(!read.marks.cut());
        QVERIFY(read.marks.endUs >= events.last().tUs);
    }
}

void TestJsonlRecorder::cutRecordingReadsAsCut()
{
    // A recording whose writer was killed has no end line: it reads as cut. One written before
    // the marks existed (no format line) is not called cut: nobody can tell.
    const QList<Event> events = fixtures::eventsOfEveryKind();
    const QString path = m_dir.filePath(QStringLiteral("cut.jsonl"));
    {
        Session session;
        JsonlRecorder recorder(&session);
        QVERIFY(recorder.open(path, nullptr));
        for (const Event &e : events)
            session.add(e);
        recorder.close();
    }
    QList<QByteArray> lines = allLinesOnDisk(path);
    const QList<QByteArray> complete = lines;
    lines.removeLast(); // what SIGKILL leaves: every event, no end
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + '\n');
    file.close();
    JsonlReadResult read = readJsonl(path);
    QCOMPARE(read.events.size(), events.size());
    QVERIFY(read.problems.isEmpty());
    QVERIFY(read.marks.cut());

    // A complete recording with a cut one joined after it: cut, whatever the end line in the middle.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(complete.join('\n') + '\n' + lines.join('\n') + '\n');
    file.close();
    read = readJsonl(path);
    QCOMPARE(read.events.size(), 2 * events.size());
    QVERIFY(read.marks.cut());

    lines.removeFirst(); // an old recording: no format line either
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + '\n');
    file.close();
    read = readJsonl(path);
    QCOMPARE(read.events.size(), events.size());
    QCOMPARE(read.marks.format, 1);
    QVERIFY(!read.marks.cut());
}

void TestJsonlRecorder::wallClockBesideMonotonicTime()
{
    // Format 3: the first line holds the wall clock (UTC) and CLOCK_MONOTONIC read together, so
    // each event's wall time can be computed; a replay carries it on, and a recording without it
    // (format 2) still reads, its wall times unknown.
    const QString path = m_dir.filePath(QStringLiteral("wall.jsonl"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    Session session;
    const WallClock wall = session.wallClock();
    QVERIFY(wall.isValid());
    QVERIFY(qAbs(wall.monotonicUs - monotonicNowUs()) < 5'000'000);
    {
        JsonlRecorder recorder(&session);
        QVERIFY(recorder.open(path, nullptr));
        Event e = fixtures::eventsOfEveryKind().constFirst();
        e.tUs = wall.monotonicUs + 2'500'000; // 2.5 s after the anchor
        session.add(e);
    }
    const QList<QByteArray> lines = allLinesOnDisk(path);
    const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(header.value(QStringLiteral("format")).toInt(), 3);
    QCOMPARE(header.value(QStringLiteral("monotonic_us")).toInteger(), wall.monotonicUs);
    const QDateTime started
        = QDateTime::fromString(header.value(QStringLiteral("wall_clock")).toString(), Qt::ISODateWithMs);
    QVERIFY(started.isValid());
    QCOMPARE(started.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(started.msecsTo(before)) < 5000);

    JsonlReadResult read = readJsonl(path);
    QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
    QCOMPARE(read.marks.format, 3);
    QCOMPARE(read.marks.wallClock.monotonicUs, wall.monotonicUs);
    QCOMPARE(read.marks.wallClock.utc, wall.utc); // QDateTime keeps milliseconds, as the line does
    QCOMPARE(read.marks.wallClock.at(read.events.constFirst().tUs), read.marks.wallClock.utc.addMSecs(2500));

    // Replayed, the session keeps the recording's wall clock, and a recorder writes it again.
    Session replayed;
    replayJsonl(path, &replayed);
    QCOMPARE(replayed.wallClock(), read.marks.wallClock);

    // A format-2 recording (no wall clock) reads with no problem and no wall clock.
    QList<QByteArray> old = lines;
    old.first() = R"({"format":2,"recording":"halfopen"})";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(old.join('\n') + '\n');
    file.close();
    read = readJsonl(path);
    QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
    QCOMPARE(read.events.size(), 1);
    QCOMPARE(read.marks.format, 2);
    QVERIFY(!read.marks.wallClock.isValid());
    QVERIFY(read.marks.wallClock.isoAt(read.events.constFirst().tUs).isEmpty());

    // A wall clock that is not a date is named, and the events still read.
    old.first() = R"({"format":3,"recording":"halfopen","wall_clock":"yesterday","monotonic_us":5})";
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(old.join('\n') + '\n');
    file.close();
    read = readJsonl(path);
    QCOMPARE(read.events.size(), 1);
    QCOMPARE(read.problems.size(), 1);
    QVERIFY2(read.problems.constFirst().contains(QStringLiteral("wall_clock")), qPrintable(read.problems.constFirst()));
    QVERIFY(!read.marks.wallClock.isValid());
}

QTEST_GUILESS_MAIN(TestJsonlRecorder)
#include "tst_JsonlRecorder.moc"
