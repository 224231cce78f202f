// SPDX-License-Identifier: GPL-3.0-or-later
// SocketTableProxy: sorts by the raw values (numbers, not text) and narrows the table by host,
// by state and by any text in the row, following the source as it changes.

#include "ModelFixtures.h"

#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace halfopen;
using namespace fixtures;
using models::SocketColumn;
using models::SocketTableModel;
using models::SocketTableProxy;

namespace {

struct Fixture
{
    core::Session session;
    SocketTableModel model;
    SocketTableProxy proxy;
    QAbstractItemModelTester sourceTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};

    explicit Fixture(int fadeMs = SocketTableModel::kDefaultFadeMs)
        : model(&session, fadeMs)
    {
        model.setRefreshMs(0);
        proxy.setSourceModel(&model);
    }

    // Queued inserts and changes signalled, and the proxy's reaction to them applied.
    void settle()
    {
        model.flush();
        proxy.settle();
    }

    QStringList column(SocketColumn c) const
    {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values.append(proxy.index(row, int(c)).data().toString());
        return values;
    }
};

// The sockets a proxy shows, in its order.
QStringList keysOf(const QAbstractItemModel &m)
{
    QStringList keys;
    for (int row = 0; row < m.rowCount(); ++row)
        keys.append(m.index(row, 0).data(SocketTableModel::SocketKeyRole).toString());
    return keys;
}

core::TcpInfoSample withState(core::TcpState state, double rtoMs = 204)
{
    core::TcpInfoSample s = established(rtoMs);
    s.state = state;
    if (state != core::TcpState::Established)
        s.timer = core::TcpTimer::Off;
    return s;
}

// Client sockets in several states and a server with a listener and one accepted socket.
void addMixedSockets(core::Session &session)
{
    session.add(sample(1, halfopen::core::Host::Client, 40000, withState(core::TcpState::Established)));
    session.add(sample(1, halfopen::core::Host::Client, 40001, withState(core::TcpState::TimeWait)));
    session.add(sample(1, halfopen::core::Host::Client, 40002, withState(core::TcpState::CloseWait)));
    session.add(sample(1, halfopen::core::Host::Server, 5000, withState(core::TcpState::Listen)));
    session.add(sample(1, halfopen::core::Host::Server, 5001, withState(core::TcpState::Established)));
}

} // namespace

class TestSocketTableProxy : public QObject
{
    Q_OBJECT
private slots:
    void sortsNumbersAsNumbers();
    void sortsPortsAsNumbers();
    void resortsWhenAValueChanges();
    void filtersByHost();
    void filtersByState();
    void filtersByText();
    void filtersCombine();
    void timeWaitHiddenUnlessAskedFor();
    void incrementalOrderMatchesAFreshSort();
    void orderKeptMeansNoLayoutChange();
    void ageingRefreshDoesNotReorder();
    void selectionFollowsItsSocket();
    void scatteredRowsLeaveTogether();
};

void TestSocketTableProxy::sortsNumbersAsNumbers()
{
    Fixture f;
    const QList<double> rtos = {1000, 204, 3000, 412};
    for (int i = 0; i < rtos.size(); ++i)
        f.session.add(sample(1, halfopen::core::Host::Client, 40000 + i, established(rtos[i])));
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    // As text, "1000 ms" would come first.
    QCOMPARE(f.column(SocketColumn::Rto),
             (QStringList{QStringLiteral("204 ms"), QStringLiteral("412 ms"), QStringLiteral("1000 ms"),
                          QStringLiteral("3000 ms")}));
    f.proxy.sort(int(SocketColumn::Rto), Qt::DescendingOrder);
    QCOMPARE(f.column(SocketColumn::Rto).first(), QStringLiteral("3000 ms"));
}

void TestSocketTableProxy::sortsPortsAsNumbers()
{
    Fixture f;
    for (int port : {40000, 5000, 612, 33000})
        f.session.add(sample(1, halfopen::core::Host::Client, port));
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.sort(int(SocketColumn::Local), Qt::AscendingOrder);
    QCOMPARE(f.column(SocketColumn::Local), (QStringList{localOf(612), localOf(5000), localOf(33000), localOf(40000)}));
}

void TestSocketTableProxy::resortsWhenAValueChanges()
{
    Fixture f;
    f.session.add(sample(1, halfopen::core::Host::Client, 40000, established(204)));
    f.session.add(sample(1, halfopen::core::Host::Client, 40001, established(408)));
    QTRY_COMPARE(f.proxy.rowCount(), 2);
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    QCOMPARE(f.column(SocketColumn::Local).first(), localOf(40000));
    // Backoff doubles the first socket's RTO past the second's.
    core::TcpInfoSample backedOff = established(816);
    backedOff.backoff = 2;
    f.session.add(sample(2, halfopen::core::Host::Client, 40000, backedOff));
    QTRY_COMPARE(f.column(SocketColumn::Local).first(), localOf(40001));
}

