// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/ChangedRowsTableView.h"

#include <QHeaderView>

namespace halfopen::ui {

ChangedRowsTableView::ChangedRowsTableView(QWidget *parent)
    : QTableView(parent)
{ }

void ChangedRowsTableView::setModel(QAbstractItemModel *model)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_shown.clear();
    m_narrow = m_repaintAll = false;
    m_fullLayout = true;
    QTableView::setModel(model);
    if (!model)
        return;
    // Connected after the view's own handlers: those schedule the layout this one narrows.
    m_connections << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                             [this](const QList<QPersistentModelIndex> &parents) {
                                 if (concernsShownRows(parents))
                                     rememberShownRows();
                             })
                  << connect(model, &QAbstractItemModel::layoutChanged, this,
                             [this](const QList<QPersistentModelIndex> &parents) {
                                 if (concernsShownRows(parents))
                                     findMovedRows();
                             });
}

bool ChangedRowsTableView::concernsShownRows(const QList<QPersistentModelIndex> &parents) const
{
    // No parents: the whole model; else the list must name the rows this view shows.
    if (parents.isEmpty())
        return true;
    for (const QPersistentModelIndex &parent : parents) {
        if (parent == rootIndex())
            return true;
    }
    return false;
}

std::pair<int, int> ChangedRowsTableView::shownRows() const
{
    if (!model() || model()->rowCount(rootIndex()) == 0)
        return {-1, -1};
    const int first = rowAt(0);
    if (first < 0)
        return {-1, -1};
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = model()->rowCount(rootIndex()) - 1;
    return {first, last};
}

void ChangedRowsTableView::rememberShownRows()
{
    m_shown.clear();
    const auto [first, last] = shownRows();
    m_firstShown = first;
    if (first < 0)
        return;
    m_shown.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        m_shown.append(QPersistentModelIndex(model()->index(row, 0, rootIndex())));
}

void ChangedRowsTableView::findMovedRows()
{
    if (!isVisible()) {
        m_shown.clear(); // shown later: painted whole then
        return;
    }
    const auto [first, last] = shownRows();
    QRegion moved;
    for (int row = first; first >= 0 && row <= last; ++row) {
        const int i = row - m_firstShown;
        const bool same = i >= 0 && i < m_shown.size() && m_shown.at(i).isValid() && m_shown.at(i).row() == row;
        if (!same)
            moved += QRect(0, rowViewportPosition(row), viewport()->width(), rowHeight(row));
    }
    m_shown.clear();
    // Another reorder in the same turn adds its rows; a change that needs the whole layout
    // (m_fullLayout) keeps it.
    m_moved += moved;
    m_narrow = true;
}

void ChangedRowsTableView::doItemsLayout()
{
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    if (m_fullLayout || !m_narrow) {
        m_moved = {};
        m_narrow = m_repaintAll = m_fullLayout = false;
        m_rowsAtLayout = rows;
        QTableView::doItemsLayout();
        return;
    }
    // Only rows reordered, came or went: the rows keep their heights, the columns their places,
    // so nothing is laid out. The scroll bars are set again only when the number of rows
    // changed (setting them repaints them), and only what shows another row is painted: the
    // places that moved, or the whole viewport when rows came or went among or above those shown.
    m_narrow = false;
    if (rows != m_rowsAtLayout) {
        m_rowsAtLayout = rows;
        updateGeometries();
    }
    if (!verticalHeader()->updatesEnabled()) // QTableView holds them while rows leave
        verticalHeader()->setUpdatesEnabled(true);
    if (m_repaintAll)
        viewport()->update();
    else if (!m_moved.isEmpty())
        viewport()->update(m_moved);
    m_moved = {};
    m_repaintAll = false;
}

void ChangedRowsTableView::noteRowsCameOrWent(const QModelIndex &parent, int start)
{
    if (parent != rootIndex()) {
        m_fullLayout = true;
        return;
    }
    // Below the rows shown, which fill the viewport, nothing shown moves.
    const auto [first, last] = shownRows();
    const bool below = isVisible() && first >= 0 && start > last
        && rowViewportPosition(last) + rowHeight(last) >= viewport()->height();
    m_narrow = true;
    if (!below)
        m_repaintAll = true;
}

void ChangedRowsTableView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    if (topLeft == bottomRight || !topLeft.isValid() || !bottomRight.isValid() || topLeft.parent() != rootIndex()) {
        QTableView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    if (!isVisible())
        return;
    const auto [first, last] = shownRows();
    const int top = std::max(first, topLeft.row());
    const int bottom = std::min(last, bottomRight.row());
    if (first < 0 || top > bottom)
        return;
    // Columns may be moved or hidden: the union of each changed column's visible cells.
    QRect rect;
    const int y = rowViewportPosition(top);
    const int height = rowViewportPosition(bottom) + rowHeight(bottom) - y;
    for (int column = topLeft.column(); column <= bottomRight.column(); ++column) {
        if (isColumnHidden(column))
            continue;
        rect |= QRect(columnViewportPosition(column), y, columnWidth(column), height);
    }
    rect &= viewport()->rect();
    if (!rect.isEmpty())
        viewport()->update(rect);
}

void ChangedRowsTableView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // Rows that arrive below the viewport (a sorting proxy appends them there, then moves them
    // to their places) change nothing shown but the scroll bars.
    noteRowsCameOrWent(parent, start);
    QTableView::rowsInserted(parent, start, end);
}

void ChangedRowsTableView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    noteRowsCameOrWent(parent, start);
    QTableView::rowsAboutToBeRemoved(parent, start, end);
}

void ChangedRowsTableView::reset()
{
    m_fullLayout = true;
    m_shown.clear();
    QTableView::reset();
}

} // namespace halfopen::ui
