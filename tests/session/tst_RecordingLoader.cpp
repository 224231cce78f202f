// SPDX-License-Identifier: GPL-3.0-or-later
// RecordingLoader: a recording comes back whole and in file order, its first part at once and
// the rest in chunks from the reader's thread; time zero is found wherever it is; damaged lines
// are reported with their numbers; a load that is cancelled or replaced says nothing more.

#include "EventFixtures.h"

#include "core/session/JsonlReader.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/RecordingLoader.h"
#include "core/session/Session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <functional>

using namespace halfopen::core;
using fixtures::eventDifference;

namespace {

constexpr qint64 kT0 = 86'400'000'000;

Event labReady(qint64 tUs)
{
    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = tUs;
    e.host = halfopen::core::Host::Lab;
    e.what = QStringLiteral("ready");
    return e;
}

// `count` events of every kind, the lab's "ready" as event number `readyAt`.
QList<Event> manyEvents(int count, int readyAt)
{
    const QList<Event> kinds = fixtures::eventsOfEveryKind();
    QList<Event> events;
    for (int i = 0; i < count; ++i) {
        Event e = i == readyAt ? labReady(0) : kinds.at(i % kinds.size());
        e.tUs = kT0 + i * 1000;
        e.count = i;
        events.append(e);
    }
    return events;
}

QString write(const QTemporaryDir &dir, const QString &name, const QList<Event> &events)
{
    const QString path = dir.filePath(name);
    Session session;
    JsonlRecorder recorder(&session);
    QString error;
    if (!recorder.open(path, &error))
        qFatal("%s", qPrintable(error));
    for (const Event &e : events)
        session.add(e);
    return path;
}

bool isLabReady(const Event &e)
{
    return e.kind == EventKind::Endpoint && e.host == halfopen::core::Host::Lab && e.what == QLatin1String("ready");
}

// Everything a load delivers, the first part and every chunk, until it finishes.
struct Collected
{
    RecordingLoader::Start start;
    QList<Event> events;
    QStringList problems;
    int chunks = 0;
    bool finished = false;
};

bool loadAll(RecordingLoader *loader, const QString &path, Collected *out)
{
    QObject context;
    QObject::connect(loader, &RecordingLoader::chunkRead, &context, [out](const QList<Event> &events) {
        out->events.append(events);
        ++out->chunks;
    });
    QObject::connect(loader, &RecordingLoader::finished, &context, [out](const QStringList &problems) {
        out->problems.append(problems);
        out->finished = true;
    });
    QString error;
    if (!loader->open(path, &out->start, &error))
        return false;
    out->events = out->start.events + out->events;
    out->problems = out->start.problems + out->problems;
    out->finished = out->start.complete;
    if (!QTest::qWaitFor([out] { return out->finished; }, 10000))
        return false;
    return true;
}

QString firstDifference(const QList<Event> &expected, const QList<Event> &actual)
{
    if (expected.size() != actual.size())
        return QStringLiteral("%1 events instead of %2").arg(actual.size()).arg(expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString difference = eventDifference(expected.at(i), actual.at(i));
        if (!difference.isEmpty())
            return QStringLiteral("event %1: %2").arg(i).arg(difference);
    }
    return {};
}

// A file as the recorder writes it, but without a session in between (which would put the
// events in time order): `count` events of every kind in turn, event i at timeOf(i).
QString writeAsGiven(const QTemporaryDir &dir, const QString &name, int count, const std::function<qint64(int)> &timeOf)
{
    // Each kind serialized once, its time and count filled in per event: writing stays cheap.
    static constexpr qint64 kTimeMark = 77'777'777'777'777;
    static constexpr qint64 kCountMark = 66'666'666'666;
    QList<QByteArray> templates;
    for (Event e : fixtures::eventsOfEveryKind()) {
        e.tUs = kTimeMark;
        e.count = kCountMark;
        templates << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
    }
    const QByteArray timeText = QByteArray::number(kTimeMark);
    const QByteArray countText = QByteArray::number(kCountMark);
    QByteArray bytes = recordingHeaderLine();
    for (int i = 0; i < count; ++i) {
        QByteArray line = templates.at(i % templates.size());
        bytes += line.replace(timeText, QByteArray::number(timeOf(i))).replace(countText, QByteArray::number(i));
    }
    bytes += recordingEndLine(count > 0 ? timeOf(count - 1) : 0);
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Loads `path` into a session as the window does (the first part, then every chunk, each event
// added as it comes) and returns how long that took, in ms; -1 when it failed.
qint64 loadIntoSession(const QString &path, Session *session)
{
    QElapsedTimer clock;
    clock.start();
    RecordingLoader loader;
    bool finished = false;
    QObject::connect(&loader, &RecordingLoader::chunkRead, session, [session](const QList<Event> &events) {
        for (const Event &e : events)
            session->add(e);
    });
    QObject::connect(&loader, &RecordingLoader::finished, session, [&finished] { finished = true; });
    RecordingLoader::Start start;
    QString error;
    if (!loader.open(path, &start, &error))
        return -1;
    session->reserve(start.expectedEvents);
    for (const Event &e : std::as_const(start.events))
        session->add(e);
    finished = start.complete;
    if (!QTest::qWaitFor([&finished] { return finished; }, 60000))
        return -1;
    return clock.elapsed();
}

bool inTimeOrder(const QList<Event> &events)
{
    return std::is_sorted(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.tUs < b.tUs; });
}

} // namespace

class TestRecordingLoader : public QObject
{
    Q_OBJECT
private slots:
    void smallRecordingComesAtOnce();
    void largeRecordingStreamsInOrder();
    void originIsFoundAnywhere();
    void damagedLinesKeepTheirNumbers();
    void cancelledLoadSaysNothingMore();
    void missingFileIsNamed();
    void onlyRegularFilesAreRead();
    void emptyFileIsSaid();
    void badValuesAreNamedWithTheirLine_data();
    void badValuesAreNamedWithTheirLine();
    void repeatedTimesLoadInLinearTime();
    void orderlyEndAndCutAreTold();

private:
    QTemporaryDir m_dir;
};

void TestRecordingLoader::smallRecordingComesAtOnce()
{
    const QList<Event> events = manyEvents(40, 3);
    const QString path = write(m_dir, QStringLiteral("small.jsonl"), events);
    RecordingLoader loader;
    loader.setOriginEvent("\"ready\"", isLabReady);
    RecordingLoader::Start start;
    QString error;
    QSignalSpy chunks(&loader, &RecordingLoader::chunkRead);
    QVERIFY2(loader.open(path, &start, &error), qPrintable(error));
    QVERIFY(start.complete);
    QVERIFY(!loader.isReading());
    QCOMPARE(start.originUs, kT0 + 3 * 1000);
    QVERIFY(start.problems.isEmpty());
    const QString difference = firstDifference(events, start.events);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QTest::qWait(50); // nothing follows
    QCOMPARE(chunks.count(), 0);
}

void TestRecordingLoader::largeRecordingStreamsInOrder()
{
    const QList<Event> events = manyEvents(3000, 0);
    const QString path = write(m_dir, QStringLiteral("large.jsonl"), events);
    RecordingLoader loader;
    loader.setFirstPartBytes(4096);
    loader.setChunkBytes(64 * 1024);
    Collected got;
    QVERIFY(loadAll(&loader, path, &got));
    QVERIFY(!got.start.complete);
    QVERIFY(got.start.events.size() > 0 && got.start.events.size() < 100); // a few lines at once
    QVERIFY2(got.chunks > 3, qPrintable(QString::number(got.chunks)));
    QVERIFY(got.problems.isEmpty());
    QVERIFY(!loader.isReading());
    const QString difference = firstDifference(events, got.events);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // The same as the whole-file reader.
    QCOMPARE(readJsonl(path).events.size(), got.events.size());
}

void TestRecordingLoader::originIsFoundAnywhere()
{
    // The lab's "ready" far past the first part: still time zero before anything is replayed.
    const QList<Event> events = manyEvents(2000, 1500);
    const QString path = write(m_dir, QStringLiteral("late-ready.jsonl"), events);
    RecordingLoader loader;
    loader.setOriginEvent("\"ready\"", isLabReady);
    loader.setFirstPartBytes(2048);
    Collected got;
    QVERIFY(loadAll(&loader, path, &got));
    QCOMPARE(got.start.originUs, kT0 + 1500 * 1000);

    // Only the lab's own "ready": a host's step of that name is not time zero.
    QList<Event> others = manyEvents(50, -1);
    others[10] = labReady(others[10].tUs);
    others[10].host = halfopen::core::Host::Client;
    const QString noReady = write(m_dir, QStringLiteral("no-ready.jsonl"), others);
    Collected none;
    QVERIFY(loadAll(&loader, noReady, &none));
    QCOMPARE(none.start.originUs, -1);
}

void TestRecordingLoader::damagedLinesKeepTheirNumbers()
{
    const QString path = write(m_dir, QStringLiteral("damaged.jsonl"), manyEvents(600, 0));
    {
        // Damage a line in the first part and two far into the file.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        lines[2] = "{\"t_us\":1,\"kind\":\"gossip\"}";
        lines[400] = "{\"t_us\":";
        lines[550] = "not json";
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
    }
    const JsonlReadResult whole = readJsonl(path);
    QCOMPARE(whole.problems.size(), 3);
    RecordingLoader loader;
    loader.setFirstPartBytes(8192);
    loader.setChunkBytes(16 * 1024);
    Collected got;
    QVERIFY(loadAll(&loader, path, &got));
    QCOMPARE(got.problems, whole.problems);
    QVERIFY2(got.problems.at(0).startsWith(QLatin1String("line 3: ")), qPrintable(got.problems.at(0)));
    QVERIFY2(got.problems.at(1).startsWith(QLatin1String("line 401: ")), qPrintable(got.problems.at(1)));
    QVERIFY2(got.problems.at(2).startsWith(QLatin1String("line 551: ")), qPrintable(got.problems.at(2)));
    QCOMPARE(got.events.size(), 597);
}

void TestRecordingLoader::cancelledLoadSaysNothingMore()
{
    const QString first = write(m_dir, QStringLiteral("first.jsonl"), manyEvents(3000, 0));
    QList<Event> secondEvents = manyEvents(800, 0);
    for (Event &e : secondEvents)
        e.what = QStringLiteral("second");
    const QString second = write(m_dir, QStringLiteral("second.jsonl"), secondEvents);

    auto loader = std::make_unique<RecordingLoader>();
    loader->setFirstPartBytes(1024);
    loader->setChunkBytes(8 * 1024);
    QList<Event> delivered;
    QSignalSpy finished(loader.get(), &RecordingLoader::finished);
    connect(loader.get(), &RecordingLoader::chunkRead, this,
            [&](const QList<Event> &events) { delivered.append(events); });
    RecordingLoader::Start start;
    QString error;
    QVERIFY(loader->open(first, &start, &error));
    QVERIFY(loader->isReading());
    loader->cancel();
    QVERIFY(!loader->isReading());
    QTest::qWait(100);
    QCOMPARE(finished.count(), 0);
    QVERIFY(delivered.isEmpty());

    // Opening another recording drops the one being read: only the new one's events come.
    QVERIFY(loader->open(first, &start, &error));
    QVERIFY(loader->open(second, &start, &error));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(start.events.size() + delivered.size(), secondEvents.size());
    QVERIFY(std::ranges::all_of(delivered, [](const Event &e) { return e.what == QLatin1String("second"); }));

    // Destroyed while reading: the thread is stopped and joined, nothing is delivered.
    QVERIFY(loader->open(first, &start, &error));
    loader.reset();
}

void TestRecordingLoader::missingFileIsNamed()
{
    RecordingLoader loader;
    RecordingLoader::Start start;
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("never-recorded.jsonl"));
    QVERIFY(!loader.open(path, &start, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestRecordingLoader::onlyRegularFilesAreRead()
{
    // /dev/zero filled the window's memory; a FIFO with no writer froze it (issue 16).
    const QString fifo = m_dir.filePath(QStringLiteral("fifo.jsonl"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &path : {QStringLiteral("/dev/zero"), fifo, m_dir.path()}) {
        RecordingLoader loader;
        RecordingLoader::Start start;
        QString error;
        QVERIFY(!loader.open(path, &start, &error));
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        QVERIFY(!readJsonl(path).opened);
    }
}

void TestRecordingLoader::emptyFileIsSaid()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\n\n");
    file.close();
    RecordingLoader loader;
    RecordingLoader::Start start;
    QString error;
    QVERIFY(!loader.open(path, &start, &error));
    QVERIFY2(error.contains(QStringLiteral("empty")), qPrintable(error));
}

void TestRecordingLoader::badValuesAreNamedWithTheirLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("field");
    QTest::newRow("t_us -1e30") << QByteArray(R"({"kind":"fault","t_us":-1e30,"host":"server","what":"unplug"})")
                                << QStringLiteral("t_us");
    QTest::newRow("t_us negative") << QByteArray(R"({"kind":"fault","t_us":-5,"host":"server","what":"unplug"})")
                                   << QStringLiteral("t_us");
    QTest::newRow("t_us fractional") << QByteArray(R"({"kind":"fault","t_us":2.5,"host":"server","what":"unplug"})")
                                     << QStringLiteral("t_us");
    QTest::newRow("detail as a list") << QByteArray(R"({"kind":"fault","t_us":5,"host":"server","detail":[1,2]})")
                                      << QStringLiteral("detail");
    QTest::newRow("host as an object") << QByteArray(R"({"kind":"fault","t_us":5,"host":{"a":1}})")
                                       << QStringLiteral("host");
    QTest::newRow("host 100000 characters")
        << QByteArray(R"({"kind":"fault","t_us":5,"host":")") + QByteArray(100000, 'h') + QByteArray(R"("})")
        << QStringLiteral("host");
    QTest::newRow("state unknown") << QByteArray(
        R"({"kind":"state","t_us":5,"host":"client","from":"SYN_SENT","to":"HALF_OPEN"})")
                                   << QStringLiteral("to");
    QTest::newRow("errno_value out of range")
        << QByteArray(R"({"kind":"error","t_us":5,"host":"client","errno_value":-3})") << QStringLiteral("errno_value");
    QTest::newRow("mechanism unknown") << QByteArray(R"({"kind":"error","t_us":5,"host":"client","mechanism":"magic"})")
                                       << QStringLiteral("mechanism");
}

void TestRecordingLoader::badValuesAreNamedWithTheirLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, field);
    const QString path = m_dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"kind":"fault","t_us":1,"host":"server","what":"unplug"})"
               "\n"
               + line
               + "\n"
                 R"({"kind":"fault","t_us":9,"host":"server","what":"replug"})"
                 "\n");
    file.close();
    RecordingLoader loader;
    RecordingLoader::Start start;
    QString error;
    QVERIFY2(loader.open(path, &start, &error), qPrintable(error));
    QCOMPARE(start.events.size(), 2);
    QCOMPARE(start.problems.size(), 1);
    QVERIFY2(start.problems.first().startsWith(QStringLiteral("line 2: %1: ").arg(field)),
             qPrintable(start.problems.first()));
    QVERIFY(start.problems.first().size() < 400); // the value is quoted shortened, not whole
}

