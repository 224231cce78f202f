// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ScenarioListModel.h"

namespace halfopen::models {

ScenarioListModel::ScenarioListModel(const QList<Entry> &entries, QObject *parent)
    : QAbstractListModel(parent)
    , m_entries(entries)
{ }

int ScenarioListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ScenarioListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.title.isEmpty() ? e.name : e.title;
    case Qt::ToolTipRole:
        return e.explanation.isEmpty() ? e.name : QStringLiteral("%1\n\n%2").arg(e.name, e.explanation);
    case NameRole:
        return e.name;
    case TitleRole:
        return e.title;
    case ExplanationRole:
        return e.explanation;
    case PathRole:
        return e.path;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScenarioListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(TitleRole, "title");
    names.insert(ExplanationRole, "explanation");
    names.insert(PathRole, "path");
    return names;
}

int ScenarioListModel::addFile(const Entry &entry)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (!m_entries.at(row).path.isEmpty() && m_entries.at(row).path == entry.path) {
            m_entries[row] = entry;
            emit dataChanged(index(row), index(row));
            return row;
        }
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    return row;
}

int ScenarioListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name)
            return row;
    }
    return -1;
}

} // namespace halfopen::models
