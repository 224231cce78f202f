// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventLogDock.h"

#include "ui/EventLogModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace halfopen::ui {

EventLogDock::EventLogDock(core::Session *session, QWidget *parent)
    : QDockWidget(tr("Event log"), parent)
    , m_model(new EventLogModel(session, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_filterLine(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("eventLogDock"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterLine->setObjectName(QStringLiteral("eventLogFilter"));
    m_filterLine->setPlaceholderText(tr("Filter events (any text: client, fault, ETIMEDOUT…)"));
    m_filterLine->setClearButtonEnabled(true);
    connect(m_filterLine, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("eventLogView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 5); // the header and a few rows
    for (int column = 0; column < int(EventLogModel::Column::Details); ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(); });
    m_view->addAction(copy);
    // The events as a recording holds them, for a bug report or a script.
    auto *copyJson = new QAction(tr("Copy as JSON"), m_view);
    copyJson->setObjectName(QStringLiteral("copyEventsJson"));
    connect(copyJson, &QAction::triggered, this, [this] { copySelection(EventLogModel::RawJsonRole); });
    m_view->addAction(copyJson);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Follow the newest event while the view is at the bottom.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2)
            QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filterLine);
    layout->addWidget(m_view);
    setWidget(content);
}

void EventLogDock::copySelection(int role) const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        if (role == EventLogModel::RawJsonRole) {
            lines << m_filter->index(row.row(), 0).data(role).toString();
            continue;
        }
        QStringList fields;
        for (int column = 0; column < m_filter->columnCount(); ++column)
            fields << m_filter->index(row.row(), column).data().toString();
        lines << fields.join(QLatin1Char('\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

} // namespace halfopen::ui
