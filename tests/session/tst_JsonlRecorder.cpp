// SPDX-License-Identifier: GPL-3.0-or-later
// JsonlRecorder: a crash loses nothing already seen, because each event is in the file (read by
// another reader, while the recorder still holds it open) by the time add() returns.

#include "EventFixtures.h"

#include "core/session/JsonlRecorder.h"
#include "core/session/Session.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen::core;
using fixtures::eventDifference;
using fixtures::simpleEvent;

namespace {

// The file as another process would see it now.
QList<QByteArray> linesOnDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // after the final newline
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
    Session session;
    JsonlRecorder recorder(&session);
    QSignalSpy failed(&recorder, &JsonlRecorder::writeFailed);
    QString error;
    QVERIFY2(recorder.open(QStringLiteral("/dev/full"), &error), qPrintable(error));
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = 1;
    e.host = QStringLiteral("server");
    session.add(e);
    session.add(e);
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("/dev/full")) && message.contains(QStringLiteral("space")),
             qPrintable(message));
    QVERIFY(!recorder.isOpen());
}

QTEST_GUILESS_MAIN(TestJsonlRecorder)
#include "tst_JsonlRecorder.moc"