void TestSocketTableProxy::filtersByHost()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 4); // TIME_WAIT hidden
    f.proxy.setHostFilter(QStringLiteral("server"));
    QCOMPARE(f.column(SocketColumn::Host), (QStringList{QStringLiteral("server"), QStringLiteral("server")}));
    // New rows follow the filter.
    f.session.add(sample(2, halfopen::core::Host::Client, 40003));
    f.session.add(sample(2, halfopen::core::Host::Server, 5002));
    QTRY_COMPARE(f.proxy.rowCount(), 3);
    f.proxy.setHostFilter({});
    QCOMPARE(f.proxy.rowCount(), 6);
}

void TestSocketTableProxy::filtersByState()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.setStateFilter({core::TcpState::Established});
    QCOMPARE(f.column(SocketColumn::State),
             (QStringList{QStringLiteral("ESTABLISHED"), QStringLiteral("ESTABLISHED")}));
    f.proxy.setStateFilter({core::TcpState::TimeWait, core::TcpState::CloseWait});
    QCOMPARE(f.proxy.rowCount(), 2);
    // A socket leaving the shown states leaves the view.
    f.session.add(state(2, halfopen::core::Host::Client, 40002, core::TcpState::CloseWait, core::TcpState::LastAck));
    QTRY_COMPARE(f.proxy.rowCount(), 1);
    QCOMPARE(f.column(SocketColumn::State), QStringList{QStringLiteral("TIME_WAIT")});
}

void TestSocketTableProxy::filtersByText()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.setTextFilter(QStringLiteral("40002"));
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(40002)});
    f.proxy.setTextFilter(QStringLiteral("listen")); // any case
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(5000)});
    f.proxy.setTextFilter(QStringLiteral("keepalive")); // the timer column's text
    QCOMPARE(f.proxy.rowCount(), 2);
    f.proxy.setTextFilter(QStringLiteral("no such text"));
    QCOMPARE(f.proxy.rowCount(), 0);
    f.proxy.setTextFilter({});
    QCOMPARE(f.proxy.rowCount(), 4);
}

void TestSocketTableProxy::filtersCombine()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.setHostFilter(QStringLiteral("client"));
    f.proxy.setStateFilter({core::TcpState::Established, core::TcpState::TimeWait});
    QCOMPARE(f.proxy.rowCount(), 2);
    f.proxy.setTextFilter(QStringLiteral("TIME"));
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(40001)});
}

void TestSocketTableProxy::timeWaitHiddenUnlessAskedFor()
{
    // Like ss: TIME_WAIT is left out unless shown or asked for by the state filter, and the
    // proxy counts what it left out (of what the other filters let through).
    Fixture f;
    QSignalSpy counted(&f.proxy, &SocketTableProxy::hiddenTimeWaitCountChanged);
    addMixedSockets(f.session);
    f.settle();
    QCOMPARE(f.proxy.rowCount(), 4);
    QVERIFY(!f.column(SocketColumn::State).contains(QStringLiteral("TIME_WAIT")));
    QCOMPARE(f.proxy.hiddenTimeWaitCount(), 1);
    QCOMPARE(counted.constLast().constFirst().toInt(), 1);

    // An established socket closing actively goes to TIME_WAIT: it leaves, the count grows.
    f.session.add(state(2, halfopen::core::Host::Client, 40000, core::TcpState::Established, core::TcpState::TimeWait));
    QTRY_COMPARE(f.proxy.hiddenTimeWaitCount(), 2);
    QCOMPARE(f.proxy.rowCount(), 3);
    QCOMPARE(counted.constLast().constFirst().toInt(), 2);

    // Another host's TIME_WAIT is not counted as hidden by this rule while a host is chosen.
    f.proxy.setHostFilter(QStringLiteral("server"));
    QCOMPARE(f.proxy.hiddenTimeWaitCount(), 0);
    f.proxy.setHostFilter({});
    QCOMPARE(f.proxy.hiddenTimeWaitCount(), 2);

    // Shown on request: every row, nothing hidden.
    f.proxy.setTimeWaitShown(true);
    QCOMPARE(f.proxy.rowCount(), 5);
    QCOMPARE(f.proxy.hiddenTimeWaitCount(), 0);
    QCOMPARE(counted.constLast().constFirst().toInt(), 0);
    f.proxy.setTimeWaitShown(false);
    QCOMPARE(f.proxy.rowCount(), 3);

    // Asked for by state, as `ss state time-wait` lists them.
    f.proxy.setStateFilter({core::TcpState::TimeWait});
    QCOMPARE(f.column(SocketColumn::State), QStringList(2, QStringLiteral("TIME_WAIT")));
    QCOMPARE(f.proxy.hiddenTimeWaitCount(), 0);
    f.proxy.setStateFilter({});

    // A TIME_WAIT socket that is gone is no longer counted.
    Fixture quick(0);
    quick.session.add(sample(1, halfopen::core::Host::Client, 40001, withState(core::TcpState::TimeWait)));
    quick.settle();
    QCOMPARE(quick.proxy.hiddenTimeWaitCount(), 1);
    quick.session.add(state(2, halfopen::core::Host::Client, 40001, core::TcpState::TimeWait, core::TcpState::Closed));
    QTRY_COMPARE(quick.model.rowCount(), 0);
    QCOMPARE(quick.proxy.hiddenTimeWaitCount(), 0);
}

