// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/SocketColumn.h"
#include "models/SocketRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

namespace halfopen::core {
class Session;
struct Event;
} // namespace halfopen::core

namespace halfopen::models {

// Every socket the session has seen, one row each (key: host + local + remote), as `ss -tani`
// would show it. Rows change in place; new rows arrive in one insert per batch, flushed from a
// zero-delay timer together with the changed rows' dataChanged (so a sock_diag snapshot of many
// sockets becomes one insert and a few signals, not one per event); closed rows fade, then leave.
class SocketTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        RawValueRole = Qt::UserRole, // the number (or sort key) behind DisplayRole: sort by this
        FadeRole,                    // double: 1 alive, falling to 0 while a closed row fades out
        FlashRole,                   // qint64: nowMs() of the last state change, -1 if none
        ClosingRole,                 // bool: the socket closed and the row is fading
        SocketKeyRole,               // QString "host|local|remote"
        HostRole,                    // QString, in every column (for filters)
        StateRole,                   // int core::TcpState, in every column (for filters)
        SortKeyRole,                 // RawValueRole's order, but does not age: changes only with a
                                     // sample (the refresh signals it for the rows that took one)
    };
    Q_ENUM(Role)

    static constexpr int kDefaultFadeMs = 3000;
    static constexpr int kDefaultRefreshMs = 500;

    explicit SocketTableModel(core::Session *session, int fadeMs = kDefaultFadeMs, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // How long a closed row stays (fading) before it is removed.
    int fadeMs() const { return m_fadeMs; }
    void setFadeMs(int ms);
    // How often the ageing columns (timer, last received) are refreshed; 0 stops it.
    int refreshMs() const { return m_refreshMs; }
    void setRefreshMs(int ms);

    // The clock FlashRole and the fade use: CLOCK_MONOTONIC in ms. A view flashes a row while
    // nowMs() - FlashRole is small.
    static qint64 nowMs();

    // Row of a socket among the rows shown, or -1 (also while its insert is still queued).
    int rowOf(const QString &socketKey) const;
    int pendingInsertCount() const { return int(m_rows.size()) - m_visible; }

    // Bulk path for a whole sock_diag snapshot: applies every event, then inserts and signals
    // at once. Events the session also carries reach the model through it anyway; this is for
    // callers that hold a batch.
    void applySamples(const QList<core::Event> &events);

    // Emits what is queued (inserts, dataChanged) now instead of on the next event-loop turn.
    void flush();

private:
    void onCleared();
    void apply(const core::Event &event, qint64 nowMs);
    void applyOptions(const core::Event &event);
    const QString &keyOf(const core::Event &event);
    void noteChange(int row, int change);
    void scheduleFlush();
    void emitChangedRows();
    void emitChangedRanges(const QList<int> &rows, const QList<int> &roles, int firstColumn, int lastColumn);
    void fadeTick();
    void refreshTick();
    void removeExpired(QList<int> rows);
    void reindexFrom(int row);

    QList<SocketRow> m_rows; // [0, m_visible) shown, the rest queued for the next insert
    int m_visible = 0;
    QHash<QString, int> m_rowOfKey;
    int m_nextRowGuess = 0;  // snapshots list sockets in the kernel's stable order: try the next row first
    QString m_keyBuffer;     // reused for lookups: no allocation per event
    QList<int> m_dirty;      // shown rows with a queued dataChanged
    QList<int> m_aged;       // shown rows whose ageing values moved since the last refresh
    QSet<QString> m_closing; // keys of the rows fading out: the fade timer visits only these
    // `options` reports for sockets not shown yet (they come before the first sample), and per
    // host the report of a socket set up before it had an address (a client before connect):
    // it holds for the host's next sockets.
    QHash<QString, std::pair<core::SocketOptions, qint64>> m_pendingOptions;
    QHash<core::Host, std::pair<core::SocketOptions, qint64>> m_hostOptions;
    int m_fadeMs;
    int m_refreshMs = kDefaultRefreshMs;
    // When the run stopped (its `stopped` event): the ageing columns stand still from then on,
    // a stopped lab's sockets receive nothing more and their timers run no more. -1: running.
    qint64 m_stoppedAtMs = -1;
    qint64 ageingNowMs() const { return m_stoppedAtMs >= 0 ? qMin(nowMs(), m_stoppedAtMs) : nowMs(); }
    QTimer m_flushTimer;
    QTimer m_fadeTimer;
    QTimer m_refreshTimer;
};

} // namespace halfopen::models
