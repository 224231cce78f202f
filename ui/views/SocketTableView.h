// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableView;
class QTimer;

namespace halfopen::models {
class SocketTableModel;
class SocketTableProxy;
} // namespace halfopen::models

namespace halfopen::ui {

class SocketFilterBar;
class SocketRowDelegate;

// The socket state table: a filter row (host, state, text, TIME_WAIT shown or not) above a
// sortable table of every socket but those in TIME_WAIT unless asked for, rows fading out when closed and flashing when
// their state changes. Ctrl+C copies the selected rows as tab-separated text (with a header line), ready for a
// spreadsheet or a bug report.
class SocketTableView : public QWidget
{
    Q_OBJECT
public:
    explicit SocketTableView(models::SocketTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    models::SocketTableProxy *proxy() const { return m_proxy; }
    SocketFilterBar *filterBar() const { return m_filters; }

    // The selected rows (all rows when none is selected) as tab-separated lines, columns in
    // their shown order, the header first.
    QString selectedRowsText() const;
    void copySelectedRows() const;

    // TIME_WAIT sockets listed or not (not by default; the filter bar's box changes it).
    void setTimeWaitShown(bool shown);
    bool timeWaitShown() const;

    // Column order, widths and sorting, for the window's saved layout.
    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

    // The filters, the header and three rows: a client, its server and one more stay in sight
    // however the window's splitter squeezes the table.
    QSize minimumSizeHint() const override;

signals:
    void timeWaitShownChanged(bool shown);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void collectHosts(int first, int last);
    void watchFlashes(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void flashTick();
    void sizeColumns();

    models::SocketTableModel *m_model;
    models::SocketTableProxy *m_proxy;
    SocketFilterBar *m_filters;
    QTableView *m_table;
    SocketRowDelegate *m_delegate;
    QTimer *m_flashTimer;
    qint64 m_flashUntilMs = 0;
};

} // namespace halfopen::ui
