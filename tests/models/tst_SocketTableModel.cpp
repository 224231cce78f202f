// SPDX-License-Identifier: GPL-3.0-or-later
// SocketTableModel: sockets arrive in one insert per batch, change in place with dataChanged on
// their own row only, flash on a state change, fade after closing and then leave.

#include "ModelFixtures.h"

#include "core/session/Session.h"
#include "models/SocketTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace halfopen;
using namespace fixtures;
using models::SocketColumn;
using models::SocketTableModel;

namespace {

constexpr int kShortFadeMs = 300;

QVariant cell(const SocketTableModel &m, int row, SocketColumn column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, int(column)), role);
}

// A model with its tester attached, no ageing refresh (it would add dataChanged of its own).
struct Fixture
{
    core::Session session;
    SocketTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    explicit Fixture(int fadeMs = kShortFadeMs)
        : model(&session, fadeMs)
    {
        model.setRefreshMs(0);
    }

    void addClients(int first, int count, double seconds = 1.0)
    {
        for (int port = first; port < first + count; ++port)
            session.add(sample(seconds, halfopen::core::Host::Client, port));
    }
};

} // namespace

class TestSocketTableModel : public QObject
{
    Q_OBJECT
private slots:
    void newSocketsArriveInOneInsertPerBatch();
    void rowShowsTheSample();
    void sampleChangeSignalsOnlyItsRow();
    void unchangedSampleSignalsNothing();
    void lateEventDoesNotOverrideNewer();
    void stateChangeSetsFlash();
    void closedRowFadesThenLeaves();
    void closingRowRevivedByANewerSample();
    void endpointClosedAndFatalErrorCloseTheRow();
    void powerOffClosesTheHostsRows();
    void historyIsShownAtOnceWithoutClosedSockets();
    void clearResetsTheModel();
    void bulkApplyCoalescesChanges();
    void snapshotInAnyOrderFindsItsRows();
    void ageingColumnsCountDown();
    void lastReceivedIsTrueAndStopsWithTheRun();
    void headersExplainThemselves();
    void keepaliveColumnShowsTheReportedOptions();
};

void TestSocketTableModel::newSocketsArriveInOneInsertPerBatch()
{
    Fixture f;
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.addClients(40000, 5);
    // Queued, not yet shown: the insert happens once, from the zero-delay timer.
    QCOMPARE(f.model.rowCount(), 0);
    QCOMPARE(f.model.pendingInsertCount(), 5);
    QTRY_COMPARE(f.model.rowCount(), 5);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4); // last = first + count - 1

    f.addClients(40005, 3);
    QTRY_COMPARE(f.model.rowCount(), 8);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 5);
    QCOMPARE(inserted.at(1).at(2).toInt(), 7);
    for (int port = 40000; port < 40008; ++port)
        QCOMPARE(f.model.rowOf(QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(port))), port - 40000);
}

