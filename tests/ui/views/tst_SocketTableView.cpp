// SPDX-License-Identifier: GPL-3.0-or-later
// SocketTableView on the offscreen platform: the filter widgets narrow the proxy, header clicks
// sort numerically, the delegate paints fading and flashing rows, Ctrl+C copies rows.

#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"
#include "tests/models/ModelFixtures.h"
#include "ui/views/SocketFilterBar.h"
#include "ui/views/SocketRowDelegate.h"
#include "ui/views/SocketTableView.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPainter>
#include <QTableView>
#include <QTest>

using namespace fixtures;
using halfopen::models::SocketColumn;
using halfopen::models::SocketTableModel;
using halfopen::ui::SocketRowDelegate;
using halfopen::ui::SocketTableView;

class tst_SocketTableView : public QObject
{
    Q_OBJECT

private:
    // Three client sockets with RTOs 1000, 204 and 3000 ms (text order differs from numeric
    // order) and one server socket.
    void fill(Session &session)
    {
        session.add(sample(0.1, halfopen::core::Host::Client, 40001, established(1000)));
        session.add(sample(0.1, halfopen::core::Host::Client, 40002, established(204)));
        session.add(sample(0.1, halfopen::core::Host::Client, 40003, established(3000)));
        session.add(sample(0.1, halfopen::core::Host::Server, 5000, established(204)));
    }

    static int rowsShown(const SocketTableView &view) { return view.table()->model()->rowCount(); }

    static void clickHeader(SocketTableView &view, SocketColumn column)
    {
        QHeaderView *header = view.table()->horizontalHeader();
        const int x = header->sectionViewportPosition(int(column)) + header->sectionSize(int(column)) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }

private slots:
    void filtersNarrowTheProxy()
    {
        Session session;
        SocketTableModel model(&session);
        SocketTableView view(&model);
        view.resize(1200, 400);
        view.show();
        fill(session);
        model.flush();
        QCOMPARE(rowsShown(view), 4);

        QComboBox *hosts = view.filterBar()->hostCombo();
        QCOMPARE(hosts->count(), 3); // all, client, server
        hosts->setCurrentIndex(hosts->findData(QStringLiteral("server")));
        QCOMPARE(rowsShown(view), 1);
        hosts->setCurrentIndex(0);
        QCOMPARE(rowsShown(view), 4);

        // A state change moves one socket out of ESTABLISHED.
        session.add(state(1.0, halfopen::core::Host::Client, 40001, TcpState::Established, TcpState::CloseWait));
        model.flush();
        QComboBox *states = view.filterBar()->stateCombo();
        states->setCurrentIndex(states->findText(QStringLiteral("ESTABLISHED")));
        QCOMPARE(rowsShown(view), 3);
        states->setCurrentIndex(states->findText(QStringLiteral("Closing")));
        QCOMPARE(rowsShown(view), 1);
        states->setCurrentIndex(0);

        QTest::keyClicks(view.filterBar()->textEdit(), QStringLiteral("40003"));
        QCOMPARE(rowsShown(view), 1);
        QCOMPARE(view.table()->model()->index(0, int(SocketColumn::Local)).data().toString(), localOf(40003));
        view.filterBar()->textEdit()->clear();
        QCOMPARE(rowsShown(view), 4);
    }

