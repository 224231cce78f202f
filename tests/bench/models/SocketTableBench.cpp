#include "SocketTableBench.h"

#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <numeric>

namespace bench {

using namespace halfopen;

namespace {

core::Event socketSample(int i, qint64 tUs)
{
    core::Event e;
    e.kind = core::EventKind::Sample;
    e.tUs = tUs;
    e.host = i % 2 ? QStringLiteral("client") : QStringLiteral("server");
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

} // namespace

TableResult runSocketTableBench(int sockets, TableVariant variant, int updates)
{
    core::Session session;
    models::SocketTableModel model(&session);
    model.setRefreshMs(0); // the ageing clock is not what is measured here
    models::SocketTableProxy proxy;
    QTableView view;
    if (variant == TableVariant::FullSnapshotSortedProxy) {
        proxy.setSourceModel(&model);
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(int(models::SocketColumn::Rto), Qt::DescendingOrder);
    } else {
        view.setModel(&model);
    }
    view.verticalHeader()->hide(); // as the application's table: no row numbers
    view.resize(1280, 800);
    view.show();

    QList<core::Event> snapshot;
    snapshot.reserve(sockets);
    qint64 tUs = 1'000'000;
    for (int i = 0; i < sockets; ++i)
        snapshot.append(socketSample(i, tUs));
    model.applySamples(snapshot);
    QApplication::processEvents();

    QRandomGenerator random(42);
    QList<int> shuffled(sockets);
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const int changedPerUpdate = qMax(1, sockets / 100);
    QList<double> times;
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
        }
        QList<core::Event> batch;
        if (variant == TableVariant::ChangedOnly) {
            for (int row : std::as_const(changed))
                batch.append(snapshot[row]);
        } else if (variant == TableVariant::FullSnapshotShuffled) {
            batch.reserve(sockets);
            for (int i : std::as_const(shuffled))
                batch.append(snapshot[i]);
        } else {
            batch = snapshot;
        }
        for (core::Event &e : batch)
            e.tUs = tUs;

        QElapsedTimer timer;
        timer.start();
        model.applySamples(batch);
        QApplication::processEvents(); // the view's repaint of what changed
        const double ms = timer.nsecsElapsed() / 1e6;
        if (update >= warmup)
            times.append(ms);
    }

    TableResult result;
    switch (variant) {
    case TableVariant::FullSnapshot:
        result.variant = QStringLiteral("full snapshot, view on model");
        break;
    case TableVariant::FullSnapshotShuffled:
        result.variant = QStringLiteral("full snapshot in another order, view on model");
        break;
    case TableVariant::ChangedOnly:
        result.variant = QStringLiteral("changed sockets only, view on model");
        break;
    case TableVariant::FullSnapshotSortedProxy:
        result.variant = QStringLiteral("full snapshot, view on sorted proxy (RTO)");
        break;
    }
    result.sockets = sockets;
    result.eventsPerUpdate = variant == TableVariant::ChangedOnly ? changedPerUpdate : sockets;
    result.medianMs = median(times);
    result.maxMs = *std::max_element(times.cbegin(), times.cend());
    return result;
}

} // namespace bench
