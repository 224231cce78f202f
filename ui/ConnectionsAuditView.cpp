// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionsAuditView.h"

#include "audit/AuditSummary.h"
#include "core/predict/ApplicationKeepalive.h"
#include "models/AuditTableModel.h"
#include "models/AuditTableProxy.h"
#include "ui/AuditDetailsText.h"
#include "ui/ConnectionFaultBar.h"
#include "ui/ConnectionWatchWindow.h"
#include "ui/views/CachedTextDelegate.h"
#include "ui/views/ChangedRowsTableView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace halfopen::ui {

using models::AuditTableModel;

ConnectionsAuditView::ConnectionsAuditView(audit::AuditMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(new AuditTableModel(this))
    , m_proxy(new models::AuditTableProxy(this))
{
    setObjectName(QStringLiteral("connectionsAudit"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_summary = new QLabel(tr("Reading this machine's connections…"), this);
    m_summary->setObjectName(QStringLiteral("auditSummary"));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_summary->setFont(big);
    // Room for two lines from the start: a summary that wraps one scan and not the next would
    // move the table up and down.
    m_summary->setMinimumHeight(2 * QFontMetrics(big).lineSpacing());
    layout->addWidget(m_summary);

    auto *controls = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter: process, pid, port, address or risk"));
    m_filter->setClearButtonEnabled(true);
    m_leastRisk = new QComboBox(this);
    m_leastRisk->setObjectName(QStringLiteral("auditLeastRisk"));
    m_leastRisk->addItem(tr("Every connection"), int(audit::Risk::Unknown));
    m_leastRisk->addItem(tr("Slow or half-open forever"), int(audit::Risk::Slow));
    m_leastRisk->addItem(tr("Half-open forever only"), int(audit::Risk::HalfOpenForever));
    m_threshold = new QSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("auditThreshold"));
    m_threshold->setRange(1, audit::ConnectionRisk::kMaxThresholdS);
    m_threshold->setValue(audit::ConnectionRisk::kDefaultThresholdS);
    m_threshold->setSuffix(tr(" s"));
    m_threshold->setToolTip(tr("Noticing a powered-off peer later than this counts as slow."));
    m_netns = new QLineEdit(this);
    m_netns->setObjectName(QStringLiteral("auditNetns"));
    m_netns->setPlaceholderText(tr("this machine (or /proc/PID/ns/net, /run/netns/NAME)"));
    m_netns->setToolTip(tr("The network namespace to audit, e.g. a container's: /proc/PID/ns/net or /run/netns/NAME. "
                           "Entering another namespace needs root."));
    controls->addWidget(m_filter, 2);
    controls->addWidget(m_leastRisk);
    controls->addWidget(new QLabel(tr("Slow above"), this));
    controls->addWidget(m_threshold);
    controls->addWidget(new QLabel(tr("Namespace"), this));
    controls->addWidget(m_netns, 1);
    layout->addLayout(controls);

    m_faultBar = new ConnectionFaultBar(this);
    layout->addWidget(m_faultBar);
    // A row whose connection is cut, or whose process is frozen, carries a marker until lifted.
    connect(m_faultBar, &ConnectionFaultBar::faultsChanged, this,
            [this] { m_model->setFaultMarks(m_faultBar->cutMarks(), m_faultBar->frozenMarks()); });

    m_proxy->setSourceModel(m_model);
    // Repaints only the rows a scan changed or moved, with their text laid out once: a scan
    // of 10 000 connections costs the view what its few changes cost.
    m_table = new ChangedRowsTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setItemDelegate(new CachedTextDelegate(m_table));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row sizes to keep for 10 000 rows
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    // The process column holds a 15-character name (the kernel's comm) beside a fault's mark.
    const int widths[] = {11, 5, 12, 12, 17, 8, 7, 8, 7, 9, 30};
    for (int c = 0; c < AuditTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * em);
    m_table->sortByColumn(AuditTableModel::RiskColumn, Qt::DescendingOrder);

    // A text browser, not a label in a scroll area: a word-wrapped rich-text label lays its
    // text out several times for every new text (its height for the width, its minimum size,
    // its paint), and the details change with every scan (the RTT, the timer).
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setOpenLinks(false);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_details->setHtml(tr("Select a connection to see when it would notice each kind of peer death."));

    // What moves with every scan (RTT, queues, timer) on a line of its own above: the rest of
    // the details is set again only when it changed.
    m_live = new QLabel(this);
    m_live->setObjectName(QStringLiteral("auditLive"));
    m_live->setWordWrap(true);
    m_live->setMargin(4);
    m_live->setMinimumHeight(2 * m_live->fontMetrics().lineSpacing() + 8); // wrapping or not: no jump
    m_live->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_live->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Under the details, for a connection on a well-known application port: the application's
    // keepalive, which the user may know and the audit cannot read.
    m_appRow = new QWidget(this);
    auto *appLayout = new QHBoxLayout(m_appRow);
    appLayout->setContentsMargins(6, 0, 6, 6);
    m_appLabel = new QLabel(m_appRow);
    m_appLabel->setWordWrap(true);
    m_appKeepalive = new QSpinBox(m_appRow);
    m_appKeepalive->setObjectName(QStringLiteral("auditAppKeepalive"));
    m_appKeepalive->setRange(1, core::PredictionInput::kMaxApplicationKeepaliveS);
    m_appKeepalive->setSuffix(tr(" s"));
    m_appKeepalive->setToolTip(tr("The application's own keepalive (MQTT Keep Alive, AMQP heartbeat): the audit cannot "
                                  "read it from the socket. Give the real value to see when the application notices a "
                                  "dead peer."));
    m_appLabel->setBuddy(m_appKeepalive);
    appLayout->addWidget(m_appLabel, 1);
    appLayout->addWidget(m_appKeepalive);
    m_appRow->hide();

    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(0);
    detailsLayout->addWidget(m_live);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addWidget(m_appRow);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(detailsPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 420});
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing()); // as the summary
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &models::AuditTableProxy::setText);
    connect(m_leastRisk, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setLeastRisk(audit::Risk(m_leastRisk->currentData().toInt())); });
    connect(m_threshold, &QSpinBox::editingFinished, this, &ConnectionsAuditView::restart);
    connect(m_netns, &QLineEdit::editingFinished, this, &ConnectionsAuditView::restart);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionsAuditView::showDetails);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { watchRow(index.row()); });
    connect(m_appKeepalive, &QSpinBox::valueChanged, this, [this](int keepaliveS) {
        if (m_appProtocol == audit::ApplicationKeepalives::Protocol::None)
            return;
        m_applications.setKeepalive(m_appProtocol, keepaliveS);
        showDetails();
    });
    m_table->setToolTip(tr("Double-click a connection to watch it live: states, samples and its packets."));
    connect(m_monitor, &audit::AuditMonitor::scanned, this, &ConnectionsAuditView::onScanned);
}