void TestSocketTableModel::rowShowsTheSample()
{
    Fixture f;
    core::TcpInfoSample s = established(1632, 200);
    s.recvQ = 7;
    s.retransmits = 3;
    s.probes = 2;
    s.backoff = 3;
    s.timer = core::TcpTimer::Retransmit;
    s.timerExpiresMs = 1200;
    f.session.add(sample(1, halfopen::core::Host::Client, 40000, s));
    QTRY_COMPARE(f.model.rowCount(), 1);
    QCOMPARE(cell(f.model, 0, SocketColumn::Host).toString(), QStringLiteral("client"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Local).toString(), QStringLiteral("10.0.0.1:40000"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Remote).toString(), QStringLiteral("10.0.0.2:5000"));
    QCOMPARE(cell(f.model, 0, SocketColumn::State).toString(), QStringLiteral("ESTABLISHED"));
    QCOMPARE(cell(f.model, 0, SocketColumn::SendQ).toString(), QStringLiteral("200"));
    QCOMPARE(cell(f.model, 0, SocketColumn::RecvQ).toString(), QStringLiteral("7"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Retransmits).toString(), QStringLiteral("3"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Probes).toString(), QStringLiteral("2"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Backoff).toString(), QStringLiteral("3"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Rto).toString(), QStringLiteral("1632 ms"));
    QCOMPARE(cell(f.model, 0, SocketColumn::Rtt).toString(), QStringLiteral("0.412 ms"));
    QVERIFY(cell(f.model, 0, SocketColumn::Timer).toString().startsWith(QStringLiteral("retransmit ")));
    QVERIFY(cell(f.model, 0, SocketColumn::Timer).toString().endsWith(QStringLiteral(" s")));
    // Raw values are numbers, for sorting.
    QCOMPARE(cell(f.model, 0, SocketColumn::Rto, SocketTableModel::RawValueRole).toDouble(), 1632.0);
    QCOMPARE(cell(f.model, 0, SocketColumn::SendQ, SocketTableModel::RawValueRole).toLongLong(), 200);
    const qint64 left = cell(f.model, 0, SocketColumn::Timer, SocketTableModel::RawValueRole).toLongLong();
    QVERIFY2(left <= 1200 && left > 0, qPrintable(QString::number(left)));
    QVERIFY(cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong() >= 100);
    QCOMPARE(cell(f.model, 0, SocketColumn::Host, SocketTableModel::StateRole).toInt(),
             int(core::TcpState::Established));
    QCOMPARE(cell(f.model, 0, SocketColumn::Rto, Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestSocketTableModel::sampleChangeSignalsOnlyItsRow()
{
    Fixture f;
    f.addClients(40000, 5);
    QTRY_COMPARE(f.model.rowCount(), 5);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.session.add(sample(2, halfopen::core::Host::Client, 40002, established(204, 1500)));
    QTRY_COMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).toModelIndex();
    const auto bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 2);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), models::kSocketColumnCount - 1);
    QCOMPARE(cell(f.model, 2, SocketColumn::SendQ).toString(), QStringLiteral("1500"));
    QCOMPARE(cell(f.model, 1, SocketColumn::SendQ).toString(), QStringLiteral("0"));
    QCOMPARE(inserted.count(), 0);
    // No state change: nothing to flash.
    QCOMPARE(cell(f.model, 2, SocketColumn::Host, SocketTableModel::FlashRole).toLongLong(), -1);
}

void TestSocketTableModel::unchangedSampleSignalsNothing()
{
    Fixture f;
    f.addClients(40000, 2);
    QTRY_COMPARE(f.model.rowCount(), 2);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    // Only ageing fields differ: the refresh clock shows those, no signal per sample.
    core::TcpInfoSample aged = established();
    aged.lastAckRecvMs = 900;
    aged.timerExpiresMs = 4200;
    f.session.add(sample(2, halfopen::core::Host::Client, 40000, aged));
    f.session.add(sample(2, halfopen::core::Host::Client, 40001, established()));
    f.model.flush();
    QCOMPARE(changed.count(), 0);
    // The sample was still taken: last received reads from it.
    QVERIFY(cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong() >= 900);
}

void TestSocketTableModel::lateEventDoesNotOverrideNewer()
{
    Fixture f;
    f.session.add(sample(5, halfopen::core::Host::Client, 40000, established(408)));
    QTRY_COMPARE(f.model.rowCount(), 1);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.session.add(sample(4, halfopen::core::Host::Client, 40000, established(204))); // from a slower process
    f.model.flush();
    QCOMPARE(changed.count(), 0);
    QCOMPARE(cell(f.model, 0, SocketColumn::Rto).toString(), QStringLiteral("408 ms"));
}

void TestSocketTableModel::stateChangeSetsFlash()
{
    Fixture f;
    f.addClients(40000, 3);
    QTRY_COMPARE(f.model.rowCount(), 3);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    const qint64 before = SocketTableModel::nowMs();
    f.session.add(state(2, halfopen::core::Host::Client, 40001, core::TcpState::Established, core::TcpState::FinWait1));
    QTRY_COMPARE(changed.count(), 1);
    const qint64 after = SocketTableModel::nowMs();
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(cell(f.model, 1, SocketColumn::State).toString(), QStringLiteral("FIN_WAIT_1"));
    const qint64 flash = cell(f.model, 1, SocketColumn::State, SocketTableModel::FlashRole).toLongLong();
    QVERIFY(flash >= before && flash <= after);
    QCOMPARE(cell(f.model, 0, SocketColumn::State, SocketTableModel::FlashRole).toLongLong(), -1);
    QCOMPARE(cell(f.model, 1, SocketColumn::State, SocketTableModel::ClosingRole).toBool(), false);
}

