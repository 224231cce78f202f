// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace halfopen::models {

// This machine's connections as an audit found them, one row per connection (key: the kernel's
// socket cookie). A new scan is applied in place: rows that stayed are updated (dataChanged only
// for the rows and columns whose shown value moved), closed ones removed in ranges, new ones
// appended in one insert — the view neither flickers nor loses its selection, sorting or
// scroll position.
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
        FaultMarkRole,           // QString, in every column: the active fault on the row, or empty
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Takes a scan's connections and leaves the previous scan's in their place, for the caller
    // to dispose of where it costs the window nothing (AuditMonitor::dispose). Returns how
    // many rows changed, were added and were removed, for tests and the benchmark.
    struct Changes
    {
        int changed = 0;
        int added = 0;
        int removed = 0;
    };
    Changes apply(std::vector<audit::AuditedConnection> &&connections);

    // The active faults on this machine's connections (the fault bar's): a cut connection by
    // its two addresses, "LOCAL REMOTE" as SocketAddress::toString writes them (the bar gives
    // the other end of the cut too, when it is a socket of this machine), a frozen process by
    // its pid, each with the words of its marker ("cut (both directions) since 12:03:04"). A
    // marked row shows an icon in its Process cell and the words in that cell's tooltip;
    // empty maps clear the marks.
    void setFaultMarks(const QHash<QString, QString> &cutByAddresses, const QHash<qint64, QString> &frozenByPid);
    static QString addressesKey(const audit::AuditedConnection &c);
    QString faultMark(int row) const;

    // The connection on a row, or nullptr.
    const audit::AuditedConnection *connectionAt(int row) const;
    int rowOfCookie(quint64 cookie) const;

    // The shown words of a risk, and its colour (a translucent tint that reads on light and
    // dark themes).
    static QString riskText(audit::Risk risk);
    static QColor riskColor(audit::Risk risk);

private:
    // Past this many separate runs of changed rows, one dataChanged spans them.
    static constexpr size_t kMaxSeparateRanges = 256;
    // A bit per column (1 << Column) whose shown value (or tooltip) differs.
    static quint32 changedColumns(const audit::AuditedConnection &a, const audit::AuditedConnection &b);
    void signalChangedRows(const std::vector<quint32> &changedColumnsOf);

    std::vector<audit::AuditedConnection> m_connections; // the last scan, as it came
    std::vector<int> m_indexOfRow;                       // row -> its connection in m_connections
    // Each row's serial number, given when it came, so ascending; a connection's row is found
    // by its serial (cookie -> serial), and removing rows renumbers nothing.
    std::vector<qint64> m_serialOfRow;
    QHash<quint64, qint64> m_serialOfCookie;
    QHash<QString, QString> m_cutMarks;
    QHash<qint64, QString> m_frozenMarks;
    qint64 m_nextSerial = 0;
};

} // namespace halfopen::models
