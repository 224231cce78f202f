// SPDX-License-Identifier: GPL-3.0-or-later
// The audit table applies each scan in place: rows that stayed keep their place (dataChanged
// only where a shown value moved), closed connections are removed, new ones appended; the
// proxy sorts by severity and filters by words and by least risk.

#include "models/AuditTableModel.h"
#include "models/AuditTableProxy.h"
#include "tests/audit/AuditFixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace halfopen;
using models::AuditTableModel;
using testing::auditedConnection;
using testing::auditedConnections;

class AuditTableModelTest : public QObject
{
    Q_OBJECT
private slots:
    void appliesScansInPlace();
    void unchangedScanSignalsNothing();
    void riskInWordsAndColour();
    void proxySortsAndFilters();
    void proxyMovesOnlyWhatChanged();
};

void AuditTableModelTest::appliesScansInPlace()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto changes = model.apply(auditedConnections(10));
    QCOMPARE(changes.added, 10);
    QCOMPARE(model.rowCount(), 10);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Next scan: cookies 3 and 4 closed, 6 lost its keepalive, 11 and 12 are new.
    std::vector<audit::AuditedConnection> next;
    for (quint64 cookie = 1; cookie <= 12; ++cookie) {
        if (cookie == 3 || cookie == 4)
            continue;
        next.push_back(auditedConnection(cookie, QStringLiteral("app"), quint16(20000 + cookie - 1),
                                         cookie == 6 ? audit::Risk::HalfOpenForever : audit::Risk::Ok));
    }
    // Cookies other than 6 show the same values as before, except the process name for
    // those whose fixture name was not "app": make them equal to what the model holds.
    for (auto &c : next) {
        const int row = model.rowOfCookie(c.socket.cookie);
        if (row >= 0 && c.socket.cookie != 6) {
            const auto *old = model.connectionAt(row);
            c.holders = old->holders;
            c.assessment = old->assessment;
            c.keepalive = old->keepalive;
        }
    }
    changes = model.apply(std::move(next));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changes.removed, 2);
    QCOMPARE(removed.count(), 1); // one contiguous range
    QCOMPARE(changes.added, 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changes.changed, 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 10);
    const int row6 = model.rowOfCookie(6);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row6);
    QCOMPARE(model.index(row6, AuditTableModel::RiskColumn).data(AuditTableModel::RiskRole).toInt(),
             int(audit::Risk::HalfOpenForever));
    // The rows before the removed ones kept their numbers; new ones are at the end.
    QCOMPARE(model.rowOfCookie(1), 0);
    QCOMPARE(model.rowOfCookie(2), 1);
    QCOMPARE(model.rowOfCookie(5), 2);
    QCOMPARE(model.rowOfCookie(12), 9);
    QCOMPARE(model.rowOfCookie(3), -1);
}