void TestRecordingLoader::repeatedTimesLoadInLinearTime()
{
    // Issue 16: 54 MB whose times repeat loaded in 105 s, the same events with increasing times in
    // 7.3 s. Each time the file went back, the session inserted the late event in place, moving
    // everything after it: quadratic. The same number of events, three ways: increasing times,
    // one block of times written again and again (each time repeated, the file going back at
    // each block), and every event at the same time. The loads must cost about the same.
    constexpr int kEvents = 40'000;
    constexpr int kBlock = 400;
    const QString increasingPath = writeAsGiven(m_dir, QStringLiteral("increasing.jsonl"), kEvents,
                                                [](int i) { return kT0 + qint64(i) * 1000; });
    const QString repeatedPath = writeAsGiven(m_dir, QStringLiteral("repeated.jsonl"), kEvents,
                                              [](int i) { return kT0 + qint64(i % kBlock) * 1000; });
    const QString equalPath = writeAsGiven(m_dir, QStringLiteral("equal.jsonl"), kEvents, [](int) { return kT0; });

    Session warm; // the first load pays for the page cache and the allocator
    QVERIFY(loadIntoSession(increasingPath, &warm) >= 0);
    Session a;
    const qint64 increasingMs = loadIntoSession(increasingPath, &a);
    Session b;
    const qint64 repeatedMs = loadIntoSession(repeatedPath, &b);
    Session c;
    const qint64 equalMs = loadIntoSession(equalPath, &c);
    QVERIFY(increasingMs >= 0 && repeatedMs >= 0 && equalMs >= 0);
    qInfo("%d events: increasing times %lld ms, repeated %lld ms, all equal %lld ms", kEvents, increasingMs, repeatedMs,
          equalMs);
    for (const Session *s : {&a, &b, &c}) {
        QCOMPARE(s->size(), qsizetype(kEvents));
        QVERIFY(inTimeOrder(s->events()));
    }
    // Events of one time keep their order in the file.
    QCOMPARE(b.events().at(0).count, 0);
    QCOMPARE(b.events().at(1).count, kBlock);
    // Generous: 4 times, and 100 ms for a loaded machine's noise on a short load.
    const qint64 bound = 4 * increasingMs + 100;
    QVERIFY2(repeatedMs <= bound,
             qPrintable(QStringLiteral("repeated %1 ms, increasing %2 ms").arg(repeatedMs).arg(increasingMs)));
    QVERIFY2(equalMs <= bound,
             qPrintable(QStringLiteral("all equal %1 ms, increasing %2 ms").arg(equalMs).arg(increasingMs)));
}