void TestSocketTableModel::closedRowFadesThenLeaves()
{
    Fixture f(1000); // long enough to watch it fade on a busy machine
    f.addClients(40000, 4);
    QTRY_COMPARE(f.model.rowCount(), 4);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    // sock_diag no longer lists it: SnapshotDiff says it went to CLOSED.
    f.session.add(state(2, halfopen::core::Host::Client, 40001, core::TcpState::Established, core::TcpState::Closed));
    QTRY_VERIFY(cell(f.model, 1, SocketColumn::Host, SocketTableModel::ClosingRole).toBool());
    QCOMPARE(cell(f.model, 1, SocketColumn::State).toString(), QStringLiteral("CLOSED"));
    QVERIFY(cell(f.model, 1, SocketColumn::Host, SocketTableModel::FlashRole).toLongLong() > 0);
    QTRY_VERIFY(cell(f.model, 1, SocketColumn::Host, SocketTableModel::FadeRole).toDouble() < 1.0);
    QVERIFY(cell(f.model, 1, SocketColumn::Host, SocketTableModel::FadeRole).toDouble() >= 0.0);
    QCOMPARE(cell(f.model, 0, SocketColumn::Host, SocketTableModel::FadeRole).toDouble(), 1.0);
    // The view is told to redraw the fading row.
    QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
        return args.at(2).value<QList<int>>() == QList<int>{SocketTableModel::FadeRole}
        && args.at(0).toModelIndex().row() == 1 && args.at(1).toModelIndex().row() == 1;
    }));
    QTRY_COMPARE(f.model.rowCount(), 3);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(cell(f.model, 1, SocketColumn::Local).toString(), localOf(40002));
    QCOMPARE(f.model.rowOf(QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40003))), 2);
    QCOMPARE(f.model.rowOf(QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40001))), -1);
}

void TestSocketTableModel::closingRowRevivedByANewerSample()
{
    Fixture f;
    f.addClients(40000, 3);
    QTRY_COMPARE(f.model.rowCount(), 3);
    f.session.add(endpointClosed(2, halfopen::core::Host::Client, 40000));
    f.session.add(endpointClosed(2.1, halfopen::core::Host::Client, 40002));
    // The kernel still holds the first one: sock_diag reports it in TIME_WAIT.
    core::TcpInfoSample timeWait = established();
    timeWait.state = core::TcpState::TimeWait;
    f.session.add(sample(2.2, halfopen::core::Host::Client, 40000, timeWait));
    QCOMPARE(cell(f.model, 0, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), false);
    QCOMPARE(cell(f.model, 0, SocketColumn::State).toString(), QStringLiteral("TIME_WAIT"));
    // Only the socket closed later leaves; the revived one, closed earlier, stays.
    QTRY_COMPARE(f.model.rowCount(), 2);
    QCOMPARE(cell(f.model, 0, SocketColumn::Local).toString(), localOf(40000));
    QCOMPARE(cell(f.model, 1, SocketColumn::Local).toString(), localOf(40001));
}

