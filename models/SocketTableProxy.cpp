// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketTableProxy.h"

#include "models/SocketTableModel.h"

namespace halfopen::models {

SocketTableProxy::SocketTableProxy(QObject *parent)
    : RowSortFilterProxy(SocketTableModel::SortKeyRole, parent)
{ }

void SocketTableProxy::setHostFilter(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    refilterAll();
}

void SocketTableProxy::setStateFilter(const QSet<core::TcpState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    refilterAll();
}

void SocketTableProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refilterAll();
}

bool SocketTableProxy::accepts(int sourceRow) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0);
    if (!m_host.isEmpty() && first.data(SocketTableModel::HostRole).toString() != m_host)
        return false;
    if (!m_states.isEmpty() && !m_states.contains(core::TcpState(first.data(SocketTableModel::StateRole).toInt())))
        return false;
    if (m_text.isEmpty())
        return true;
    const int columns = source->columnCount();
    for (int column = 0; column < columns; ++column) {
        if (source->index(sourceRow, column).data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool SocketTableProxy::filterReads(const QList<int> &roles) const
{
    const auto touches = [&roles](int role) { return roles.isEmpty() || roles.contains(role); };
    return (!m_host.isEmpty() && touches(SocketTableModel::HostRole))
        || (!m_states.isEmpty() && touches(SocketTableModel::StateRole))
        || (!m_text.isEmpty() && touches(Qt::DisplayRole));
}

} // namespace halfopen::models
