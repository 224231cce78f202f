// SPDX-License-Identifier: GPL-3.0-or-later
// Session keeps one time-ordered list even when events from other processes arrive late, and
// tells listeners exactly where each event went.

#include "EventFixtures.h"

#include "core/session/Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace halfopen::core;
using fixtures::simpleEvent;

namespace {

// What eventAdded reported, in order.
struct AddedLog
{
    QList<std::pair<QString, qsizetype>> entries; // (what, index)
    explicit AddedLog(Session *session)
    {
        QObject::connect(session, &Session::eventAdded, session, [this](const Event &e, qsizetype index) {
            entries.append({e.what, index});
        });
    }
};

QList<qint64> times(const Session &session)
{
    QList<qint64> result;
    for (const Event &e : session.events())
        result.append(e.tUs);
    return result;
}

QStringList whats(const Session &session)
{
    QStringList result;
    for (const Event &e : session.events())
        result.append(e.what);
    return result;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void inOrderEventsAreAppended();
    void lateEventGoesToItsPlace();
    void equalTimesKeepArrivalOrder();
    void clearEmitsCleared();
    void origin();
    void batchPerTurnOfTheEventLoop();
    void repeatedNamesAreShared();
};

void TestSession::inOrderEventsAreAppended()
{
    Session session;
    AddedLog log(&session);
    session.add(simpleEvent(100, "a"));
    session.add(simpleEvent(200, "b"));
    session.add(simpleEvent(300, "c"));
    QCOMPARE(session.size(), 3);
    QCOMPARE(log.entries, (QList<std::pair<QString, qsizetype>>{{"a", 0}, {"b", 1}, {"c", 2}}));
}

void TestSession::lateEventGoesToItsPlace()
{
    Session session;
    AddedLog log(&session);
    session.add(simpleEvent(100, "a"));
    session.add(simpleEvent(200, "b"));
    session.add(simpleEvent(300, "c"));
    session.add(simpleEvent(150, "late"));
    session.add(simpleEvent(50, "earliest"));
    session.add(simpleEvent(400, "d"));

    QCOMPARE(times(session), (QList<qint64>{50, 100, 150, 200, 300, 400}));
    QCOMPARE(log.entries.at(3), (std::pair<QString, qsizetype>{"late", 1}));
    QCOMPARE(log.entries.at(4), (std::pair<QString, qsizetype>{"earliest", 0}));
    QCOMPARE(log.entries.at(5), (std::pair<QString, qsizetype>{"d", 5}));
    // A listener that inserts at the reported index rebuilds the same list.
    QStringList mirror;
    for (const auto &[what, index] : std::as_const(log.entries))
        mirror.insert(index, what);
    QCOMPARE(mirror, whats(session));
}

void TestSession::equalTimesKeepArrivalOrder()
{
    Session session;
    AddedLog log(&session);
    session.add(simpleEvent(100, "first"));
    session.add(simpleEvent(200, "later"));
    session.add(simpleEvent(100, "second"));
    session.add(simpleEvent(100, "third"));
    QCOMPARE(whats(session), (QStringList{"first", "second", "third", "later"}));
    QCOMPARE(log.entries.at(2).second, 1);
    QCOMPARE(log.entries.at(3).second, 2);
}

void TestSession::clearEmitsCleared()
{
    Session session;
    session.add(simpleEvent(100, "a"));
    session.add(simpleEvent(200, "b"));
    session.setOriginUs(50);
    QSignalSpy cleared(&session, &Session::cleared);
    session.clear();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(session.size(), 0);
    QVERIFY(session.events().isEmpty());
    QCOMPARE(session.originUs(), 0); // the set origin belonged to the cleared run

    // The session is usable again and indices start over.
    AddedLog log(&session);
    session.add(simpleEvent(10, "again"));
    QCOMPARE(log.entries, (QList<std::pair<QString, qsizetype>>{{"again", 0}}));
}

void TestSession::origin()
{
    Session session;
    QCOMPARE(session.originUs(), 0);
    session.add(simpleEvent(500, "a"));
    QCOMPARE(session.originUs(), 500);
    session.add(simpleEvent(300, "late"));
    QCOMPARE(session.originUs(), 300); // the first event in time, not in arrival
    session.setOriginUs(1000);
    QCOMPARE(session.originUs(), 1000);
}

// What is added in one turn of the event loop is announced once, after every eventAdded of it.
void TestSession::batchPerTurnOfTheEventLoop()
{
    Session session;
    QSignalSpy added(&session, &Session::eventAdded);
    QSignalSpy batches(&session, &Session::batchAdded);
    for (int i = 0; i < 5; ++i) {
        Event e;
        e.tUs = 100 + i;
        session.add(e);
    }
    QCOMPARE(added.size(), 5);
    QCOMPARE(batches.size(), 0);
    QTRY_COMPARE(batches.size(), 1);
    Event late;
    late.tUs = 1;
    session.add(late);
    QTRY_COMPARE(batches.size(), 2);
    QTest::qWait(10);
    QCOMPARE(batches.size(), 2);
}

void TestSession::repeatedNamesAreShared()
{
    // A live event's names are its own copies: the session keeps one of each.
    Session session;
    for (int i = 0; i < 3; ++i) {
        Event e;
        e.kind = EventKind::Packet;
        e.tUs = i;
        e.host = halfopen::core::Host::Client;
        e.local = QStringLiteral("198.18.0.1:") + QString::number(34104);
        e.remote = QStringLiteral("198.18.0.2:5000");
        e.what = QStringLiteral("da") + QStringLiteral("ta");
        session.add(e);
    }
    const auto &events = session.events();
    QCOMPARE(events.at(2).local, QStringLiteral("198.18.0.1:34104"));
    QCOMPARE(events.at(2).what, QStringLiteral("data"));
    QCOMPARE(events.at(2).local.constData(), events.at(0).local.constData());
    QCOMPARE(events.at(1).what.constData(), events.at(0).what.constData());
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_Session.moc"
