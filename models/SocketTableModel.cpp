// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketTableModel.h"

#include "core/session/MonotonicClock.h"
#include "core/session/OptionsFields.h"
#include "core/session/Session.h"

#include <algorithm>

namespace halfopen::models {

using core::Event;
using core::EventKind;
using core::Session;

namespace {

// Past this many separate runs of changed rows, and past one run in 16 rows, one dataChanged
// over the whole span is cheaper than a signal per run. Not sooner: a sorted proxy must re-read
// the sort key of every row a signal names (tests/bench/models measures both).
constexpr qsizetype kMaxSeparateRanges = 256;
constexpr qsizetype kRowsPerRunBeforeSpan = 16;

bool isNumeric(SocketColumn column)
{
    return column >= SocketColumn::SendQ && column != SocketColumn::Timer && column != SocketColumn::Keepalive;
}

} // namespace

SocketTableModel::SocketTableModel(Session *session, int fadeMs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fadeMs(fadeMs)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &SocketTableModel::flush);
    connect(&m_fadeTimer, &QTimer::timeout, this, &SocketTableModel::fadeTick);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SocketTableModel::refreshTick);
    setFadeMs(fadeMs);

    // What the session already holds (a recording opened before the table) is shown at once,
    // without the sockets that closed in it: they have nothing left to fade.
    const qint64 now = nowMs();
    for (const Event &e : session->events())
        apply(e, now);
    m_rows.removeIf([](const SocketRow &row) { return row.closing(); });
    for (SocketRow &row : m_rows)
        row.dirty = row.aged = false;
    m_visible = int(m_rows.size());
    m_dirty.clear();
    m_aged.clear();
    m_closing.clear();
    m_rowOfKey.clear();
    reindexFrom(0);
    m_flushTimer.stop();

    connect(session, &Session::eventAdded, this, [this](const Event &e, qsizetype) { apply(e, nowMs()); });
    connect(session, &Session::cleared, this, &SocketTableModel::onCleared);
    setRefreshMs(m_refreshMs);
}

qint64 SocketTableModel::nowMs()
{
    return core::monotonicNowUs() / 1000;
}

int SocketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_visible;
}

int SocketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kSocketColumnCount;
}

QVariant SocketTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SocketRow &row = m_rows.at(index.row());
    const auto column = SocketColumn(index.column());
    // Only the ageing columns read the clock: a repaint of many cells stays cheap.
    const bool ageing = column == SocketColumn::Timer || column == SocketColumn::LastReceived;
    switch (role) {
    case Qt::DisplayRole:
        return row.display(column, ageing ? ageingNowMs() : 0);
    case Qt::ToolTipRole: {
        const QString tip = row.toolTip(column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RawValueRole:
        return row.raw(column, ageing ? ageingNowMs() : 0);
    case FadeRole:
        return row.fade(nowMs(), m_fadeMs);
    case FlashRole:
        return row.stateChangedMs();
    case ClosingRole:
        return row.closing();
    case SocketKeyRole:
        return row.key();
    case HostRole:
        return QString(core::hostName(row.host()));
    case StateRole:
        return int(row.state());
    case SortKeyRole:
        return row.sortKey(column);
    default:
        return {};
    }
}

QVariant SocketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kSocketColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return socketColumnTitle(SocketColumn(section));
    case Qt::ToolTipRole:
        return socketColumnToolTip(SocketColumn(section));
    case Qt::TextAlignmentRole:
        return isNumeric(SocketColumn(section)) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> SocketTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(FadeRole, "fade");
    names.insert(FlashRole, "flash");
    names.insert(ClosingRole, "closing");
    names.insert(SocketKeyRole, "socketKey");
    names.insert(HostRole, "host");
    names.insert(StateRole, "state");
    names.insert(SortKeyRole, "sortKey");
    return names;
}

void SocketTableModel::setFadeMs(int ms)
{
    m_fadeMs = qMax(0, ms);
    // Twenty steps make a smooth fade; never faster than a frame, never slower than 10 Hz.
    m_fadeTimer.setInterval(qBound(16, m_fadeMs / 20, 100));
}

void SocketTableModel::setRefreshMs(int ms)
{
    m_refreshMs = qMax(0, ms);
    if (m_refreshMs > 0)
        m_refreshTimer.start(m_refreshMs);
    else
        m_refreshTimer.stop();
}

int SocketTableModel::rowOf(const QString &socketKey) const
{
    const int row = m_rowOfKey.value(socketKey, -1);
    return row < m_visible ? row : -1;
}