void ConnectionsAuditView::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        restart();
    } else {
        m_monitor->stop();
        m_faultBar->liftAll(); // no fault outlives its view
    }
}

void ConnectionsAuditView::restart()
{
    if (m_active)
        m_monitor->start(m_netns->text().trimmed(), m_threshold->value());
}

QString ConnectionsAuditView::summaryText() const
{
    return m_summary->text();
}

QString ConnectionsAuditView::detailsText() const
{
    return m_live->text() + QLatin1Char('\n') + m_details->toPlainText();
}

void ConnectionsAuditView::onScanned(const audit::AuditSnapshotPtr &snapshot)
{
    if (!snapshot->error.isEmpty()) {
        m_summary->setText(tr("Cannot audit: %1").arg(snapshot->error));
        m_model->apply({});
        return;
    }
    const audit::AuditSummary summary = audit::AuditSummary::of(snapshot->connections);
    int fromSocket = 0;
    for (const audit::AuditedConnection &c : snapshot->connections)
        fromSocket += c.optionsSource == audit::OptionsSource::Socket;
    m_summary->setText(summary.text());
    QString status = tr("Options read from the socket for %1 of %2 connections; scanned in %3 ms.")
                         .arg(fromSocket)
                         .arg(snapshot->connections.size())
                         .arg(snapshot->tookUs / 1000.0, 0, 'f', 1);
    if (fromSocket < int(snapshot->connections.size()))
        status += QLatin1Char(' ')
            + tr("The others' options are deduced from their timer: reading another user's socket needs root or "
                 "CAP_SYS_PTRACE (see a row's tooltip for why).");
    if (!snapshot->sysctls.problems.isEmpty())
        status += QLatin1Char(' ') + snapshot->sysctls.problems.join(QStringLiteral("; "));
    m_status->setText(status);
    m_sysctls = snapshot->sysctls;
    m_model->apply(std::move(snapshot->connections));
    m_monitor->dispose(std::move(snapshot->connections)); // now the previous scan's
    // The first time, the worst connection is selected: its details show at once.
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    showDetails();
}

ConnectionWatchWindow *ConnectionsAuditView::watchRow(int proxyRow)
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(proxyRow, 0));
    const audit::AuditedConnection *c = m_model->connectionAt(source.row());
    if (!c)
        return nullptr;
    auto *window = new ConnectionWatchWindow(c->socket.local.toString(), c->socket.remote.toString(),
                                             m_netns->text().trimmed(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

void ConnectionsAuditView::showDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    const audit::AuditedConnection *c = m_model->connectionAt(current.row());
    m_faultBar->setConnection(c);
    if (!c)
        return;
    const std::optional<audit::ApplicationAssumption> application = m_applications.assume(c->socket);
    m_appProtocol = application ? application->application.protocol : audit::ApplicationKeepalives::Protocol::None;
    m_appRow->setVisible(application.has_value());
    if (application) {
        m_appLabel->setText(tr("Keepalive of the %1, if you know it:", "application protocol, e.g. 'MQTT client'")
                                .arg(core::ApplicationKeepalive::protocolTitle(m_appProtocol)));
        const QSignalBlocker quiet(m_appKeepalive);
        m_appKeepalive->setValue(application->application.keepaliveS);
    }
    m_live->setText(AuditDetailsText::liveText(*c));
    const QString html = AuditDetailsText::html(*c, m_sysctls, application);
    if (html == m_detailsHtml)
        return;
    // The same place in the text after the new scan's values.
    m_detailsHtml = html;
    QScrollBar *scroll = m_details->verticalScrollBar();
    const int at = scroll->value();
    m_details->setHtml(html);
    scroll->setValue(at);
}

} // namespace halfopen::ui
