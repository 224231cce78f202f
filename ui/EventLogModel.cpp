// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventLogModel.h"

#include "core/session/Session.h"
#include "core/tcp/ErrnoCatalog.h"
#include "ui/views/EventWords.h"

#include <QJsonDocument>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

EventLogModel::EventLogModel(core::Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    // The rows shown are always the session's first m_rows events. New events come as a batch,
    // one insertion per batch (a replay or a burst from the lab is not thousands of inserts); a
    // late event from another process that lands among the rows shown is inserted at its place
    // in time at once, so the rows after it stay right.
    connect(session, &core::Session::eventAdded, this, [this](const Event &, qsizetype index) {
        if (index >= m_rows)
            return;
        beginInsertRows({}, int(index), int(index));
        ++m_rows;
        endInsertRows();
    });
    connect(session, &core::Session::batchAdded, this, &EventLogModel::showBatch);
    connect(session, &core::Session::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    m_rows = session->size();
}

void EventLogModel::showBatch()
{
    const qsizetype size = m_session->size();
    if (size <= m_rows)
        return;
    beginInsertRows({}, int(m_rows), int(size - 1));
    m_rows = size;
    endInsertRows();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows);
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawJsonRole)
        return {};
    const Event &e = m_session->events().at(index.row());
    if (role == RawJsonRole)
        return QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
    switch (Column(index.column())) {
    case Column::Time:
        return QString::number((e.tUs - m_session->originUs()) / 1e6, 'f', 3);
    case Column::Host:
        return QString(core::hostName(e.host));
    case Column::Kind:
        return core::eventKindName(e.kind);
    case Column::What:
        return e.kind == EventKind::Error ? core::ErrnoCatalog::name(e.errnoValue) : e.what;
    case Column::Details: {
        const QString text = eventLogText(e);
        if (role == Qt::ToolTipRole && !e.detail.isEmpty()) // the words, then the data they came from
            return tr("%1\n\n%2", "event details, then its raw JSON")
                .arg(text, QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Indented)).trimmed());
        return text;
    }
    case Column::Count:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Time:
        return tr("Time (s)", "event log column: seconds since time zero");
    case Column::Host:
        return tr("Host", "event log column: lab host name");
    case Column::Kind:
        return tr("Kind", "event log column: state, sample, packet, fault, error...");
    case Column::What:
        return tr("What", "event log column: the event's sub-kind or errno name");
    case Column::Details:
        return tr("Details", "event log column");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace halfopen::ui