void TestSocketTableProxy::incrementalOrderMatchesAFreshSort()
{
    // Random batches of new, changed, closed and revived sockets on two hosts, under changing
    // sort columns and filters: after each batch the proxy shows exactly what a proxy sorted
    // from scratch shows (the tester checks every signal on the way).
    Fixture f(0); // closed rows leave on the next fade tick
    QRandomGenerator random(20240611);
    const QList<double> rtos = {204, 408, 816, 1632, 3264};
    const QList<std::pair<SocketColumn, Qt::SortOrder>> orders = {
        {SocketColumn::Rto, Qt::DescendingOrder},  {SocketColumn::Timer, Qt::AscendingOrder},
        {SocketColumn::Local, Qt::AscendingOrder}, {SocketColumn::SendQ, Qt::DescendingOrder},
        {SocketColumn::State, Qt::AscendingOrder}, {SocketColumn::Host, Qt::DescendingOrder},
        {SocketColumn::Rtt, Qt::AscendingOrder},   {SocketColumn::LastReceived, Qt::DescendingOrder},
    };
    const auto host = [](int port) { return port % 3 ? halfopen::core::Host::Client : halfopen::core::Host::Server; };
    f.model.setRefreshMs(10);
    for (int port = 40000; port < 40300; ++port)
        f.session.add(sample(1, host(port), port, established(rtos[port % rtos.size()])));
    f.proxy.sort(int(SocketColumn::Rto), Qt::DescendingOrder);
    f.settle();
    double t = 2;
    for (int round = 0; round < 40; ++round) {
        t += 1;
        const int changes = 1 + int(random.bounded(40));
        for (int k = 0; k < changes; ++k) {
            const int port = 40000 + int(random.bounded(400));
            if (random.bounded(10) == 0) {
                f.session.add(endpointClosed(t, host(port), port));
                continue;
            }
            core::TcpInfoSample s = established(rtos[int(random.bounded(int(rtos.size())))], random.bounded(3) * 1448);
            s.timerExpiresMs = 1000 + random.bounded(9000);
            s.rttUs = 100 + random.bounded(900);
            s.lastAckRecvMs = random.bounded(5000);
            if (random.bounded(8) == 0)
                s.state = core::TcpState::CloseWait;
            f.session.add(sample(t, host(port), port, s));
        }
        if (round % 7 == 3) {
            const auto [column, order] = orders[int(random.bounded(int(orders.size())))];
            f.proxy.sort(int(column), order);
        }
        if (round % 11 == 5)
            f.proxy.setHostFilter(f.proxy.hostFilter().isEmpty() ? QStringLiteral("client") : QString());
        if (round % 13 == 8) {
            f.proxy.setStateFilter(f.proxy.stateFilter().isEmpty() ? QSet<core::TcpState>{core::TcpState::Established}
                                                                   : QSet<core::TcpState>{});
        }
        if (round % 5 == 4) // let the closed rows leave
            QTRY_VERIFY(std::ranges::none_of(keysOf(f.model), [&](const QString &key) {
                return f.model.index(f.model.rowOf(key), 0).data(SocketTableModel::ClosingRole).toBool();
            }));
        f.settle();

        // Samples that moved only ageing values (timer, last received, RTT) reach the order
        // with the next refresh.
        const auto sortedAfresh = [&f] {
            SocketTableProxy fresh;
            fresh.setHostFilter(f.proxy.hostFilter());
            fresh.setStateFilter(f.proxy.stateFilter());
            fresh.setSourceModel(&f.model);
            fresh.sort(f.proxy.sortColumn(), f.proxy.sortOrder());
            return keysOf(fresh);
        };
        QTRY_COMPARE(keysOf(f.proxy), sortedAfresh());
    }
}