void TestSocketTableModel::endpointClosedAndFatalErrorCloseTheRow()
{
    Fixture f;
    f.addClients(40000, 3);
    QTRY_COMPARE(f.model.rowCount(), 3);
    // A soft error leaves the connection alive.
    f.session.add(error(2, halfopen::core::Host::Client, 40000, EHOSTUNREACH, core::DetectionMechanism::Icmp, false));
    QCOMPARE(cell(f.model, 0, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), false);
    f.session.add(error(3, halfopen::core::Host::Client, 40000, ETIMEDOUT, core::DetectionMechanism::Keepalive));
    QVERIFY(cell(f.model, 0, SocketColumn::Host, SocketTableModel::ClosingRole).toBool());
    const QString tip = cell(f.model, 0, SocketColumn::State, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("ETIMEDOUT")) && tip.contains(QStringLiteral("keepalive")), qPrintable(tip));
    f.session.add(endpointClosed(3, halfopen::core::Host::Client, 40001));
    QVERIFY(cell(f.model, 1, SocketColumn::Host, SocketTableModel::ClosingRole).toBool());
    // EOF is no kernel close: the socket sits in CLOSE_WAIT until the application closes it.
    f.session.add(error(3, halfopen::core::Host::Client, 40002, 0, core::DetectionMechanism::Fin));
    QCOMPARE(cell(f.model, 2, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), false);
    QTRY_COMPARE(f.model.rowCount(), 1);
    QCOMPARE(cell(f.model, 0, SocketColumn::Local).toString(), localOf(40002));
}

void TestSocketTableModel::powerOffClosesTheHostsRows()
{
    Fixture f;
    f.addClients(40000, 2);
    f.session.add(sample(1, halfopen::core::Host::Server, 5000));
    f.session.add(sample(1, halfopen::core::Host::Server, 5001));
    QTRY_COMPARE(f.model.rowCount(), 4);
    f.session.add(fault(2, halfopen::core::Host::Server, QStringLiteral("power-off")));
    QCOMPARE(cell(f.model, 2, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), true);
    QCOMPARE(cell(f.model, 3, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), true);
    QCOMPARE(cell(f.model, 0, SocketColumn::Host, SocketTableModel::ClosingRole).toBool(), false);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    QTRY_COMPARE(f.model.rowCount(), 2);
    QCOMPARE(removed.count(), 1); // adjacent rows leave in one remove
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(removed.at(0).at(2).toInt(), 3);
}

void TestSocketTableModel::historyIsShownAtOnceWithoutClosedSockets()
{
    core::Session session;
    for (int port = 40000; port < 40004; ++port)
        session.add(sample(1, halfopen::core::Host::Client, port));
    session.add(state(2, halfopen::core::Host::Client, 40001, core::TcpState::Established, core::TcpState::Closed));
    SocketTableModel model(&session, kShortFadeMs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.pendingInsertCount(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("client|%1|10.0.0.2:5000").arg(localOf(40003))), 2);
    session.add(sample(3, halfopen::core::Host::Client, 40004));
    QTRY_COMPARE(model.rowCount(), 4);
}

void TestSocketTableModel::clearResetsTheModel()
{
    Fixture f;
    f.addClients(40000, 3);
    QTRY_COMPARE(f.model.rowCount(), 3);
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
    f.session.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(f.model.rowCount(), 0);
    f.addClients(40000, 1);
    QTRY_COMPARE(f.model.rowCount(), 1);
}

void TestSocketTableModel::bulkApplyCoalescesChanges()
{
    Fixture f;
    QList<core::Event> snapshot;
    for (int port = 0; port < 1000; ++port)
        snapshot.append(sample(1, halfopen::core::Host::Client, 10000 + port));
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.applySamples(snapshot);
    QCOMPARE(f.model.rowCount(), 1000); // at once, no event loop turn needed
    QCOMPARE(inserted.count(), 1);

    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    // The next full snapshot: every socket again, the given rows with a new Send-Q.
    auto changeRows = [&](const QList<int> &rows, double seconds) {
        for (core::Event &e : snapshot)
            e.tUs = at(seconds);
        for (int row : rows)
            snapshot[row].sample->sendQ = quint32(seconds * 100);
        f.model.applySamples(snapshot);
    };
    // A few scattered rows: one signal per row.
    changeRows({10, 500, 990}, 2);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 500);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 500);
    // Adjacent rows: one signal for the run.
    changed.clear();
    changeRows({20, 21, 22}, 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 20);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 22);
    // Many scattered rows: one signal over their span.
    changed.clear();
    QList<int> many;
    for (int row = 7; row < 1000; row += 3)
        many.append(row);
    changeRows(many, 4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 7);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), many.last());
    QCOMPARE(cell(f.model, 13, SocketColumn::SendQ).toString(), QStringLiteral("400"));
}