void TestRecordingLoader::orderlyEndAndCutAreTold()
{
    // The loader says what the recording says of its end (RecordingMarks), whether it came in
    // the first part or with the last chunk.
    const QList<Event> events = manyEvents(3000, 0);
    const QString ended = write(m_dir, QStringLiteral("ended.jsonl"), events); // the recorder ends in order
    QByteArray bytes;
    {
        QFile file(ended);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes = file.readAll();
    }
    const QString cut = m_dir.filePath(QStringLiteral("cut.jsonl"));
    {
        QFile file(cut);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const qsizetype lastLine = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
        QVERIFY(bytes.mid(lastLine).startsWith(R"({"recording":"end")"));
        file.write(bytes.left(lastLine)); // as a kill leaves it: no end
    }
    for (const qsizetype firstPart : {qsizetype(RecordingLoader::kDefaultFirstBytes), qsizetype(8192)}) {
        for (const QString &path : {ended, cut}) {
            RecordingLoader loader;
            loader.setFirstPartBytes(firstPart);
            loader.setChunkBytes(32 * 1024);
            Collected got;
            QVERIFY(loadAll(&loader, path, &got));
            if (firstPart == 8192)
                QVERIFY(!got.start.complete); // the end comes with the last chunk
            QCOMPARE(got.events.size(), events.size());
            QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join(QLatin1Char('\n'))));
            QCOMPARE(loader.marks().format, kRecordingFormat);
            QCOMPARE(loader.marks().cut(), path == cut);
        }
    }
}

QTEST_GUILESS_MAIN(TestRecordingLoader)
#include "tst_RecordingLoader.moc"
