// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace bench {

// How the snapshots reach the table, and what the view shows.
struct TableVariant
{
    enum class Feed {
        FullSnapshot,         // every socket each update, in the same order (as sock_diag dumps them)
        FullSnapshotShuffled, // the same in an order unrelated to the rows' (every event found by hash)
        ChangedOnly,          // only the changed sockets (as the engine's samplers emit them)
    };
    enum class View {
        Model,       // the view on the model itself
        Proxy,       // on a SocketTableProxy, as the application's table
        QSortFilter, // on a dynamic QSortFilterProxyModel sorted by the same key: for comparison
    };
    QString name; // for --variants
    Feed feed = Feed::FullSnapshot;
    View view = View::Model;
    int sortColumn = -1; // models::SocketColumn, or -1: unsorted
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    bool targeted = true; // held to the target (the others are shown for scale)

    QString describe() const;
};

// Every variant the benchmark knows, in the order it runs them.
QList<TableVariant> tableVariants();

struct TableResult
{
    QString variant;
    int sockets = 0;
    int eventsPerUpdate = 0;
    double medianMs = 0; // wall time
    double maxMs = 0;
    double medianCpuMs = 0;       // the process's CPU time (all threads): what a busy machine distorts least
    double medianPaintMs = 0;     // of the wall time: the table repainting (cells, headers, scroll bars)
    double medianSettleMs = 0;    // of the wall time: the proxy filtering and re-sorting the batch
    double medianUnpaintedMs = 0; // the wall time less the painting: what the target holds for
    int layoutChanges = 0;        // over all timed updates: how often the rows were reordered
};

// Applies snapshots of `sockets` sockets with 1 % of the rows changed to a SocketTableModel
// shown in a 1280x800 QTableView and returns the median time per update: the model's work, the
// proxy's, the signals and the view's repaint (applySamples + processEvents).
TableResult runSocketTableBench(int sockets, const TableVariant &variant, int updates);

} // namespace bench
