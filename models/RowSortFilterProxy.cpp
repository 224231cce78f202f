// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RowSortFilterProxy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace halfopen::models {

namespace {

enum Pending : quint8 {
    Refilter = 1, // a value the filters read changed
    Rekey = 2,    // the sort column changed: the key may have
    Unplaced = 4, // shown, but not yet merged into its place (just shown or inserted)
    Moving = 8,   // scratch mark while the order is rebuilt
};

// As the models that feed it: past this many separate runs of changed rows, one dataChanged over the
// span costs the view less than a signal per run.
constexpr qsizetype kMaxSeparateRanges = 256;
// Rows that leave in more runs than this first move to the end (one layoutChanged), then go in
// one removal: each removal costs the view a pass over all rows.
constexpr qsizetype kMaxSeparateRemovals = 8;

// Runs of adjacent values in ascending `rows`: first and last of each.
QList<std::pair<int, int>> runsOf(const QList<int> &rows)
{
    QList<std::pair<int, int>> runs;
    for (int row : rows) {
        if (!runs.isEmpty() && runs.last().second + 1 == row)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    return runs;
}

} // namespace

RowSortFilterProxy::RowSortFilterProxy(int sortKeyRole, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_sortKeyRole(sortKeyRole)
{ }

void RowSortFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        using M = QAbstractItemModel;
        m_sourceConnections = {
            connect(source, &M::rowsInserted, this, &RowSortFilterProxy::onRowsInserted),
            connect(source, &M::rowsAboutToBeRemoved, this, &RowSortFilterProxy::onRowsAboutToBeRemoved),
            connect(source, &M::rowsRemoved, this, &RowSortFilterProxy::onRowsRemoved),
            connect(source, &M::dataChanged, this, &RowSortFilterProxy::onDataChanged),
            connect(source, &M::headerDataChanged, this, &RowSortFilterProxy::headerDataChanged),
            connect(source, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_proxyToSource.clear();
                        m_sourceToProxy.clear();
                        m_pending.clear();
                        resizeKeys(0);
                        m_anyPending = false;
                        endResetModel();
                    }),
            connect(source, &M::modelAboutToBeReset, this, [this] { beginResetModel(); }),
            connect(source, &M::modelReset, this,
                    [this] {
                        rebuild();
                        endResetModel();
                    }),
            // The socket table never moves rows or changes columns; any other source still works.
            connect(source, &M::layoutAboutToBeChanged, this, &RowSortFilterProxy::onLayoutAboutToBeChanged),
            connect(source, &M::layoutChanged, this, &RowSortFilterProxy::onLayoutChanged),
            connect(source, &M::rowsAboutToBeMoved, this, &RowSortFilterProxy::onLayoutAboutToBeChanged),
            connect(source, &M::rowsMoved, this, &RowSortFilterProxy::onLayoutChanged),
            connect(source, &M::columnsAboutToBeInserted, this, [this] { beginResetModel(); }),
            connect(source, &M::columnsInserted, this,
                    [this] {
                        rebuild();
                        endResetModel();
                    }),
            connect(source, &M::columnsAboutToBeRemoved, this, [this] { beginResetModel(); }),
            connect(source, &M::columnsRemoved, this,
                    [this] {
                        rebuild();
                        endResetModel();
                    }),
            connect(source, &M::columnsAboutToBeMoved, this, [this] { beginResetModel(); }),
            connect(source, &M::columnsMoved, this,
                    [this] {
                        rebuild();
                        endResetModel();
                    }),
        };
    }
    rebuild();
    endResetModel();
}

QModelIndex RowSortFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex RowSortFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

int RowSortFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int RowSortFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool RowSortFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.isEmpty();
}

QVariant RowSortFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    // Columns are never rearranged here: their headers hold with no row shown too.
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= m_proxyToSource.size())
        return {};
    return sourceModel()->headerData(m_proxyToSource.at(section), orientation, role);
}

