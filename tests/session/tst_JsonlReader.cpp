// SPDX-License-Identifier: GPL-3.0-or-later
// JsonlReader/replayJsonl: a recording replays into the same session, and a recording damaged by
// a crash keeps everything before the damage and says which line is bad.

#include "EventFixtures.h"

#include "core/session/JsonlReader.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen::core;
using fixtures::eventDifference;
using fixtures::simpleEvent;

namespace {

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

bool append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(bytes) == bytes.size();
}

} // namespace

class TestJsonlReader : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void recordingReplaysIdentically();
    void damagedLastLineIsReported();
    void damagedMiddleLinesAreSkipped();
    void missingFileIsNamed();

private:
    // A live session of every kind of event, one of them late, recorded as it happened.
    QString record(Session *session);

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestJsonlReader::init()
{
    QVERIFY(m_dir.isValid());
}

QString TestJsonlReader::record(Session *session)
{
    const QString path = m_dir.filePath(QStringLiteral("run%1.jsonl").arg(++m_files));
    JsonlRecorder recorder(session);
    QString error;
    if (!recorder.open(path, &error))
        qFatal("%s", qPrintable(error));
    const QList<Event> events = fixtures::eventsOfEveryKind();
    for (const Event &e : events)
        session->add(e);
    session->add(simpleEvent(events.first().tUs + 1, QStringLiteral("late from another process")));
    return path;
}

void TestJsonlReader::recordingReplaysIdentically()
{
    Session live;
    const QString path = record(&live);

    Session replayed;
    QList<qsizetype> indices;
    connect(&replayed, &Session::eventAdded, this, [&](const Event &, qsizetype index) { indices.append(index); });
    const JsonlReadResult result = replayJsonl(path, &replayed);
    QVERIFY(result.opened);
    QVERIFY2(result.openError.isEmpty(), qPrintable(result.openError));
    QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
    QCOMPARE(result.events.size(), live.size());
    QCOMPARE(indices.size(), live.size()); // every event announced to listeners
    const QString difference = firstDifference(live.events(), replayed.events());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(replayed.originUs(), live.originUs());
}

void TestJsonlReader::damagedLastLineIsReported()
{
    Session live;
    const QString path = record(&live);
    const int completeLines = int(live.size()) + 2; // the format's line first, the end line last
    // A crash in the middle of writing: half an object, no newline.
    QVERIFY(append(path, QByteArrayLiteral("{\"t_us\":86400999999,\"kind\":\"err")));

    const JsonlReadResult result = readJsonl(path);
    QVERIFY(result.opened);
    QCOMPARE(result.problems.size(), 1);
    const QString expectedStart = QStringLiteral("line %1: ").arg(completeLines + 1);
    QVERIFY2(result.problems.first().startsWith(expectedStart), qPrintable(result.problems.first()));

    // Everything written before the crash is kept.
    Session replayed;
    const JsonlReadResult replay = replayJsonl(path, &replayed);
    QCOMPARE(replay.problems, result.problems);
    const QString difference = firstDifference(live.events(), replayed.events());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestJsonlReader::damagedMiddleLinesAreSkipped()
{
    const QString path = m_dir.filePath(QStringLiteral("hand-edited.jsonl"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"t_us\":100,\"kind\":\"fault\",\"what\":\"unplug\"}\n"   // 1
                   "\n"                                                        // 2: blank, ignored
                   "{\"hello\":\"world\"}\n"                                   // 3: JSON, not an event
                   "[1,2,3]\n"                                                 // 4: not an object
                   "{\"t_us\":200,\"kind\":\"error\",\"errno_value\":110}\n"); // 5
    }
    const JsonlReadResult result = readJsonl(path);
    QCOMPARE(result.problems.size(), 2);
    QVERIFY2(result.problems.at(0).startsWith(QLatin1String("line 3: ")), qPrintable(result.problems.at(0)));
    QVERIFY2(result.problems.at(0).contains(QLatin1String("kind")), qPrintable(result.problems.at(0)));
    QVERIFY2(result.problems.at(1).startsWith(QLatin1String("line 4: ")), qPrintable(result.problems.at(1)));
    QCOMPARE(result.events.size(), 2);
    QCOMPARE(result.events.at(0).what, QStringLiteral("unplug"));
    QCOMPARE(result.events.at(1).errnoValue, 110);
}

void TestJsonlReader::missingFileIsNamed()
{
    const QString path = m_dir.filePath(QStringLiteral("never-recorded.jsonl"));
    Session session;
    const JsonlReadResult result = replayJsonl(path, &session);
    QVERIFY(!result.opened);
    QVERIFY2(result.openError.contains(path), qPrintable(result.openError));
    QVERIFY(result.events.isEmpty());
    QCOMPARE(session.size(), 0);
}

QTEST_GUILESS_MAIN(TestJsonlReader)
#include "tst_JsonlReader.moc"
