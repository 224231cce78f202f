// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AuditTableProxy.h"

#include "models/AuditTableModel.h"

namespace halfopen::models {

AuditTableProxy::AuditTableProxy(QObject *parent)
    : RowSortFilterProxy(AuditTableModel::SortRole, parent)
{ }

void AuditTableProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilterAll();
}

void AuditTableProxy::setLeastRisk(audit::Risk risk)
{
    if (risk == m_leastRisk)
        return;
    m_leastRisk = risk;
    refilterAll();
}

bool AuditTableProxy::accepts(int sourceRow) const
{
    if (m_leastRisk == audit::Risk::Unknown && m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
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

bool AuditTableProxy::filterReads(const QList<int> &roles) const
{
    if (m_leastRisk == audit::Risk::Unknown && m_text.isEmpty())
        return false;
    return roles.isEmpty() || roles.contains(AuditTableModel::RiskRole)
        || roles.contains(AuditTableModel::FilterTextRole);
}

} // namespace halfopen::models
