// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace halfopen::models {

// This machine's connections as an audit found them, one row per connection (key: the kernel's
// socket cookie). A new scan is applied in place: rows that stayed are updated (dataChanged only
// where a shown value moved), closed ones removed, new ones appended in one insert — the view
// neither flickers nor loses its selection, sorting or scroll position.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Process,
        Pid,
        Local,
        Remote,
        RiskColumn,
        Noticed,
        Keepalive,
        UserTimeout,
        OptionsFrom,
        State,
        Fix,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // numbers sort as numbers, risk by severity
        RiskRole,                // int audit::Risk, in every column
        CookieRole,              // quint64, in every column
        FilterTextRole,          // process, pid, addresses, risk words: what the filter matches
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Takes a scan's connections (moved from). Returns how many rows changed, were added and
    // were removed, for tests and the benchmark.
    struct Changes
    {
        int changed = 0;
        int added = 0;
        int removed = 0;
    };
    Changes apply(std::vector<audit::AuditedConnection> &&connections);

    // The sort order of two rows by a column, on the typed values (no QVariant): what the
    // proxy sorts with, since a re-sort compares rows tens of thousands of times.
    bool lessThan(int leftRow, int rightRow, int column) const;

    // The connection on a row, or nullptr.
    const audit::AuditedConnection *connectionAt(int row) const;
    int rowOfCookie(quint64 cookie) const;

    // The shown words of a risk, and its colour (a translucent tint that reads on light and
    // dark themes).
    static QString riskText(audit::Risk risk);
    static QColor riskColor(audit::Risk risk);

private:
    static bool shownValuesDiffer(const audit::AuditedConnection &a, const audit::AuditedConnection &b);
    void reindex();

    std::vector<std::unique_ptr<audit::AuditedConnection>> m_rows;
    QHash<quint64, int> m_rowOfCookie;
};

} // namespace halfopen::models
