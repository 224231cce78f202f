#include "models/SocketTableProxy.h"

#include "models/SocketTableModel.h"

namespace halfopen::models {

SocketTableProxy::SocketTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SocketTableModel::RawValueRole);
    setDynamicSortFilter(true);
}

void SocketTableProxy::setHostFilter(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    invalidateRowsFilter();
}

void SocketTableProxy::setStateFilter(const QSet<core::TcpState> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    invalidateRowsFilter();
}

void SocketTableProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool SocketTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (!m_host.isEmpty() && first.data(SocketTableModel::HostRole).toString() != m_host)
        return false;
    if (!m_states.isEmpty()
        && !m_states.contains(core::TcpState(first.data(SocketTableModel::StateRole).toInt())))
        return false;
    if (m_text.isEmpty())
        return true;
    const int columns = source->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        const QString text = source->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace halfopen::models
