// SPDX-License-Identifier: GPL-3.0-or-later
// The reading end of every pipe: lines in whatever pieces they come, bounded, and events read by
// the same codec as a recording's.
#include "EventFixtures.h"
#include "core/session/EventPipeReader.h"
#include "core/session/LineSplitter.h"

#include <QTest>

using namespace halfopen::core;
using fixtures::eventDifference;

class TestEventPipeReader : public QObject
{
    Q_OBJECT
private slots:
    void linesComeWholeWhateverThePieces();
    void overlongLineIsToldOnceAndSkipped();
    void unfinishedLineIsKeptForTheEnd();
    void eventsReadAsARecordingReadsThem();
    void damagedLinesAreToldAndTheRestKept();
};

void TestEventPipeReader::linesComeWholeWhateverThePieces()
{
    const QByteArray text = "first\n\n  second  \r\nthird\n";
    // Every way of cutting it in two gives the same lines.
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        LineSplitter splitter;
        QList<LineSplitter::Line> lines = splitter.feed(QByteArrayView(text).first(cut));
        lines += splitter.feed(QByteArrayView(text).sliced(cut));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).text, QByteArray("first"));
        QCOMPARE(lines.at(1).text, QByteArray("second"));
        QCOMPARE(lines.at(2).text, QByteArray("third"));
        QVERIFY(!lines.at(0).overlong && !lines.at(2).overlong);
    }
    // A byte at a time.
    LineSplitter splitter;
    QList<LineSplitter::Line> lines;
    for (char c : text)
        lines += splitter.feed(QByteArrayView(&c, 1));
    QCOMPARE(lines.size(), 3);
}

void TestEventPipeReader::overlongLineIsToldOnceAndSkipped()
{
    LineSplitter splitter(8);
    QList<LineSplitter::Line> lines = splitter.feed("ok\n0123456789");
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).text, QByteArray("ok"));
    QVERIFY(lines.at(1).overlong);
    QVERIFY(lines.at(1).text.isEmpty());
    // The rest of the long line is skipped without being held, and told no more.
    QVERIFY(splitter.feed(QByteArray(4096, 'x')).isEmpty());
    lines = splitter.feed("yyy\nnext\n");
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).text, QByteArray("next"));
    // Exactly the limit is a line.
    QCOMPARE(splitter.feed("12345678\n").value(0).text, QByteArray("12345678"));
}

void TestEventPipeReader::unfinishedLineIsKeptForTheEnd()
{
    LineSplitter splitter;
    QVERIFY(splitter.feed("last words").isEmpty());
    QCOMPARE(splitter.takeRest(), QByteArray("last words"));
    QVERIFY(splitter.takeRest().isEmpty());
}

void TestEventPipeReader::eventsReadAsARecordingReadsThem()
{
    QList<Event> events = fixtures::eventsOfEveryKind();
    events.append(fixtures::simpleEvent(42, QStringLiteral("started")));
    QByteArray stream;
    for (const Event &e : std::as_const(events))
        stream += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
    // Cut into odd pieces, as a pipe delivers them.
    EventPipeReader reader;
    QList<Event> read;
    QStringList problems;
    for (qsizetype at = 0; at < stream.size(); at += 97)
        read += reader.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(97, stream.size() - at)), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(read.size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        QVERIFY2(eventDifference(events.at(i), read.at(i)).isEmpty(),
                 qPrintable(eventDifference(events.at(i), read.at(i))));
}

void TestEventPipeReader::damagedLinesAreToldAndTheRestKept()
{
    const Event good = fixtures::simpleEvent(7, QStringLiteral("connected"));
    const QByteArray line = QJsonDocument(good.toJson()).toJson(QJsonDocument::Compact);
    EventPipeReader reader;
    QStringList problems;
    const QList<Event> read = reader.feed(line + "\n{not json\n[1,2]\n" + line + "\n", &problems);
    QCOMPARE(read.size(), 2);
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).startsWith(QStringLiteral("line 2")), qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).startsWith(QStringLiteral("line 3")), qPrintable(problems.at(1)));
    // Without a list to tell them in, they are skipped the same way.
    QCOMPARE(EventPipeReader().feed("garbage\n" + line + "\n").size(), 1);
}

QTEST_GUILESS_MAIN(TestEventPipeReader)
#include "tst_EventPipeReader.moc"