void TestSocketTableProxy::orderKeptMeansNoLayoutChange()
{
    Fixture f;
    for (int i = 0; i < 3; ++i)
        f.session.add(sample(1, halfopen::core::Host::Client, 40000 + i, established(204.0 * (i + 1))));
    f.settle();
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    QSignalSpy layouts(&f.proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy changes(&f.proxy, &QAbstractItemModel::dataChanged);
    // The middle socket's RTO changes but stays between the others: repaint, nothing moves.
    f.session.add(sample(2, halfopen::core::Host::Client, 40001, established(500)));
    f.settle();
    QVERIFY(changes.count() > 0);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(f.column(SocketColumn::Rto),
             (QStringList{QStringLiteral("204 ms"), QStringLiteral("500 ms"), QStringLiteral("612 ms")}));
    // Past the last one: it moves, in one layout change.
    f.session.add(sample(3, halfopen::core::Host::Client, 40001, established(700)));
    f.settle();
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(f.column(SocketColumn::Local).last(), localOf(40001));
}

void TestSocketTableProxy::ageingRefreshDoesNotReorder()
{
    // Sorted by time left: the refresh counts every timer down together, which changes no order.
    Fixture f;
    for (int i = 0; i < 4; ++i) {
        core::TcpInfoSample s = established();
        s.timerExpiresMs = 9000 - 2000 * i;
        f.session.add(sample(1, halfopen::core::Host::Client, 40000 + i, s));
    }
    f.settle();
    f.proxy.sort(int(SocketColumn::Timer), Qt::AscendingOrder);
    QCOMPARE(f.column(SocketColumn::Local),
             (QStringList{localOf(40003), localOf(40002), localOf(40001), localOf(40000)}));
    QSignalSpy layouts(&f.proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy changes(&f.proxy, &QAbstractItemModel::dataChanged);
    f.model.setRefreshMs(10);
    QTRY_VERIFY(changes.count() >= 3);
    QCoreApplication::processEvents(); // a queued re-sort, if one were wrongly asked for
    QCOMPARE(layouts.count(), 0);
    QList<qint64> left;
    for (int row = 0; row < f.proxy.rowCount(); ++row)
        left.append(f.proxy.index(row, int(SocketColumn::Timer)).data(SocketTableModel::RawValueRole).toLongLong());
    QVERIFY(std::ranges::is_sorted(left));

    // A timer restarted by traffic is an ageing change (no repaint of its own): the refresh
    // that shows it moves the row.
    core::TcpInfoSample restarted = established();
    restarted.timerExpiresMs = 100;
    f.session.add(sample(2, halfopen::core::Host::Client, 40000, restarted));
    QTRY_COMPARE(f.column(SocketColumn::Local).first(), localOf(40000));
    QCOMPARE(layouts.count(), 1);
}

void TestSocketTableProxy::selectionFollowsItsSocket()
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        f.session.add(sample(1, halfopen::core::Host::Client, 40000 + i, established(204.0 * (i + 1))));
    f.settle();
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    QItemSelectionModel selection(&f.proxy);
    selection.setCurrentIndex(f.proxy.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(selection.currentIndex().data(SocketTableModel::SocketKeyRole).toString(),
             QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40000)));
    // The selected socket backs off past all others: it moves to the bottom, still selected.
    f.session.add(sample(2, halfopen::core::Host::Client, 40000, established(6000)));
    f.settle();
    QCOMPARE(selection.currentIndex().row(), 4);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data(SocketTableModel::SocketKeyRole).toString(),
             QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40000)));
}

void TestSocketTableProxy::scatteredRowsLeaveTogether()
{
    // Every other socket leaves the shown states: more separate runs than are worth a removal
    // each, so they first gather at the end and leave in one removal.
    Fixture f;
    for (int i = 0; i < 40; ++i)
        f.session.add(sample(1, halfopen::core::Host::Client, 40000 + i,
                             withState(i % 2 ? core::TcpState::CloseWait : core::TcpState::Established)));
    f.settle();
    QItemSelectionModel selection(&f.proxy);
    selection.setCurrentIndex(f.proxy.index(10, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString kept = selection.currentIndex().data(SocketTableModel::SocketKeyRole).toString();
    QSignalSpy removals(&f.proxy, &QAbstractItemModel::rowsRemoved);
    f.proxy.setStateFilter({core::TcpState::Established});
    QCOMPARE(f.proxy.rowCount(), 20);
    QCOMPARE(removals.count(), 1);
    QCOMPARE(f.column(SocketColumn::State), QStringList(20, QStringLiteral("ESTABLISHED")));
    QCOMPARE(selection.currentIndex().data(SocketTableModel::SocketKeyRole).toString(), kept);
    QCOMPARE(selection.currentIndex().row(), 5);
    f.proxy.setStateFilter({});
    QCOMPARE(keysOf(f.proxy), keysOf(f.model)); // back in the order they came
}

QTEST_GUILESS_MAIN(TestSocketTableProxy)
#include "tst_SocketTableProxy.moc"
