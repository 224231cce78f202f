// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketTableProxy.h"

#include "models/SocketTableModel.h"

namespace halfopen::models {

SocketTableProxy::SocketTableProxy(QObject *parent)
    : RowSortFilterProxy(SocketTableModel::SortKeyRole, parent)
{
    connect(this, &QAbstractProxyModel::sourceModelChanged, this, [this] {
        QAbstractItemModel *source = sourceModel();
        queueRecount();
        if (!source)
            return;
        connect(source, &QAbstractItemModel::rowsInserted, this, &SocketTableProxy::queueRecount);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &SocketTableProxy::queueRecount);
        connect(source, &QAbstractItemModel::modelReset, this, &SocketTableProxy::queueRecount);
        connect(source, &QAbstractItemModel::layoutChanged, this, &SocketTableProxy::queueRecount);
        connect(source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (filterReads(roles) || roles.isEmpty() || roles.contains(SocketTableModel::StateRole))
                        queueRecount();
                });
    });
}

void SocketTableProxy::setTimeWaitShown(bool shown)
{
    if (shown == m_showTimeWait)
        return;
    m_showTimeWait = shown;
    refilterAll();
    m_countStale = true;
    recount();
}

int SocketTableProxy::hiddenTimeWaitCount() const
{
    if (m_countStale) {
        m_countStale = false;
        m_hiddenTimeWaitCount = 0;
        const QAbstractItemModel *source = sourceModel();
        const int rows = source ? source->rowCount() : 0;
        for (int row = 0; row < rows; ++row) {
            if (core::TcpState(source->index(row, 0).data(SocketTableModel::StateRole).toInt())
                    == core::TcpState::TimeWait
                && judge(row) == Verdict::HiddenTimeWait)
                ++m_hiddenTimeWaitCount;
        }
    }
    return m_hiddenTimeWaitCount;
}

void SocketTableProxy::settle()
{
    RowSortFilterProxy::settle();
    recount();
}

void SocketTableProxy::queueRecount()
{
    m_countStale = true;
    if (m_recountQueued)
        return;
    m_recountQueued = true;
    QMetaObject::invokeMethod(this, &SocketTableProxy::recount, Qt::QueuedConnection);
}

void SocketTableProxy::recount()
{
    m_recountQueued = false;
    const int count = hiddenTimeWaitCount();
    if (count == m_announcedHiddenTimeWait)
        return;
    m_announcedHiddenTimeWait = count;
    emit hiddenTimeWaitCountChanged(count);
}

void SocketTableProxy::setHostFilter(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    refilterAll();
    m_countStale = true;
    recount();
}

void SocketTableProxy::setStateFilter(const QSet<core::TcpState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    refilterAll();
    m_countStale = true;
    recount();
}

void SocketTableProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refilterAll();
    m_countStale = true;
    recount();
}

SocketTableProxy::Verdict SocketTableProxy::judge(int sourceRow) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0);
    if (!m_host.isEmpty() && first.data(SocketTableModel::HostRole).toString() != m_host)
        return Verdict::Hidden;
    const auto state = core::TcpState(first.data(SocketTableModel::StateRole).toInt());
    if (!m_states.isEmpty() && !m_states.contains(state))
        return Verdict::Hidden;
    // Asked for by the state filter, TIME_WAIT shows whatever the rule says (ss --state).
    const bool timeWaitRule = state == core::TcpState::TimeWait && !m_showTimeWait && m_states.isEmpty();
    if (m_text.isEmpty())
        return timeWaitRule ? Verdict::HiddenTimeWait : Verdict::Shown;
    const int columns = source->columnCount();
    for (int column = 0; column < columns; ++column) {
        if (source->index(sourceRow, column).data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return timeWaitRule ? Verdict::HiddenTimeWait : Verdict::Shown;
    }
    return Verdict::Hidden;
}

bool SocketTableProxy::accepts(int sourceRow) const
{
    return judge(sourceRow) == Verdict::Shown;
}

bool SocketTableProxy::filterReads(const QList<int> &roles) const
{
    const auto touches = [&roles](int role) { return roles.isEmpty() || roles.contains(role); };
    return (!m_host.isEmpty() && touches(SocketTableModel::HostRole))
        || ((!m_states.isEmpty() || !m_showTimeWait) && touches(SocketTableModel::StateRole))
        || (!m_text.isEmpty() && touches(Qt::DisplayRole));
}

} // namespace halfopen::models