void AuditTableModelTest::unchangedScanSignalsNothing()
{
    AuditTableModel model;
    model.apply(auditedConnections(100));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    auto same = auditedConnections(100);
    for (auto &c : same)
        c.socket.sample.timerExpiresMs = 1234; // moves every scan, not shown in the table
    const auto changes = model.apply(std::move(same));
    QCOMPARE(changes.changed, 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(layout.count(), 0);
    // The details still follow the scan.
    QCOMPARE(model.connectionAt(0)->socket.sample.timerExpiresMs, 1234);
}

void AuditTableModelTest::riskInWordsAndColour()
{
    AuditTableModel model;
    model.apply({auditedConnection(1, QStringLiteral("mosquitto_sub"), 40000, audit::Risk::HalfOpenForever),
                 auditedConnection(2, QStringLiteral("psql"), 40001, audit::Risk::Ok)});
    const QModelIndex neverNoticed = model.index(0, AuditTableModel::RiskColumn);
    QCOMPARE(neverNoticed.data().toString(), QStringLiteral("would stay half-open forever"));
    const QColor red = neverNoticed.data(Qt::BackgroundRole).value<QColor>();
    const QColor green = model.index(1, AuditTableModel::RiskColumn).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(red.red() > red.green() && green.green() > green.red());
    QCOMPARE(model.index(0, AuditTableModel::Noticed).data().toString(), QStringLiteral("never"));
    QCOMPARE(model.index(0, AuditTableModel::Process).data().toString(), QStringLiteral("mosquitto_sub"));
    QCOMPARE(model.index(1, AuditTableModel::Keepalive).data().toString(), QStringLiteral("60 / 10 / 3"));
}

void AuditTableModelTest::proxySortsAndFilters()
{
    AuditTableModel model;
    models::AuditTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(AuditTableModel::RiskColumn, Qt::DescendingOrder);
    model.apply(auditedConnections(30));
    QCOMPARE(proxy.rowCount(), 30);
    QCOMPARE(proxy.index(0, 0).data(AuditTableModel::RiskRole).toInt(), int(audit::Risk::HalfOpenForever));
    QCOMPARE(proxy.index(29, 0).data(AuditTableModel::RiskRole).toInt(), int(audit::Risk::Ok));

    proxy.setLeastRisk(audit::Risk::Slow);
    QCOMPARE(proxy.rowCount(), 20);
    proxy.setLeastRisk(audit::Risk::HalfOpenForever);
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setLeastRisk(audit::Risk::Unknown);
    proxy.setText(QStringLiteral("sshd"));
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setText(QStringLiteral("half-open postgres")); // both words must match
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setText(QStringLiteral("half-open sshd"));
    QCOMPARE(proxy.rowCount(), 10);
    proxy.setText(QStringLiteral(":20001")); // a port
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, AuditTableModel::Process).data().toString(), QStringLiteral("postgres"));

    // Sorting by PID sorts numbers as numbers.
    proxy.setText({});
    proxy.sort(AuditTableModel::Pid, Qt::AscendingOrder);
    QVERIFY(proxy.index(0, AuditTableModel::Pid).data(AuditTableModel::SortRole).toLongLong()
            <= proxy.index(29, AuditTableModel::Pid).data(AuditTableModel::SortRole).toLongLong());
}

void AuditTableModelTest::proxyMovesOnlyWhatChanged()
{
    AuditTableModel model;
    models::AuditTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(AuditTableModel::RiskColumn, Qt::DescendingOrder);
    model.apply(auditedConnections(300));
    proxy.settle();
    // A connection that stays selected (a persistent index, as a view's current row).
    const QPersistentModelIndex selected = proxy.index(150, 0);
    const quint64 selectedCookie = selected.data(AuditTableModel::CookieRole).toULongLong();

    // The same scan again, its RTT moved: no signal reaches the view.
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
    auto same = auditedConnections(300);
    for (auto &c : same)
        c.socket.sample.rttUs = 999;
    model.apply(std::move(same));
    proxy.settle();
    QCOMPARE(layout.count(), 0);
    QCOMPARE(changed.count(), 0);

    // One Ok connection (cookie 1) loses its keepalive: it moves among the half-open-forever
    // rows, in the order of the source rows (ties); the rest keep their order.
    auto next = auditedConnections(300);
    next[0].keepalive.enabled = false;
    next[0].assessment.risk = audit::Risk::HalfOpenForever;
    next[0].assessment.seconds.reset();
    model.apply(std::move(next));
    proxy.settle();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(proxy.index(0, 0).data(AuditTableModel::CookieRole).toULongLong(), quint64(1));
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const int before = proxy.index(row - 1, 0).data(AuditTableModel::RiskRole).toInt();
        QVERIFY(before >= proxy.index(row, 0).data(AuditTableModel::RiskRole).toInt());
    }
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(AuditTableModel::CookieRole).toULongLong(), selectedCookie);
    // Only the Risk, Noticed and Keepalive columns changed (Keepalive..Noticed in column order).
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft.column(), int(AuditTableModel::RiskColumn));
    QCOMPARE(bottomRight.column(), int(AuditTableModel::Keepalive));
}

QTEST_GUILESS_MAIN(AuditTableModelTest)
#include "tst_AuditTableModel.moc"