QModelIndex RowSortFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.row() >= m_proxyToSource.size())
        return {};
    return sourceModel()->index(m_proxyToSource.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex RowSortFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return {};
    const int row = m_sourceToProxy.value(sourceIndex.row(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void RowSortFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (!sourceModel() || column >= sourceModel()->columnCount())
        column = -1;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!sourceModel())
        return;
    const int rows = int(m_sourceToProxy.size());
    m_keyType = KeyType::Unknown;
    resizeKeys(column >= 0 ? rows : 0);
    for (int row = 0; row < rows; ++row) {
        if (column >= 0)
            fetchKey(row);
        m_pending[row] &= quint8(~(Rekey | Unplaced));
    }
    QList<int> sorted = m_proxyToSource;
    std::sort(sorted.begin(), sorted.end(), [this](int a, int b) { return lessThan(a, b); });
    if (sorted != m_proxyToSource)
        applyOrder(std::move(sorted));
}

void RowSortFilterProxy::resizeKeys(qsizetype rows)
{
    m_numberKeys.clear();
    m_textKeys.clear();
    if (m_keyType != KeyType::Text)
        m_numberKeys.resize(rows);
    if (m_keyType != KeyType::Number)
        m_textKeys.resize(rows);
}

void RowSortFilterProxy::insertKeys(int first, int count)
{
    if (m_sortColumn < 0)
        return;
    if (m_keyType != KeyType::Text)
        m_numberKeys.insert(first, count, 0.0);
    if (m_keyType != KeyType::Number)
        m_textKeys.insert(first, count, QString());
}

void RowSortFilterProxy::removeKeys(int first, int count)
{
    if (first < m_numberKeys.size())
        m_numberKeys.remove(first, count);
    if (first < m_textKeys.size())
        m_textKeys.remove(first, count);
}

bool RowSortFilterProxy::fetchKey(int sourceRow)
{
    const QVariant value = sourceModel()->index(sourceRow, m_sortColumn).data(m_sortKeyRole);
    if (m_keyType == KeyType::Unknown) {
        // The column's first key says which kind they all are.
        m_keyType = value.typeId() == QMetaType::QString ? KeyType::Text : KeyType::Number;
        if (m_keyType == KeyType::Text)
            m_numberKeys.clear();
        else
            m_textKeys.clear();
    }
    if (m_keyType == KeyType::Text) {
        QString text = value.toString();
        if (text == m_textKeys.at(sourceRow))
            return false;
        m_textKeys[sourceRow] = std::move(text);
        return true;
    }
    double number = value.toDouble();
    if (std::isnan(number))
        number = -std::numeric_limits<double>::infinity();
    if (number == m_numberKeys.at(sourceRow))
        return false;
    m_numberKeys[sourceRow] = number;
    return true;
}

bool RowSortFilterProxy::lessThan(int a, int b) const
{
    if (m_sortColumn >= 0) {
        if (m_keyType == KeyType::Number) {
            const double x = m_numberKeys.at(a);
            const double y = m_numberKeys.at(b);
            if (x != y)
                return m_sortOrder == Qt::AscendingOrder ? x < y : x > y;
        } else if (m_keyType == KeyType::Text) {
            if (const int c = m_textKeys.at(a).compare(m_textKeys.at(b)))
                return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
        }
    }
    return a < b; // ties, and no sort: the order the rows came in
}

void RowSortFilterProxy::queueSettle()
{
    m_anyPending = true;
    if (m_settleQueued)
        return;
    m_settleQueued = true;
    // A posted call, not a timer: it runs before the view's repaint, which Qt posts at a lower
    // priority, so no frame shows the rows out of order.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_settleQueued = false;
            settle();
        },
        Qt::QueuedConnection);
}