void SocketTableModel::applySamples(const QList<Event> &events)
{
    const qint64 now = nowMs(); // one clock reading for the batch: it is one snapshot
    for (const Event &e : events)
        apply(e, now);
    flush();
}

void SocketTableModel::apply(const Event &e, qint64 now)
{
    switch (e.kind) {
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Options)) {
            applyOptions(e);
            return;
        }
        if (e.is(core::RunStep::Stopped)) {
            m_stoppedAtMs = now;
            return;
        }
        [[fallthrough]];
    case EventKind::Sample:
    case EventKind::State:
    case EventKind::Error:
        if (e.local.isEmpty())
            return; // host-wide: no socket
        break;
    case EventKind::Fault:
        // A powered-off host's sockets vanish without a FIN or RST, and its network namespace
        // with them: no snapshot will ever report them gone.
        if (e.is(core::FaultKind::PowerOff) || e.is(core::FaultKind::Reboot)) {
            for (int row = 0; row < m_rows.size(); ++row) {
                if (m_rows[row].host() == e.host)
                    noteChange(row, m_rows[row].close(e.tUs, now));
            }
        }
        return;
    default:
        return;
    }

    // A full snapshot comes in the same order as the one before, so the row after the last one
    // matched is nearly always the one: checked against its key before any hash lookup (which,
    // at 100 000 rows, costs a few cache misses per event).
    int row = -1;
    if (m_nextRowGuess < m_rows.size() && m_rows.at(m_nextRowGuess).isSocketOf(e))
        row = m_nextRowGuess;
    else
        row = m_rowOfKey.value(keyOf(e), -1);
    if (row < 0) {
        // Only a sample or a state of a live socket brings it in; an error, a `closed` or a
        // snapshot's "gone" about a socket never shown has nothing to show.
        const bool alive = (e.kind == EventKind::Sample && e.sample)
            || (e.kind == EventKind::State && e.toState != core::TcpState::Closed);
        if (!alive)
            return;
        row = int(m_rows.size());
        m_rows.append(SocketRow::fromEvent(e));
        m_rowOfKey.insert(m_rows.last().key(), row);
        SocketRow &added = m_rows.last();
        if (auto it = m_pendingOptions.find(added.key()); it != m_pendingOptions.end()) {
            added.setOptions(it->first, it->second);
            m_pendingOptions.erase(it);
        } else if (auto host = m_hostOptions.constFind(e.host); host != m_hostOptions.constEnd()) {
            added.setOptions(host->first, host->second);
        }
        scheduleFlush();
    }
    m_nextRowGuess = row + 1;
    noteChange(row, m_rows[row].apply(e, now));
}

void SocketTableModel::applyOptions(const Event &e)
{
    const std::pair options(core::OptionsFields::of(e).applied, e.tUs);
    if (e.local.isEmpty()) {
        m_hostOptions.insert(e.host, options);
        return;
    }
    const int row = m_rowOfKey.value(keyOf(e), -1);
    if (row < 0)
        m_pendingOptions.insert(e.socketKey(), options);
    else
        noteChange(row, m_rows[row].setOptions(options.first, options.second));
}

const QString &SocketTableModel::keyOf(const Event &e)
{
    // Event::socketKey(), written into a buffer that keeps its capacity.
    m_keyBuffer.resize(0);
    m_keyBuffer.append(core::hostName(e.host))
        .append(QLatin1Char('|'))
        .append(e.local)
        .append(QLatin1Char('|'))
        .append(e.remote);
    return m_keyBuffer;
}

void SocketTableModel::noteChange(int row, int change)
{
    SocketRow &r = m_rows[row];
    if (change & SocketRow::Aged) {
        // Shown by the next refresh, which also tells sorted views the keys moved.
        if (row < m_visible && !r.aged) {
            r.aged = true;
            m_aged.append(row);
        }
        change &= ~SocketRow::Aged;
    }
    if (change == SocketRow::None)
        return;
    if (change & SocketRow::Closed) {
        m_closing.insert(r.key());
        if (!m_fadeTimer.isActive())
            m_fadeTimer.start();
    }
    if (change & SocketRow::Revived)
        m_closing.remove(r.key());
    if (row < m_visible && !r.dirty) {
        r.dirty = true;
        m_dirty.append(row);
    }
    scheduleFlush();
}

