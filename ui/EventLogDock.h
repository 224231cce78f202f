// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace halfopen::core {
class Session;
}

namespace halfopen::ui {

class EventLogModel;

// Every event of the session in a table: filter by any text, copy the selected rows (as
// tab-separated lines), follows the newest event unless the user scrolled away.
class EventLogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit EventLogDock(core::Session *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // The selected rows to the clipboard: as shown (tab-separated), or one JSON line each.
    void copySelection(int role = Qt::DisplayRole) const;

private:
    EventLogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_filterLine;
    QTableView *m_view;
};

} // namespace halfopen::ui
