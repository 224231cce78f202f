// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace halfopen::models {

// The scenarios a user can pick: the built-ins, then any file opened this session. Holds only
// what a list shows (name, title, explanation), so models/ does not depend on the lab.
class ScenarioListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;  // the built-in's name, or the file's stem
        QString title; // translated for built-ins
        QString explanation;
        QString path; // empty for a built-in
    };

    enum Role {
        NameRole = Qt::UserRole,
        TitleRole,
        ExplanationRole,
        PathRole,
    };
    Q_ENUM(Role)

    explicit ScenarioListModel(const QList<Entry> &entries, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Adds an opened file at the end, or refreshes the entry already there for the same path.
    // Returns its row.
    int addFile(const Entry &entry);
    int rowOf(const QString &name) const;
    const Entry &entry(int row) const { return m_entries.at(row); }

private:
    QList<Entry> m_entries;
};

} // namespace halfopen::models
