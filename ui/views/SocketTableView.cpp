// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/SocketTableView.h"

#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"
#include "ui/views/ChangedRowsTableView.h"
#include "ui/views/SocketFilterBar.h"
#include "ui/views/SocketRowDelegate.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLayout>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace halfopen::ui {

using models::SocketColumn;
using models::SocketTableModel;
using models::SocketTableProxy;

SocketTableView::SocketTableView(SocketTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new SocketTableProxy(this))
    , m_filters(new SocketFilterBar(this))
    , m_table(new ChangedRowsTableView(this))
    , m_delegate(new SocketRowDelegate(this))
    , m_flashTimer(new QTimer(this))
{
    m_proxy->setSourceModel(model);

    m_table->setObjectName(QStringLiteral("socketTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->installEventFilter(this);

    // Sorted by clicking a header, on the raw values; a third click goes back to the order the
    // sockets appeared in.
    m_table->setSortingEnabled(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    sizeColumns();

    auto *copy = new QAction(tr("Copy rows"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &SocketTableView::copySelectedRows);
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);

    connect(m_filters, &SocketFilterBar::hostChanged, m_proxy, &SocketTableProxy::setHostFilter);
    connect(m_filters, &SocketFilterBar::statesChanged, m_proxy, &SocketTableProxy::setStateFilter);
    connect(m_filters, &SocketFilterBar::textChanged, m_proxy, &SocketTableProxy::setTextFilter);
    connect(m_filters, &SocketFilterBar::timeWaitShownChanged, this, [this](bool shown) {
        m_proxy->setTimeWaitShown(shown);
        emit timeWaitShownChanged(shown);
    });
    connect(m_proxy, &SocketTableProxy::hiddenTimeWaitCountChanged, m_filters, &SocketFilterBar::setHiddenTimeWait);
    m_filters->setHiddenTimeWait(m_proxy->hiddenTimeWaitCount());

    collectHosts(0, model->rowCount() - 1);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { collectHosts(first, last); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_filters->clearHosts();
        collectHosts(0, m_model->rowCount() - 1);
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &SocketTableView::watchFlashes);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        watchFlashes(m_model->index(first, 0), m_model->index(last, 0));
    });

    m_flashTimer->setInterval(40);
    connect(m_flashTimer, &QTimer::timeout, this, &SocketTableView::flashTick);
}

void SocketTableView::sizeColumns()
{
    // Wide enough for what the columns hold, not for their longest header word.
    const QFontMetrics body(m_table->font());
    QFont monoFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    monoFont.setPointSizeF(m_table->font().pointSizeF());
    const QFontMetrics mono(monoFont);
    const QFontMetrics head(m_table->horizontalHeader()->font());
    const int pad = 2 * body.horizontalAdvance(QLatin1Char('M'));
    const auto widthFor = [&](SocketColumn column, int content) {
        const int title = head.horizontalAdvance(models::socketColumnTitle(column)) + pad;
        m_table->setColumnWidth(int(column), qMax(content + pad, title));
    };
    widthFor(SocketColumn::Host, body.horizontalAdvance(QStringLiteral("server-1")));
    widthFor(SocketColumn::Local, mono.horizontalAdvance(QStringLiteral("198.18.0.255:65535")));
    widthFor(SocketColumn::Remote, mono.horizontalAdvance(QStringLiteral("198.18.0.255:65535")));
    QFont bold = m_table->font();
    bold.setBold(true);
    widthFor(SocketColumn::State, QFontMetrics(bold).horizontalAdvance(QStringLiteral("ESTABLISHED")) + 16);
    for (SocketColumn c : {SocketColumn::SendQ, SocketColumn::RecvQ, SocketColumn::Retransmits, SocketColumn::Probes,
                           SocketColumn::Backoff})
        widthFor(c, mono.horizontalAdvance(QStringLiteral("000000")));
    widthFor(SocketColumn::Timer, mono.horizontalAdvance(QStringLiteral("keepalive 1.2 s")));
    widthFor(SocketColumn::Rto, mono.horizontalAdvance(QStringLiteral("120000 ms")));
    widthFor(SocketColumn::Rtt, mono.horizontalAdvance(QStringLiteral("1000.0 ms")));
    widthFor(SocketColumn::LastReceived, mono.horizontalAdvance(QStringLiteral("2 min 05 s")));
    m_table->verticalHeader()->setDefaultSectionSize(body.height() + 8);
}

QSize SocketTableView::minimumSizeHint() const
{
    constexpr int kRows = 3;
    const int frame = 2 * m_table->frameWidth();
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table);
    const int table = m_table->horizontalHeader()->sizeHint().height()
        + kRows * m_table->verticalHeader()->defaultSectionSize() + scrollBar + frame;
    return {QWidget::minimumSizeHint().width(), m_filters->sizeHint().height() + layout()->spacing() + table};
}

void SocketTableView::collectHosts(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_filters->addHost(m_model->index(row, 0).data(SocketTableModel::HostRole).toString());
}

void SocketTableView::watchFlashes(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // A flash needs repaints while it dims; the model only signals when something changed.
    const qint64 now = SocketTableModel::nowMs();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const qint64 flashMs = m_model->index(row, 0).data(SocketTableModel::FlashRole).toLongLong();
        if (flashMs >= 0 && now - flashMs < SocketRowDelegate::kFlashMs)
            m_flashUntilMs = qMax(m_flashUntilMs, flashMs + SocketRowDelegate::kFlashMs);
    }
    if (m_flashUntilMs > now && !m_flashTimer->isActive())
        m_flashTimer->start();
}

void SocketTableView::flashTick()
{
    m_table->viewport()->update();
    if (SocketTableModel::nowMs() > m_flashUntilMs)
        m_flashTimer->stop();
}

QString SocketTableView::selectedRowsText() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QList<int> rows;
    const QModelIndexList selected
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());

    QStringList lines;
    QStringList cells;
    for (int column : std::as_const(columns))
        cells.append(m_proxy->headerData(column, Qt::Horizontal).toString());
    lines.append(cells.join(QLatin1Char('\t')));
    for (int row : std::as_const(rows)) {
        cells.clear();
        for (int column : std::as_const(columns))
            cells.append(m_proxy->index(row, column).data().toString());
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void SocketTableView::setTimeWaitShown(bool shown)
{
    m_filters->timeWaitBox()->setChecked(shown); // the box tells the proxy
}

bool SocketTableView::timeWaitShown() const
{
    return m_proxy->timeWaitShown();
}

QByteArray SocketTableView::headerState() const
{
    return m_table->horizontalHeader()->saveState();
}

bool SocketTableView::restoreHeaderState(const QByteArray &state)
{
    return m_table->horizontalHeader()->restoreState(state);
}

void SocketTableView::copySelectedRows() const
{
    QApplication::clipboard()->setText(selectedRowsText());
}

bool SocketTableView::eventFilter(QObject *watched, QEvent *event)
{
    // The table's own Ctrl+C copies one cell; ours copies whole rows.
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SocketTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        sizeColumns();
    QWidget::changeEvent(event);
}

} // namespace halfopen::ui
