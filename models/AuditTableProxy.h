// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/ConnectionRisk.h"
#include "models/RowSortFilterProxy.h"

namespace halfopen::models {

// Sorting and filtering of the audit table: by any column (numbers as numbers, risk by
// severity), and by a text (process, pid, port, address, risk words) and a least risk.
// Incremental (see RowSortFilterProxy): a scan that changes a few of 10 000 rows moves only
// those.
class AuditTableProxy : public RowSortFilterProxy
{
    Q_OBJECT
public:
    explicit AuditTableProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    // Rows with at least this risk (Risk::Unknown: every row).
    void setLeastRisk(audit::Risk risk);

protected:
    bool accepts(int sourceRow) const override;
    bool filterReads(const QList<int> &roles) const override;

private:
    QString m_text;
    audit::Risk m_leastRisk = audit::Risk::Unknown;
};

} // namespace halfopen::models
