// SPDX-License-Identifier: GPL-3.0-or-later
#include "SocketTableBench.h"

#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"
#include "ui/views/ChangedRowsTableView.h"
#include "ui/views/SocketRowDelegate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>
#include <ctime>
#include <numeric>

namespace bench {

using namespace halfopen;

namespace {

core::Event socketSample(int i, qint64 tUs)
{
    core::Event e;
    e.kind = core::EventKind::Sample;
    e.tUs = tUs;
    e.host = i % 2 ? halfopen::core::Host::Client : halfopen::core::Host::Server;
    e.local = QStringLiteral("10.%1.%2.%3:%4").arg(i >> 16 & 255).arg(i >> 8 & 255).arg(i & 255).arg(10000 + i % 50000);
    e.remote = QStringLiteral("10.200.0.1:443");
    core::TcpInfoSample s;
    s.state = core::TcpState::Established;
    s.rtoUs = 204'000;
    s.rttUs = 300 + i % 500;
    s.lastAckRecvMs = quint32(i % 10'000);
    s.timerKnown = true;
    s.timer = core::TcpTimer::Keepalive;
    s.timerExpiresMs = 1000 + i % 7000;
    e.sample = s;
    return e;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The application's table view (a window of its own here) that keeps count of the time its
// repaints take: cells, headers, scroll bars, as the window paints them on an update request.
class TimedTableView : public ui::ChangedRowsTableView
{
public:
    qint64 paintNs = 0;

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::UpdateRequest)
            return QTableView::event(event);
        QElapsedTimer timer;
        timer.start();
        const bool handled = ui::ChangedRowsTableView::event(event);
        paintNs += timer.nsecsElapsed();
        return handled;
    }
};

QString columnName(int column)
{
    switch (models::SocketColumn(column)) {
    case models::SocketColumn::Rto:
        return QStringLiteral("RTO");
    case models::SocketColumn::Timer:
        return QStringLiteral("timer left");
    default:
        return models::socketColumnTitle(models::SocketColumn(column));
    }
}

} // namespace

QString TableVariant::describe() const
{
    QString text = feed == Feed::FullSnapshot ? QStringLiteral("full snapshot")
        : feed == Feed::FullSnapshotShuffled  ? QStringLiteral("full snapshot in another order")
                                              : QStringLiteral("changed sockets only");
    const QString order = sortOrder == Qt::AscendingOrder ? QStringLiteral("ascending") : QStringLiteral("descending");
    switch (view) {
    case View::Model:
        return text + QStringLiteral(", view on model");
    case View::Proxy:
        if (sortColumn < 0)
            return text + QStringLiteral(", view on SocketTableProxy, unsorted");
        return text + QStringLiteral(", view on SocketTableProxy sorted by %1 %2").arg(columnName(sortColumn), order);
    case View::QSortFilter:
        return text
            + QStringLiteral(", view on QSortFilterProxyModel sorted by %1 %2").arg(columnName(sortColumn), order);
    }
    return text;
}

QList<TableVariant> tableVariants()
{
    using Feed = TableVariant::Feed;
    using View = TableVariant::View;
    const int rto = int(models::SocketColumn::Rto);
    const int timer = int(models::SocketColumn::Timer);
    return {
        {QStringLiteral("full"), Feed::FullSnapshot, View::Model, -1, Qt::AscendingOrder, true},
        {QStringLiteral("shuffled"), Feed::FullSnapshotShuffled, View::Model, -1, Qt::AscendingOrder, false},
        {QStringLiteral("changed"), Feed::ChangedOnly, View::Model, -1, Qt::AscendingOrder, true},
        {QStringLiteral("proxy"), Feed::FullSnapshot, View::Proxy, -1, Qt::AscendingOrder, true},
        {QStringLiteral("sorted-rto"), Feed::FullSnapshot, View::Proxy, rto, Qt::DescendingOrder, true},
        {QStringLiteral("sorted-timer"), Feed::FullSnapshot, View::Proxy, timer, Qt::AscendingOrder, true},
        {QStringLiteral("changed-sorted-rto"), Feed::ChangedOnly, View::Proxy, rto, Qt::DescendingOrder, true},
        {QStringLiteral("qsfpm-rto"), Feed::FullSnapshot, View::QSortFilter, rto, Qt::DescendingOrder, false},
    };
}

TableResult runSocketTableBench(int sockets, const TableVariant &variant, int updates)
{
    using Feed = TableVariant::Feed;
    core::Session session;
    models::SocketTableModel model(&session);
    model.setRefreshMs(0); // the ageing clock is not what is measured here
    models::SocketTableProxy proxy;
    QSortFilterProxyModel sortFilter;
    TimedTableView view;
    switch (variant.view) {
    case TableVariant::View::Model:
        view.setModel(&model);
        break;
    case TableVariant::View::Proxy:
        proxy.setSourceModel(&model);
        view.setModel(&proxy);
        break;
    case TableVariant::View::QSortFilter:
        // As SocketTableProxy was before it had its own sorting: dynamic, by the raw values.
        sortFilter.setSortRole(models::SocketTableModel::RawValueRole);
        sortFilter.setDynamicSortFilter(true);
        sortFilter.setSourceModel(&model);
        view.setModel(&sortFilter);
        break;
    }
    if (variant.view != TableVariant::View::Model && variant.sortColumn >= 0) {
        view.setSortingEnabled(true);
        view.sortByColumn(variant.sortColumn, variant.sortOrder);
    }
    int layoutChanges = 0;
    QObject::connect(view.model(), &QAbstractItemModel::layoutChanged, [&layoutChanges] { ++layoutChanges; });
    // Set up as the application's table (ui/views/SocketTableView), with its delegate.
    ui::SocketRowDelegate delegate;
    view.setItemDelegate(&delegate);
    view.verticalHeader()->hide();
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setAlternatingRowColors(true);
    view.setWordWrap(false);
    view.setShowGrid(false);
    view.resize(1280, 800);
    view.show();

    QList<core::Event> snapshot;
    snapshot.reserve(sockets);
    qint64 tUs = 1'000'000;
    // When each socket's timer fires, on the model's clock: as the kernel reports it, the time
    // left counts down from one snapshot to the next.
    QList<qint64> deadlineMs(sockets);
    const qint64 startMs = models::SocketTableModel::nowMs();
    for (int i = 0; i < sockets; ++i) {
        snapshot.append(socketSample(i, tUs));
        deadlineMs[i] = startMs + snapshot.last().sample->timerExpiresMs;
    }
    model.applySamples(snapshot);
    QApplication::processEvents();

    QRandomGenerator random(42);
    QList<int> shuffled(sockets);
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const int changedPerUpdate = qMax(1, sockets / 100);
    QList<double> times;
    QList<double> cpuTimes;
    QList<double> paintTimes;
    QList<double> settleTimes;
    QList<double> unpaintedTimes;
    const int warmup = 3;
    for (int update = 0; update < updates + warmup; ++update) {
        // The next snapshot, prepared outside the timing: 1 % of the sockets retransmit.
        tUs += 1'000'000;
        QList<int> changed;
        for (int k = 0; k < changedPerUpdate; ++k)
            changed.append(int(random.bounded(sockets)));
        for (int row : std::as_const(changed)) {
            core::TcpInfoSample &s = *snapshot[row].sample;
            s.sendQ += 1448;
            s.retransmits = quint8(s.retransmits + 1);
            s.backoff = quint8((s.backoff + 1) % 8);
            s.rtoUs = 204'000u << s.backoff;
            s.timer = core::TcpTimer::Retransmit;
            deadlineMs[row] = models::SocketTableModel::nowMs() + s.rtoUs / 1000;
        }
        const qint64 nowMs = models::SocketTableModel::nowMs();
        for (int i = 0; i < sockets; ++i)
            snapshot[i].sample->timerExpiresMs = deadlineMs[i] - nowMs;
        QList<core::Event> batch;
        if (variant.feed == Feed::ChangedOnly) {
            for (int row : std::as_const(changed))
                batch.append(snapshot[row]);
        } else if (variant.feed == Feed::FullSnapshotShuffled) {
            batch.reserve(sockets);
            for (int i : std::as_const(shuffled))
                batch.append(snapshot[i]);
        } else {
            batch = snapshot;
        }
        for (core::Event &e : batch)
            e.tUs = tUs;

        if (update == warmup)
            layoutChanges = 0;
        view.paintNs = 0;
        const double cpuBefore = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        model.applySamples(batch);
        // What the proxy does with the batch (filter, re-sort, layoutChanged and the view's
        // handling of it) runs on the next turn of the event loop; done here, it can be timed.
        const qint64 beforeSettle = timer.nsecsElapsed();
        proxy.settle();
        const double settleMs = (timer.nsecsElapsed() - beforeSettle) / 1e6;
        QApplication::processEvents(); // the view's repaint of what changed
        const double ms = timer.nsecsElapsed() / 1e6;
        if (update >= warmup) {
            times.append(ms);
            settleTimes.append(settleMs);
            cpuTimes.append(processCpuMs() - cpuBefore);
            paintTimes.append(view.paintNs / 1e6);
            unpaintedTimes.append(ms - view.paintNs / 1e6);
        }
    }

    TableResult result;
    result.variant = variant.describe();
    result.sockets = sockets;
    result.eventsPerUpdate = variant.feed == Feed::ChangedOnly ? changedPerUpdate : sockets;
    result.medianMs = median(times);
    result.maxMs = *std::max_element(times.cbegin(), times.cend());
    result.medianCpuMs = median(cpuTimes);
    result.medianPaintMs = median(paintTimes);
    result.medianSettleMs = median(settleTimes);
    result.medianUnpaintedMs = median(unpaintedTimes);
    result.layoutChanges = layoutChanges;
    return result;
}

} // namespace bench