void RowSortFilterProxy::settle()
{
    if (!m_anyPending || !sourceModel())
        return;
    m_anyPending = false;
    QList<int> hide;
    QList<int> show;
    QList<int> unplaced;
    QList<int> changed; // shown rows whose key changed
    for (int row = 0; row < m_pending.size(); ++row) {
        const quint8 pending = m_pending.at(row);
        if (!pending)
            continue;
        m_pending[row] = 0;
        const bool shown = m_sourceToProxy.at(row) >= 0;
        if (pending & Refilter) {
            const bool accepted = accepts(row);
            if (shown && !accepted) {
                hide.append(row);
                continue;
            }
            if (!shown && accepted) {
                show.append(row);
                continue;
            }
        }
        if (!shown)
            continue;
        if (pending & Unplaced)
            unplaced.append(row);
        else if (m_sortColumn >= 0 && (pending & Rekey) && fetchKey(row))
            changed.append(row);
    }
    hideRows(hide);
    showRows(show);
    // Nothing to place when no shown row's key changed and none came in.
    if (!changed.isEmpty() || !unplaced.isEmpty() || !show.isEmpty())
        placeRows(changed, unplaced + show);
}

void RowSortFilterProxy::refilterAll()
{
    for (quint8 &pending : m_pending)
        pending |= Refilter;
    m_anyPending = true;
    settle();
}

void RowSortFilterProxy::rebuild()
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_pending = QList<quint8>(rows, 0);
    m_anyPending = false;
    m_proxyToSource.clear();
    for (int row = 0; row < rows; ++row) {
        if (accepts(row))
            m_proxyToSource.append(row);
    }
    if (m_sortColumn >= 0 && sourceModel() && m_sortColumn >= sourceModel()->columnCount())
        m_sortColumn = -1;
    m_keyType = KeyType::Unknown;
    resizeKeys(m_sortColumn >= 0 ? rows : 0);
    if (m_sortColumn >= 0) {
        for (int row = 0; row < rows; ++row)
            fetchKey(row);
        std::sort(m_proxyToSource.begin(), m_proxyToSource.end(), [this](int a, int b) { return lessThan(a, b); });
    }
    m_sourceToProxy = QList<int>(rows, -1);
    rebuildSourceToProxy();
}

void RowSortFilterProxy::rebuildSourceToProxy()
{
    std::fill(m_sourceToProxy.begin(), m_sourceToProxy.end(), -1);
    for (int row = 0; row < m_proxyToSource.size(); ++row)
        m_sourceToProxy[m_proxyToSource.at(row)] = row;
}

void RowSortFilterProxy::hideRows(QList<int> sourceRows)
{
    if (sourceRows.isEmpty())
        return;
    QList<int> rows;
    rows.reserve(sourceRows.size());
    for (int source : std::as_const(sourceRows))
        rows.append(m_sourceToProxy.at(source));
    std::sort(rows.begin(), rows.end());
    QList<std::pair<int, int>> runs = runsOf(rows);
    if (runs.size() > kMaxSeparateRemovals) {
        // Scattered: the leaving rows go to the end first, so they leave in one removal.
        QList<int> order;
        order.reserve(m_proxyToSource.size());
        for (int row = 0; row < m_proxyToSource.size(); ++row) {
            if (!std::binary_search(rows.cbegin(), rows.cend(), row))
                order.append(m_proxyToSource.at(row));
        }
        const int kept = int(order.size());
        for (int row : std::as_const(rows))
            order.append(m_proxyToSource.at(row));
        applyOrder(std::move(order));
        runs = {{kept, int(m_proxyToSource.size()) - 1}};
    }
    // From the bottom up: the runs above keep their rows.
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        beginRemoveRows({}, run->first, run->second);
        m_proxyToSource.remove(run->first, run->second - run->first + 1);
        rebuildSourceToProxy();
        endRemoveRows();
    }
}

void RowSortFilterProxy::showRows(QList<int> sourceRows)
{
    if (sourceRows.isEmpty())
        return;
    // At the end, in order among themselves; placeRows() merges them in.
    if (m_sortColumn >= 0) {
        for (int row : std::as_const(sourceRows))
            fetchKey(row);
    }
    std::sort(sourceRows.begin(), sourceRows.end(), [this](int a, int b) { return lessThan(a, b); });
    const int first = int(m_proxyToSource.size());
    beginInsertRows({}, first, first + int(sourceRows.size()) - 1);
    m_proxyToSource.append(sourceRows);
    for (int row = first; row < m_proxyToSource.size(); ++row)
        m_sourceToProxy[m_proxyToSource.at(row)] = row;
    endInsertRows();
}

