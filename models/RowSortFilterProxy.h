// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractProxyModel>

namespace halfopen::models {

// A flat table as the user narrows and sorts it, for live tables of many rows (the socket
// table, the audit of this machine's connections): sorted by a sort-key role (numbers as
// numbers; ties keep the source order), filtered by whatever a subclass accepts.
//
// Not a QSortFilterProxyModel: that one re-sorts by taking every changed row out and putting it
// back, rebuilding its whole mapping each time (200 ms per update at 100 000 sockets, 1 %
// changed). Here the changes of one event-loop turn are settled together, just before the
// view paints: sort keys are cached, only rows that fell out of order are taken out and merged
// back in (O(rows + moved · log moved)), with one layoutChanged when the order changed and none
// when it did not. Selection and current row follow their rows (persistent indexes).
class RowSortFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit RowSortFilterProxy(int sortKeyRole, QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    // Column -1: the order the rows appeared in.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Re-filters and re-sorts what changed now rather than on the next turn of the event loop.
    void settle();

protected:
    // Whether a source row passes the filters (true for every row when nothing filters).
    virtual bool accepts(int sourceRow) const = 0;
    // Whether a change of these roles (empty: any) can change what accepts() says.
    virtual bool filterReads(const QList<int> &roles) const = 0;
    // A filter changed: every row is asked again, now.
    void refilterAll();

private:
    bool fetchKey(int sourceRow);
    bool lessThan(int a, int b) const;
    void queueSettle();
    void rebuild();
    void rebuildSourceToProxy();
    void hideRows(QList<int> sourceRows);
    void showRows(QList<int> sourceRows);
    void resizeKeys(qsizetype rows);
    void insertKeys(int first, int count);
    void removeKeys(int first, int count);
    void placeRows(const QList<int> &changed, const QList<int> &unplaced);
    void applyOrder(QList<int> order);
    void forwardDataChanged(int first, int last, int firstColumn, int lastColumn, const QList<int> &roles);

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();

    int m_sortKeyRole;
    QList<int> m_proxyToSource; // the rows shown, in order
    QList<int> m_sourceToProxy; // -1: filtered out
    QList<quint8> m_pending;    // per source row: what settle() has to look at again
    // A row's place in the order: its sort column's key (a number, or text), then the row it has
    // in the source. Per source row while sorted; fresh for the rows shown. Kept apart and
    // small: comparing them is most of a re-sort's cost.
    enum class KeyType { Unknown, Number, Text };
    KeyType m_keyType = KeyType::Unknown;
    QList<double> m_numberKeys;
    QList<QString> m_textKeys;
    bool m_anyPending = false;
    bool m_settleQueued = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<QMetaObject::Connection> m_sourceConnections;
    QModelIndexList m_layoutProxy;               // a source layout change in progress: the persistent
    QList<QPersistentModelIndex> m_layoutSource; // indexes and the source cells they showed
};

} // namespace halfopen::models
