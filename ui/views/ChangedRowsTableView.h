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
// with persistent indexes, which the model moves with their rows), rows inserted or removed below
// a full viewport repaint nothing, nothing is laid out again for rows that came or went (the
// scroll bars are set again only when their number changed), and a change of many cells
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
    void noteRowsCameOrWent(const QModelIndex &parent, int start);

    QList<QPersistentModelIndex> m_shown; // the rows shown before a reorder, top to bottom
    int m_firstShown = -1;
    QRegion m_moved; // their places that show another row now
    // What the pending layout is for. Qt schedules it for more reasons than these (a reset, a
    // new model, columns), which go the whole way: m_fullLayout, or no m_narrow.
    bool m_narrow = false;     // rows reordered, or came or went: no layout needed
    bool m_repaintAll = false; // ... some among or above the rows shown: those moved
    bool m_fullLayout = false; // a reset or a new model: the whole layout
    int m_rowsAtLayout = -1;   // the rows the scroll bars were set for
    QList<QMetaObject::Connection> m_connections;
};

} // namespace halfopen::ui
