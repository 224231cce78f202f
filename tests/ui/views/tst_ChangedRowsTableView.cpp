// SPDX-License-Identifier: GPL-3.0-or-later
// ChangedRowsTableView: after a reorder it repaints only the places that show another row, and
// what it shows is what a freshly painted view shows.

#include "ui/views/ChangedRowsTableView.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QStandardItemModel>
#include <QTest>

using halfopen::ui::ChangedRowsTableView;

namespace {

// Collects what the viewport is asked to paint.
class PaintSpy : public QObject
{
public:
    QRegion painted;
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            painted += static_cast<QPaintEvent *>(event)->region();
            ++paints;
        }
        return false;
    }
};

void fill(QStandardItemModel *model, int rows)
{
    model->setColumnCount(3);
    for (int row = 0; row < rows; ++row) {
        // Column 1 sorts: row r has key r * 10, so swapping two keys swaps two rows.
        model->setItem(row, 0, new QStandardItem(QStringLiteral("socket %1").arg(row)));
        auto *key = new QStandardItem;
        key->setData(row * 10, Qt::DisplayRole);
        model->setItem(row, 1, key);
        model->setItem(row, 2, new QStandardItem(QStringLiteral("state %1").arg(row % 3)));
    }
}

QImage rendered(QAbstractItemView *view)
{
    return view->viewport()->grab().toImage();
}

} // namespace

class ChangedRowsTableViewTest : public QObject
{
    Q_OBJECT
private slots:
    void reorderRepaintsOnlyMovedRows();
    void reorderOfRowsOutOfViewRepaintsNothing();
    void wideChangeRepaintsOnlyItsVisibleCells();
};

void ChangedRowsTableViewTest::reorderRepaintsOnlyMovedRows()
{
    QStandardItemModel model;
    fill(&model, 1000);
    ChangedRowsTableView view;
    view.verticalHeader()->hide();
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.sortByColumn(1, Qt::AscendingOrder);
    QTest::qWait(50);
    PaintSpy spy;
    view.viewport()->installEventFilter(&spy);

    // Rows 2 and 5 trade keys: after the sort, only those two places show another row.
    model.blockSignals(true);
    model.item(2, 1)->setData(50, Qt::DisplayRole);
    model.item(5, 1)->setData(20, Qt::DisplayRole);
    model.blockSignals(false);
    model.sort(1, Qt::AscendingOrder);
    QTRY_VERIFY(spy.paints > 0);
    QTest::qWait(50);
    const int rowHeight = view.rowHeight(0);
    QCOMPARE(spy.painted.boundingRect().height() < 6 * rowHeight, true); // not the whole viewport
    QVERIFY(spy.painted.contains(QRect(0, view.rowViewportPosition(2), 1, 1)));
    QVERIFY(spy.painted.contains(QRect(0, view.rowViewportPosition(5), 1, 1)));
    QVERIFY(!spy.painted.contains(QRect(0, view.rowViewportPosition(3), 1, 1)));
    QCOMPARE(model.item(2, 0)->text(), QStringLiteral("socket 5"));

    // What it shows is what a view painted from scratch shows.
    ChangedRowsTableView fresh;
    fresh.verticalHeader()->hide();
    fresh.setModel(&model);
    fresh.resize(600, 400);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QTest::qWait(50);
    QCOMPARE(rendered(&view), rendered(&fresh));
}

void ChangedRowsTableViewTest::reorderOfRowsOutOfViewRepaintsNothing()
{
    QStandardItemModel model;
    fill(&model, 1000);
    ChangedRowsTableView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.sortByColumn(1, Qt::AscendingOrder);
    QTest::qWait(50);
    PaintSpy spy;
    view.viewport()->installEventFilter(&spy);
    model.blockSignals(true);
    model.item(900, 1)->setData(9050, Qt::DisplayRole);
    model.item(905, 1)->setData(9000, Qt::DisplayRole);
    model.blockSignals(false);
    model.sort(1, Qt::AscendingOrder);
    QTest::qWait(100);
    QCOMPARE(model.item(900, 0)->text(), QStringLiteral("socket 905"));
    QCOMPARE(spy.paints, 0);
}

void ChangedRowsTableViewTest::wideChangeRepaintsOnlyItsVisibleCells()
{
    QStandardItemModel model;
    fill(&model, 1000);
    ChangedRowsTableView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50);
    PaintSpy spy;
    view.viewport()->installEventFilter(&spy);
    // Columns 1 and 2 of every row (the table's ageing refresh does this): only their cells.
    emit model.dataChanged(model.index(0, 1), model.index(999, 2));
    QTRY_VERIFY(spy.paints > 0);
    QTest::qWait(50);
    const QRect painted = spy.painted.boundingRect();
    QCOMPARE(painted.left(), view.columnViewportPosition(1));
    QCOMPARE(painted.width(), view.columnWidth(1) + view.columnWidth(2));
    QCOMPARE(painted.bottom() < view.viewport()->height(), true);
    QCOMPARE(spy.painted.contains(QRect(view.columnViewportPosition(0), 0, 1, 1)), false);
}

QTEST_MAIN(ChangedRowsTableViewTest)
#include "tst_ChangedRowsTableView.moc"