void TestSocketTableModel::snapshotInAnyOrderFindsItsRows()
{
    Fixture f;
    QList<core::Event> snapshot;
    for (int port = 0; port < 6; ++port)
        snapshot.append(sample(1, halfopen::core::Host::Client, 40000 + port));
    f.model.applySamples(snapshot);
    // The next snapshot lists them backwards, with a new socket in the middle and one changed.
    QList<core::Event> next(snapshot.crbegin(), snapshot.crend());
    next.insert(3, sample(2, halfopen::core::Host::Client, 50000));
    next[0].sample->sendQ = 77; // port 40005
    // Same ports on another host are other sockets.
    next.append(sample(2, halfopen::core::Host::Server, 40001));
    for (core::Event &e : next)
        e.tUs = at(2);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.applySamples(next);
    QCOMPARE(f.model.rowCount(), 8);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 5);
    QCOMPARE(cell(f.model, 5, SocketColumn::SendQ).toString(), QStringLiteral("77"));
    QCOMPARE(cell(f.model, 6, SocketColumn::Local).toString(), localOf(50000));
    QCOMPARE(cell(f.model, 7, SocketColumn::Host).toString(), QStringLiteral("server"));
    for (int row = 0; row < f.model.rowCount(); ++row)
        QCOMPARE(f.model.rowOf(cell(f.model, row, SocketColumn::Host, SocketTableModel::SocketKeyRole).toString()),
                 row);
}

void TestSocketTableModel::lastReceivedIsTrueAndStopsWithTheRun()
{
    Fixture f;
    // An accepted socket that never received an ACK after the handshake: last_ack_recv counts
    // from jiffies' origin (46 min here); its last data received is the handshake, 0.5 s ago.
    TcpInfoSample s = established();
    s.lastAckRecvMs = 46 * 60 * 1000 + 9000;
    s.lastDataRecvMs = 500;
    f.session.add(sample(1, halfopen::core::Host::Server, 5000, s));
    QTRY_COMPARE(f.model.rowCount(), 1);
    const qint64 since = cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong();
    QVERIFY2(since >= 500 && since < 10000, qPrintable(QString::number(since)));

    // The run stops: the lab's sockets receive nothing more and their timers stop; the
    // columns stand still instead of ticking on.
    f.session.add(core::Event::labEvent(at(2), core::RunStep::Stopped));
    const qint64 frozen = cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong();
    const qint64 timer = cell(f.model, 0, SocketColumn::Timer, SocketTableModel::RawValueRole).toLongLong();
    const qint64 t0 = SocketTableModel::nowMs();
    QVERIFY(QTest::qWaitFor([t0] { return SocketTableModel::nowMs() > t0 + 60; }));
    QCOMPARE(cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong(), frozen);
    QCOMPARE(cell(f.model, 0, SocketColumn::Timer, SocketTableModel::RawValueRole).toLongLong(), timer);
    // A new run ticks again.
    f.session.clear();
    f.session.add(sample(1, halfopen::core::Host::Server, 5000, s));
    QTRY_COMPARE(f.model.rowCount(), 1);
    const qint64 again = cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong();
    QTRY_VERIFY(cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong() > again);
}

