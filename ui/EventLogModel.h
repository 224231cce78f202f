// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace halfopen::core {
class Session;
struct Event;
} // namespace halfopen::core

namespace halfopen::ui {

// Every event of the session as one row: time since the origin, host, kind, what, details.
// Reads the session's list in place (no copy) and follows its inserts and clears.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Time, Host, Kind, What, Details, Count };

    explicit EventLogModel(core::Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The whole event as one JSON line (what a recording holds): the details column's tooltip
    // and "Copy as JSON" give it.
    static constexpr int RawJsonRole = Qt::UserRole + 1;

private:
    void showBatch();

    core::Session *m_session;
    qsizetype m_rows = 0; // the session's first m_rows events are the rows
};

} // namespace halfopen::ui