void RowSortFilterProxy::placeRows(const QList<int> &changed, const QList<int> &unplaced)
{
    // `unplaced`: rows shown without regard to order (at the end); `changed`: rows whose key
    // changed. Every other row shown kept its key, so those are still in order among themselves.
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    const qsizetype shown = m_proxyToSource.size();
    QList<int> moving = unplaced;
    QList<int> kept;
    kept.reserve(shown);
    if ((changed.size() + unplaced.size()) * 8 < shown) {
        // Few: they all move. The keys compared are theirs and a binary search's worth of others
        // (comparisons on a large table are cache misses).
        moving.append(changed);
        for (int row : std::as_const(moving))
            m_pending[row] |= Moving;
        for (int row : std::as_const(m_proxyToSource)) {
            if (!(m_pending.at(row) & Moving))
                kept.append(row);
        }
        for (int row : std::as_const(moving))
            m_pending[row] &= quint8(~Moving);
        Q_ASSERT(std::is_sorted(kept.cbegin(), kept.cend(), less));
    } else {
        // Many (a snapshot that re-read every timer a few ms later shifts all their keys alike):
        // only the rows out of order with a neighbour move. Rows that moved together can be in
        // order with each other and still out of place, so what stays is sifted again (a few
        // passes at most, else everything is sorted).
        const auto sift = [&less](const QList<int> &rows, QList<int> *stay, QList<int> *go) {
            const qsizetype n = rows.size();
            stay->clear();
            for (qsizetype i = 0; i < n; ++i) {
                const int row = rows.at(i);
                if ((i > 0 && less(row, rows.at(i - 1))) || (i + 1 < n && less(rows.at(i + 1), row)))
                    go->append(row);
                else
                    stay->append(row);
            }
        };
        for (int row : unplaced)
            m_pending[row] |= Moving;
        QList<int> rows;
        rows.reserve(shown);
        for (int row : std::as_const(m_proxyToSource)) {
            if (!(m_pending.at(row) & Moving))
                rows.append(row);
        }
        for (int row : unplaced)
            m_pending[row] &= quint8(~Moving);
        sift(rows, &kept, &moving);
        for (int pass = 0; pass < 4 && !std::is_sorted(kept.cbegin(), kept.cend(), less); ++pass) {
            rows.swap(kept);
            sift(rows, &kept, &moving);
        }
        if (!std::is_sorted(kept.cbegin(), kept.cend(), less)) {
            kept = m_proxyToSource;
            std::sort(kept.begin(), kept.end(), less);
            moving.clear();
        }
    }
    if (moving.isEmpty() && kept == m_proxyToSource)
        return;
    // The movers in order, each put before the first kept row that sorts after it.
    std::sort(moving.begin(), moving.end(), less);
    QList<int> order;
    order.reserve(shown);
    auto from = kept.cbegin();
    for (int row : std::as_const(moving)) {
        const auto to = std::upper_bound(from, kept.cend(), row, less);
        order.append(from, to);
        order.append(row);
        from = to;
    }
    order.append(from, kept.cend());
    if (order != m_proxyToSource)
        applyOrder(std::move(order));
}