void SocketTableModel::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SocketTableModel::flush()
{
    m_flushTimer.stop();
    if (m_visible < m_rows.size()) {
        // One insert for the whole batch; the last row is first + count - 1.
        beginInsertRows({}, m_visible, int(m_rows.size()) - 1);
        m_visible = int(m_rows.size());
        endInsertRows();
    }
    emitChangedRows();
}

void SocketTableModel::emitChangedRows()
{
    if (m_dirty.isEmpty())
        return;
    QList<int> rows;
    rows.swap(m_dirty);
    for (int row : std::as_const(rows))
        m_rows[row].dirty = false;
    emitChangedRanges(rows, {}, 0, kSocketColumnCount - 1);
}

void SocketTableModel::emitChangedRanges(const QList<int> &unsortedRows, const QList<int> &roles, int firstColumn,
                                         int lastColumn)
{
    QList<int> rows = unsortedRows;
    std::sort(rows.begin(), rows.end());
    QList<std::pair<int, int>> runs; // adjacent rows, first and last
    for (int row : std::as_const(rows)) {
        if (!runs.isEmpty() && runs.last().second + 1 == row)
            runs.last().second = row;
        else
            runs.append({row, row});
    }
    if (runs.size() > qMax(kMaxSeparateRanges, m_visible / kRowsPerRunBeforeSpan))
        runs = {{rows.first(), rows.last()}};
    for (const auto &[first, last] : std::as_const(runs))
        emit dataChanged(index(first, firstColumn), index(last, lastColumn), roles);
}

void SocketTableModel::fadeTick()
{
    flush(); // queued inserts first: the removal below moves rows
    const qint64 now = nowMs();
    QList<int> expired;
    QList<int> fading;
    for (const QString &key : std::as_const(m_closing)) {
        const int row = m_rowOfKey.value(key, -1);
        if (row < 0 || row >= m_visible)
            continue;
        (now - m_rows[row].closingSinceMs() >= m_fadeMs ? expired : fading).append(row);
    }
    if (!fading.isEmpty())
        emitChangedRanges(fading, {FadeRole}, 0, kSocketColumnCount - 1);
    if (!expired.isEmpty())
        removeExpired(expired);
    if (m_closing.isEmpty())
        m_fadeTimer.stop();
}

void SocketTableModel::removeExpired(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // From the bottom up, one remove per run of adjacent rows: the rows above keep their place.
    qsizetype i = 0;
    while (i < rows.size()) {
        const int last = rows[i];
        int first = last;
        while (i + 1 < rows.size() && rows[i + 1] == first - 1)
            first = rows[++i];
        ++i;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            m_rowOfKey.remove(m_rows[row].key());
            m_closing.remove(m_rows[row].key());
        }
        m_rows.remove(first, last - first + 1);
        m_visible -= last - first + 1;
        endRemoveRows();
    }
    reindexFrom(rows.last());
    m_aged.clear();
    for (int row = 0; row < m_visible; ++row) {
        if (m_rows.at(row).aged)
            m_aged.append(row);
    }
}

void SocketTableModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_rowOfKey.insert(m_rows[i].key(), i);
}

void SocketTableModel::refreshTick()
{
    // Time left and time since the last packet age without events: one signal over the
    // ageing columns of every row; views repaint only what they show. SortKeyRole does not
    // age, so a sorted proxy has nothing to move.
    if (m_visible == 0)
        return;
    emit dataChanged(index(0, int(SocketColumn::Timer)), index(m_visible - 1, int(SocketColumn::LastReceived)),
                     {Qt::DisplayRole, RawValueRole});
    // Rows that took a sample with only ageing values changed (a timer restarted, a packet
    // came in, the RTT moved): their order in those columns may have changed.
    if (m_aged.isEmpty())
        return;
    QList<int> rows;
    rows.swap(m_aged);
    for (int row : std::as_const(rows))
        m_rows[row].aged = false;
    emitChangedRanges(rows, {SortKeyRole}, int(SocketColumn::Timer), int(SocketColumn::LastReceived));
}

void SocketTableModel::onCleared()
{
    beginResetModel();
    m_stoppedAtMs = -1;
    m_flushTimer.stop();
    m_fadeTimer.stop();
    m_rows.clear();
    m_visible = 0;
    m_rowOfKey.clear();
    m_dirty.clear();
    m_aged.clear();
    m_closing.clear();
    m_pendingOptions.clear();
    m_hostOptions.clear();
    endResetModel();
}

} // namespace halfopen::models