    void headerClicksSortNumerically()
    {
        Session session;
        SocketTableModel model(&session);
        SocketTableView view(&model);
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fill(session);
        model.flush();

        clickHeader(view, SocketColumn::Rto);
        QAbstractItemModel *shown = view.table()->model();
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), int(SocketColumn::Rto));
        QList<double> rto;
        for (int row = 0; row < shown->rowCount(); ++row)
            rto.append(shown->index(row, int(SocketColumn::Rto)).data(SocketTableModel::RawValueRole).toDouble());
        QList<double> sorted = rto;
        std::sort(sorted.begin(), sorted.end());
        if (view.table()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(rto, sorted);

        clickHeader(view, SocketColumn::Rto); // the other way round
        const double first = shown->index(0, int(SocketColumn::Rto)).data(SocketTableModel::RawValueRole).toDouble();
        const double last = shown->index(3, int(SocketColumn::Rto)).data(SocketTableModel::RawValueRole).toDouble();
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder, first < last);
        QVERIFY(first != last);
    }

    void headerStateRoundTrips()
    {
        Session session;
        SocketTableModel model(&session);
        QByteArray saved;
        {
            SocketTableView view(&model);
            view.table()->setColumnWidth(int(SocketColumn::Remote), 333);
            view.table()->sortByColumn(int(SocketColumn::Rto), Qt::DescendingOrder);
            saved = view.headerState();
        }
        SocketTableView view(&model);
        QVERIFY(view.restoreHeaderState(saved));
        QCOMPARE(view.table()->columnWidth(int(SocketColumn::Remote)), 333);
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), int(SocketColumn::Rto));
        QCOMPARE(view.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void headersExplainThemselves()
    {
        Session session;
        SocketTableModel model(&session);
        SocketTableView view(&model);
        const QString tip
            = view.table()->model()->headerData(int(SocketColumn::Timer), Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("keepalive")));
    }

    void delegatePaintsFadingAndFlashingRows()
    {
        Session session;
        SocketTableModel model(&session, 2000);
        SocketTableView view(&model);
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fill(session);
        model.flush();
        session.add(state(1.0, halfopen::core::Host::Client, 40002, TcpState::Established, TcpState::Closed));
        model.flush();

        QAbstractItemModel *shown = view.table()->model();
        int closing = -1;
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(SocketTableModel::ClosingRole).toBool())
                closing = row;
        }
        QVERIFY(closing >= 0);
        QVERIFY(SocketRowDelegate::flashStrength(shown->index(closing, 0), SocketTableModel::nowMs()) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(shown->index(closing, 0).data(SocketTableModel::FadeRole).toDouble() < 1.0, 1500);

        // Every cell of every row, straight through the delegate, and the whole widget.
        QImage image(1200, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        auto *delegate = qobject_cast<SocketRowDelegate *>(view.table()->itemDelegate());
        QVERIFY(delegate);
        for (int row = 0; row < shown->rowCount(); ++row) {
            for (int column = 0; column < shown->columnCount(); ++column) {
                QStyleOptionViewItem option;
                option.initFrom(view.table());
                option.rect = view.table()->visualRect(shown->index(row, column));
                option.widget = view.table();
                delegate->paint(&painter, option, shown->index(row, column));
            }
        }
        painter.end();
        QVERIFY(!view.grab().isNull());

        // The stateful cell is coloured: some pixel of the state chip differs from the white base.
        const QRect chip = view.table()->visualRect(shown->index(closing, int(SocketColumn::State)));
        const QImage cell = image.copy(chip);
        bool coloured = false;
        for (int x = 0; x < cell.width() && !coloured; ++x)
            coloured = QColor(cell.pixel(x, cell.height() / 2)).saturation() > 40;
        QVERIFY(coloured);

        // The faded row leaves in the end.
        QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, 5000);
    }

    void copiesRowsAsTabSeparatedText()
    {
        Session session;
        SocketTableModel model(&session);
        SocketTableView view(&model);
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fill(session);
        model.flush();

        view.table()->selectRow(1);
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // header and the row
        QCOMPARE(lines.at(0).split(QLatin1Char('\t')).size(), halfopen::models::kSocketColumnCount);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("Host\tLocal\tRemote\tState")));
        QVERIFY(lines.at(1).contains(localOf(40002)));
        QVERIFY(lines.at(1).contains(QStringLiteral("ESTABLISHED")));
    }
};

QTEST_MAIN(tst_SocketTableView)
#include "tst_SocketTableView.moc"