void RowSortFilterProxy::applyOrder(QList<int> order)
{
    // Same rows, another order: persistent indexes (selection, current row) follow their rows.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(from.size());
    for (const QModelIndex &index : from)
        sourceRows.append(m_proxyToSource.at(index.row()));
    m_proxyToSource = std::move(order);
    rebuildSourceToProxy();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(createIndex(m_sourceToProxy.at(sourceRows.at(i)), from.at(i).column()));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RowSortFilterProxy::forwardDataChanged(int first, int last, int firstColumn, int lastColumn,
                                            const QList<int> &roles)
{
    // The source rows' places here, as runs. A wide span (a snapshot's changes in one signal)
    // is marked on a bitmap and scanned, to spare sorting a list as long as the table.
    QList<int> rows;
    if (last - first > 1024) {
        std::vector<bool> marked(size_t(m_proxyToSource.size()), false);
        for (int row = first; row <= last; ++row) {
            if (const int shown = m_sourceToProxy.at(row); shown >= 0)
                marked[size_t(shown)] = true;
        }
        for (int row = 0; row < int(marked.size()); ++row) {
            if (marked[size_t(row)])
                rows.append(row);
        }
    } else {
        for (int row = first; row <= last; ++row) {
            if (const int shown = m_sourceToProxy.at(row); shown >= 0)
                rows.append(shown);
        }
        std::sort(rows.begin(), rows.end());
    }
    if (rows.isEmpty())
        return;
    QList<std::pair<int, int>> runs = runsOf(rows);
    if (runs.size() > kMaxSeparateRanges)
        runs = {{rows.first(), rows.last()}};
    for (const auto &[top, bottom] : std::as_const(runs))
        emit dataChanged(index(top, firstColumn), index(bottom, lastColumn), roles);
}

void RowSortFilterProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &row : m_proxyToSource) {
        if (row >= first)
            row += count;
    }
    m_sourceToProxy.insert(first, count, -1);
    m_pending.insert(first, count, 0);
    insertKeys(first, count);
    // Shown at once (at the end); merged into their place with the rest of this turn's changes.
    QList<int> accepted;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            accepted.append(row);
    }
    showRows(accepted);
    for (int row : std::as_const(accepted))
        m_pending[row] |= Unplaced;
    if (!accepted.isEmpty()) {
        // Appended rows of an unsorted view are already where they belong.
        const bool inPlace = m_sortColumn < 0
            && (m_proxyToSource.size() == accepted.size()
                || m_proxyToSource.at(m_proxyToSource.size() - accepted.size() - 1) < first);
        if (inPlace) {
            for (int row : std::as_const(accepted))
                m_pending[row] &= quint8(~Unplaced);
        } else {
            queueSettle();
        }
    }
}

void RowSortFilterProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // Gone from here while the source still holds them (views read the neighbours meanwhile).
    QList<int> shown;
    for (int row = first; row <= last; ++row) {
        if (m_sourceToProxy.at(row) >= 0)
            shown.append(row);
    }
    hideRows(shown);
}

void RowSortFilterProxy::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    m_sourceToProxy.remove(first, count);
    m_pending.remove(first, count);
    removeKeys(first, count);
    for (int &row : m_proxyToSource) {
        if (row > last)
            row -= count;
    }
}

void RowSortFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = qMin(bottomRight.row(), int(m_sourceToProxy.size()) - 1);
    if (first > last)
        return;
    forwardDataChanged(first, last, topLeft.column(), bottomRight.column(), roles);

    // What the change can have moved: what the filters read (the subclass says), and the sort
    // column's sort key.
    const auto touches = [&roles](int role) { return roles.isEmpty() || roles.contains(role); };
    const bool refilter = filterReads(roles);
    const bool rekey
        = m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column() && touches(m_sortKeyRole);
    if (!refilter && !rekey)
        return;
    const quint8 mark = (refilter ? Refilter : 0) | (rekey ? Rekey : 0);
    for (int row = first; row <= last; ++row)
        m_pending[row] |= mark;
    queueSettle();
}

void RowSortFilterProxy::onLayoutAboutToBeChanged()
{
    emit layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSource.clear();
    for (const QModelIndex &index : std::as_const(m_layoutProxy))
        m_layoutSource.append(QPersistentModelIndex(mapToSource(index)));
}

void RowSortFilterProxy::onLayoutChanged()
{
    // The source rows were rearranged, not changed: the same rows pass the filter.
    rebuild();
    QModelIndexList to;
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSource))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxy, to);
    m_layoutProxy.clear();
    m_layoutSource.clear();
    emit layoutChanged();
}

} // namespace halfopen::models
