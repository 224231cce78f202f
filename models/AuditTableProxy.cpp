// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AuditTableProxy.h"

#include "models/AuditTableModel.h"

namespace halfopen::models {

AuditTableProxy::AuditTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditTableModel::SortRole);
    setDynamicSortFilter(true);
}

void AuditTableProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void AuditTableProxy::setLeastRisk(audit::Risk risk)
{
    m_leastRisk = risk;
    invalidateRowsFilter();
}

bool AuditTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_leastRisk != audit::Risk::Unknown && index.data(AuditTableModel::RiskRole).toInt() < int(m_leastRisk))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString haystack = index.data(AuditTableModel::FilterTextRole).toString();
    // Every word must match somewhere: "mosquitto 1883" finds the broker's clients.
    for (const QStringView word : QStringView(m_text).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace halfopen::models

namespace halfopen::models {

bool AuditTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *model = qobject_cast<const AuditTableModel *>(sourceModel()))
        return model->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace halfopen::models