void TestSocketTableModel::ageingColumnsCountDown()
{
    Fixture f;
    f.session.add(sample(1, halfopen::core::Host::Client, 40000));
    QTRY_COMPARE(f.model.rowCount(), 1);
    QVERIFY(cell(f.model, 0, SocketColumn::Timer).toString().startsWith(QStringLiteral("keepalive ")));
    const qint64 left = cell(f.model, 0, SocketColumn::Timer, SocketTableModel::RawValueRole).toLongLong();
    const qint64 since = cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong();
    QTRY_VERIFY(cell(f.model, 0, SocketColumn::Timer, SocketTableModel::RawValueRole).toLongLong() < left);
    QVERIFY(cell(f.model, 0, SocketColumn::LastReceived, SocketTableModel::RawValueRole).toLongLong() > since);

    // Past the expiry the reading knew of, the timer is due, never negative.
    TcpInfoSample soon = established();
    soon.timerExpiresMs = 30;
    f.session.add(sample(1, halfopen::core::Host::Client, 40001, soon));
    QTRY_COMPARE(f.model.rowCount(), 2);
    const int row = cell(f.model, 0, SocketColumn::Local).toString() == localOf(40001) ? 0 : 1;
    QTRY_COMPARE(cell(f.model, row, SocketColumn::Timer).toString(), QStringLiteral("keepalive due"));

    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.setRefreshMs(20);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(SocketColumn::Timer));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(SocketColumn::LastReceived));
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), f.model.rowCount() - 1);
}

void TestSocketTableModel::headersExplainThemselves()
{
    Fixture f;
    QCOMPARE(f.model.columnCount(), models::kSocketColumnCount);
    for (int column = 0; column < f.model.columnCount(); ++column) {
        QVERIFY(!f.model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(f.model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20);
    }
    auto tip = [&](SocketColumn c) { return f.model.headerData(int(c), Qt::Horizontal, Qt::ToolTipRole).toString(); };
    QCOMPARE(f.model.headerData(int(SocketColumn::SendQ), Qt::Horizontal).toString(), QStringLiteral("Send-Q"));
    QVERIFY(tip(SocketColumn::Timer).contains(QStringLiteral("ss -o")));
    QVERIFY(tip(SocketColumn::Timer).contains(QStringLiteral("keepalive probes")));
    QVERIFY(tip(SocketColumn::Backoff).contains(QStringLiteral("doubled")));
    QVERIFY(tip(SocketColumn::LastReceived).contains(QStringLiteral("Keepalive's idle time counts from here")));
}

void TestSocketTableModel::keepaliveColumnShowsTheReportedOptions()
{
    Fixture f;
    // The client's report comes before connect (no address): it holds for its next socket.
    f.session.add(options(0.5, halfopen::core::Host::Client, 0, {true, 2, 1, 3}));
    // The server's report comes with the accept, before the socket's first sample.
    f.session.add(options(0.9, halfopen::core::Host::Server, 5000, {false, 7200, 75, 9}));
    f.addClients(40000, 1);
    f.session.add(sample(1.0, halfopen::core::Host::Server, 5000));
    QTRY_COMPARE(f.model.rowCount(), 2);
    QCOMPARE(cell(f.model, 0, SocketColumn::Keepalive).toString(), QStringLiteral("2 s idle, 3 × 1 s"));
    QCOMPARE(cell(f.model, 1, SocketColumn::Keepalive).toString(), QStringLiteral("off"));
    const QString tip = cell(f.model, 0, SocketColumn::Keepalive, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("TCP_KEEPIDLE 2 s, TCP_KEEPINTVL 1 s, TCP_KEEPCNT 3")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("5 s after its last packet")), qPrintable(tip));
    // Sorting by how long a dead peer goes unnoticed: off after any setting.
    QVERIFY(cell(f.model, 0, SocketColumn::Keepalive, SocketTableModel::RawValueRole).toLongLong()
            < cell(f.model, 1, SocketColumn::Keepalive, SocketTableModel::RawValueRole).toLongLong());

    // A change on the open connection: its row only, at once.
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.session.add(options(2.0, halfopen::core::Host::Server, 5000, {true, 10, 5, 4}, true));
    f.model.flush();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(cell(f.model, 1, SocketColumn::Keepalive).toString(), QStringLiteral("10 s idle, 4 × 5 s"));
    // An older report arriving late changes nothing.
    f.session.add(options(1.5, halfopen::core::Host::Server, 5000, {false, 7200, 75, 9}));
    QCOMPARE(cell(f.model, 1, SocketColumn::Keepalive).toString(), QStringLiteral("10 s idle, 4 × 5 s"));
}

QTEST_GUILESS_MAIN(TestSocketTableModel)
#include "tst_SocketTableModel.moc"
