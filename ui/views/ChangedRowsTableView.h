// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPersistentModelIndex>
#include <QRegion>
#include <QTableView>

namespace halfopen::ui {

// A QTableView that repaints only the rows whose cells changed. Qt's view repaints its whole
// viewport when the model reorders rows (layoutChanged) and for every dataChanged spanning more
// than one row and column; a live table sorted by a changing column gets both on every update.
// Here a reorder repaints only the visible places that now show another row than before (found
// with persistent indexes, which the model moves with their rows), and a change of many cells
// repaints only the visible part of its rows and columns.
class ChangedRowsTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ChangedRowsTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void doItemsLayout() override;

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles = {}) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void reset() override;

private:
    bool concernsShownRows(const QList<QPersistentModelIndex> &parents) const;
    // The first and last row the viewport shows, -1 when none.
    std::pair<int, int> shownRows() const;
    void rememberShownRows();
    void findMovedRows();

    QList<QPersistentModelIndex> m_shown; // the rows shown before a reorder, top to bottom
    int m_firstShown = -1;
    QRegion m_moved;          // their places that show another row now
    bool m_onlyMoved = false; // the pending layout is that reorder alone
    QList<QMetaObject::Connection> m_connections;
};

} // namespace halfopen::ui
