// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QAbstractProxyModel>
#include <QSet>

namespace halfopen::models {

// The socket table as the user narrows it: by host, by TCP state, by any text in the row; sorted
// by the model's SortKeyRole (numbers as numbers, so RTO 1000 ms sorts after 204 ms and port
// 40000 after 5000; ties keep the order the sockets appeared in).
//
// Not a QSortFilterProxyModel: that one re-sorts by taking every changed row out and putting it
// back, rebuilding its whole mapping each time (200 ms per update at 100 000 sockets, 1 %
// changed). Here the changes of one event-loop turn are settled together, just before the
// view paints: sort keys are cached, only rows that fell out of order are taken out and merged
// back in (O(rows + moved · log moved)), with one layoutChanged when the order changed and none
// when it did not. Selection and current row follow their sockets (persistent indexes).
class SocketTableProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit SocketTableProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    // Column -1: the order the sockets appeared in.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Empty: every host.
    void setHostFilter(const QString &host);
    QString hostFilter() const { return m_host; }
    // Empty: every state.
    void setStateFilter(const QSet<core::TcpState> &states);
    QSet<core::TcpState> stateFilter() const { return m_states; }
    // Case-insensitive, anywhere in the row's shown text; empty: every row.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    // TIME_WAIT sockets are hidden unless shown here or asked for by the state filter, as ss
    // hides them without -a or a state: they are the kernel's memory of a connection that is
    // over, not an application's. Hidden by default.
    void setTimeWaitShown(bool shown);
    bool timeWaitShown() const { return m_showTimeWait; }
    // The TIME_WAIT sockets that would be shown (they pass the host and text filters) but for
    // that rule: what the table says it left out.
    int hiddenTimeWaitCount() const { return m_hiddenTimeWaitCount; }

    // Re-filters and re-sorts what changed now rather than on the next turn of the event loop.
    void settle();

signals:
    void hiddenTimeWaitCountChanged(int count);

private:
    enum class Verdict { Shown, Hidden, HiddenTimeWait };
    Verdict judge(int sourceRow) const;
    // Judges a row and keeps its entry in the TIME_WAIT count: true when it is shown.
    bool accepts(int sourceRow);
    void announceHiddenTimeWait();
    bool fetchKey(int sourceRow);
    bool lessThan(int a, int b) const;
    void queueSettle();
    void refilterAll();
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

    QList<int> m_proxyToSource;     // the rows shown, in order
    QList<int> m_sourceToProxy;     // -1: filtered out
    QList<quint8> m_pending;        // per source row: what settle() has to look at again
    QList<bool> m_hiddenAsTimeWait; // per source row: hidden only because it is in TIME_WAIT
    int m_hiddenTimeWaitCount = 0;
    int m_announcedHiddenTimeWait = 0;
    bool m_showTimeWait = false;
    // A row's place in the order: its sort column's key (a number, or text for the address
    // columns), then the row it has in the source. Per source row while sorted; fresh for the
    // rows shown. Kept apart and small: comparing them is most of a re-sort's cost.
    enum class KeyType { Unknown, Number, Text };
    KeyType m_keyType = KeyType::Unknown;
    QList<double> m_numberKeys;
    QList<QString> m_textKeys;
    bool m_anyPending = false;
    bool m_settleQueued = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_host;
    QSet<core::TcpState> m_states;
    QString m_text;
    QList<QMetaObject::Connection> m_sourceConnections;
    QModelIndexList m_layoutProxy;               // a source layout change in progress: the persistent
    QList<QPersistentModelIndex> m_layoutSource; // indexes and the source cells they showed
};

} // namespace halfopen::models
