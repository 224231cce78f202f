#pragma once

#include <QString>

namespace bench {

struct TableResult {
    QString variant;
    int sockets = 0;
    int eventsPerUpdate = 0;
    double medianMs = 0;
    double maxMs = 0;
};

// Applies snapshots of `sockets` sockets with 1 % of the rows changed to a SocketTableModel
// shown in a QTableView (optionally through a sorted SocketTableProxy) and returns the median
// time per update: the model's work, the signals and the view's repaint.
// FullSnapshot: every socket each update, in the same order (as sock_diag dumps them);
// Shuffled: the same in an order unrelated to the rows' (every event found by hash);
// ChangedOnly: only the changed sockets' samples (as the engine's samplers emit them).
enum class TableVariant { FullSnapshot, FullSnapshotShuffled, ChangedOnly, FullSnapshotSortedProxy };
TableResult runSocketTableBench(int sockets, TableVariant variant, int updates);

} // namespace bench
