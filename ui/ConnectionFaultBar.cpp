// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionFaultBar.h"

#include "audit/AuditedConnection.h"
#include "ui/MessageBar.h"

#include "core/session/MonotonicClock.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace halfopen::ui {

using hostfault::CutDirection;
using hostfault::FaultKind;
using hostfault::RealConnectionFaults;

ConnectionFaultBar::ConnectionFaultBar(QWidget *parent)
    : QWidget(parent)
    , m_faults(new RealConnectionFaults(this))
{
    setObjectName(QStringLiteral("connectionFaultBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *row = new QHBoxLayout;
    m_targetLabel = new QLabel(this);
    m_targetLabel->setObjectName(QStringLiteral("faultTarget"));
    m_targetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long process name and IPv6 addresses must not widen the window: the label gives way.
    m_targetLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_targetLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 12);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("faultDirection"));
    m_direction->addItem(tr("both directions"), int(CutDirection::Both));
    m_direction->addItem(tr("incoming only"), int(CutDirection::In));
    m_direction->addItem(tr("outgoing only"), int(CutDirection::Out));
    m_direction->setToolTip(tr("Which packets of the connection the cut drops, silently as a pulled cable. On a kernel "
                               "with neither nft_queue nor nft_compat's NFQUEUE, outgoing drops are known to this "
                               "machine's TCP (the CLI says so): choose incoming only to time this side faithfully."));
    m_direction->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto button = [this](const char *name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        return b;
    };
    m_cut
        = button("faultCut", tr("Cut"), tr("Drop this connection's packets on this machine (nftables), until Replug."));
    m_replug = button("faultReplug", tr("Replug"), tr("Lift the cut of this connection."));
    m_abort = button("faultAbort", tr("Abort (RST)"),
                     tr("Destroy the socket (SOCK_DESTROY): the application gets ECONNABORTED, the peer an RST."));
    m_freeze = button("faultFreeze", tr("Freeze"), tr("Stop the process holding it (SIGSTOP), until Thaw."));
    m_thaw = button("faultThaw", tr("Thaw"), tr("Continue the process holding this connection (SIGCONT)."));
    m_liftAll = button("faultLiftAll", tr("Lift all faults"),
                       tr("Replug every cut and thaw every process frozen here, whichever connection they were "
                          "made on."));
    row->addWidget(new QLabel(tr("Test the reaction of:"), this));
    row->addWidget(m_targetLabel, 1);
    row->addWidget(m_cut);
    row->addWidget(m_direction);
    row->addWidget(m_replug);
    row->addWidget(m_abort);
    row->addWidget(m_freeze);
    row->addWidget(m_thaw);
    layout->addLayout(row);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("faultBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(4);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: bold; }"));
    // Lift all faults sits beside the banner, shown with it: there is something to lift then.
    auto *bannerRow = new QHBoxLayout;
    bannerRow->setSpacing(4);
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_liftAll, 0, Qt::AlignTop);
    layout->addLayout(bannerRow);
    m_banner->hide();
    m_liftAll->hide();

    m_reaction = new QLabel(this);
    m_reaction->setObjectName(QStringLiteral("faultReaction"));
    m_reaction->setWordWrap(true);
    m_reaction->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reaction->setMargin(4);
    m_reaction->setStyleSheet(QStringLiteral("QLabel { background: #fff3c4; color: black; }"));
    m_reaction->hide();
    layout->addWidget(m_reaction);

    m_message = new MessageBar(this);
    // Not the window's "messageBar": this one speaks only of the faults on this machine's connections.
    m_message->setObjectName(QStringLiteral("connectionFaultMessageBar"));
    layout->addWidget(m_message);

    connect(m_cut, &QPushButton::clicked, this, [this] { request(FaultKind::Cut); });
    connect(m_abort, &QPushButton::clicked, this, [this] { request(FaultKind::Abort); });
    connect(m_freeze, &QPushButton::clicked, this, [this] { request(FaultKind::Freeze); });
    connect(m_replug, &QPushButton::clicked, this, [this] { liftSelected(FaultKind::Cut); });
    connect(m_thaw, &QPushButton::clicked, this, [this] { liftSelected(FaultKind::Freeze); });
    connect(m_liftAll, &QPushButton::clicked, this, &ConnectionFaultBar::liftAll);
    connect(m_faults, &RealConnectionFaults::applied, this, [this] {
        refresh();
        emit faultsChanged();
    });
    connect(m_faults, &RealConnectionFaults::lifted, this, [this](int id) {
        refresh();
        showReaction(id);
        emit faultsChanged();
    });
    connect(m_faults, &RealConnectionFaults::reacted, this, [this](int id) { showReaction(id); });
    setConnection(nullptr);
}

ConnectionFaultBar::~ConnectionFaultBar()
{
    m_faults->disconnect(this);
    delete m_faults; // lifts every fault
}

void ConnectionFaultBar::setConnection(const audit::AuditedConnection *c)
{
    m_target.reset();
    if (c && !c->holders.isEmpty() && c->socket.sample.state == core::TcpState::Established) {
        hostfault::TargetConnection t;
        t.pid = c->holders.first().pid;
        t.fd = c->holders.first().fd;
        t.process = c->holders.first().command;
        t.local = c->socket.local;
        t.remote = c->socket.remote;
        t.inode = c->socket.inode;
        t.cookie = c->socket.cookie;
        t.sample = c->socket.sample;
        m_target = t;
    }
    m_targetLabel->setToolTip(m_target ? m_target->describe() : QString());
    m_targetLabel->setText(m_target ? m_target->describe()
                               : c  ? tr("(only an established connection held by a visible process)")
                                    : tr("(select a connection)"));
    refresh();
}

void ConnectionFaultBar::request(FaultKind kind)
{
    if (!m_target)
        return;
    RealConnectionFaults::Request r;
    r.kind = kind;
    r.target = *m_target;
    r.direction = CutDirection(m_direction->currentData().toInt());
    const QString title = kind == FaultKind::Cut ? tr("Cut this connection?")
        : kind == FaultKind::Abort               ? tr("Abort this connection?")
                                                 : tr("Freeze this process?");
    QMessageBox box(QMessageBox::Warning, title, RealConnectionFaults::confirmationText(r),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("faultConfirmation"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    QString error;
    const int id = m_faults->apply(r, &error);
    if (id == 0) {
        m_message->showProblem(tr("%1 refused: %2").arg(hostfault::faultKindName(kind), error));
        return;
    }
    showReaction(id);
}

std::optional<RealConnectionFaults::ActiveFault> ConnectionFaultBar::selectedFault(FaultKind kind) const
{
    if (!m_target)
        return std::nullopt;
    for (const RealConnectionFaults::ActiveFault &f : m_faults->active()) {
        if (f.kind != kind)
            continue;
        if (kind == FaultKind::Cut && f.target.local.toString() == m_target->local.toString()
            && f.target.remote.toString() == m_target->remote.toString())
            return f;
        if (kind == FaultKind::Freeze && f.target.pid == m_target->pid)
            return f;
    }
    return std::nullopt;
}

void ConnectionFaultBar::liftSelected(FaultKind kind)
{
    const auto fault = selectedFault(kind);
    if (!fault)
        return;
    QString error;
    if (!m_faults->lift(fault->id, &error))
        m_message->showProblem(error);
}

QString ConnectionFaultBar::sinceText(qint64 sinceUs) const
{
    // The fault's CLOCK_MONOTONIC time as the wall clock showed it then.
    const qint64 agoMs = (core::monotonicNowUs() - sinceUs) / 1000;
    return QLocale().toString(QDateTime::currentDateTime().addMSecs(-agoMs).time(), QStringLiteral("HH:mm:ss"));
}

QHash<QString, QString> ConnectionFaultBar::cutMarks() const
{
    auto words = [](CutDirection d) {
        return d == CutDirection::Both ? tr("both directions")
            : d == CutDirection::In    ? tr("incoming only")
                                       : tr("outgoing only");
    };
    QHash<QString, QString> marks;
    for (const RealConnectionFaults::ActiveFault &f : m_faults->active()) {
        if (f.kind != FaultKind::Cut)
            continue;
        const QString since = sinceText(f.sinceUs);
        const QString local = f.target.local.toString();
        const QString remote = f.target.remote.toString();
        const CutDirection otherEnd = f.direction == CutDirection::In ? CutDirection::Out
            : f.direction == CutDirection::Out                        ? CutDirection::In
                                                                      : CutDirection::Both;
        marks.insert(remote + QLatin1Char(' ') + local,
                     tr("cut (%1) since %2", "a row's marker: direction, wall-clock time").arg(words(otherEnd), since));
        marks.insert(
            local + QLatin1Char(' ') + remote,
            tr("cut (%1) since %2", "a row's marker: direction, wall-clock time").arg(words(f.direction), since));
    }
    return marks;
}

QHash<qint64, QString> ConnectionFaultBar::frozenMarks() const
{
    QHash<qint64, QString> marks;
    for (const RealConnectionFaults::ActiveFault &f : m_faults->active()) {
        if (f.kind == FaultKind::Freeze)
            marks.insert(
                f.target.pid,
                tr("process frozen (SIGSTOP) since %1", "a row's marker: wall-clock time").arg(sinceText(f.sinceUs)));
    }
    return marks;
}

void ConnectionFaultBar::liftAll()
{
    m_faults->liftAll();
    refresh();
}

void ConnectionFaultBar::refresh()
{
    QStringList lines;
    bool cut = false;
    bool frozen = false;
    for (const RealConnectionFaults::ActiveFault &f : m_faults->active()) {
        if (f.kind == FaultKind::Cut) {
            cut = true;
            lines << tr("CUT: %1, %2. Replug (its row selected) or Lift all faults lifts it; so does leaving this mode "
                        "or "
                        "closing HalfOpen.")
                         .arg(f.target.describe(),
                              f.direction == CutDirection::Both     ? tr("both directions")
                                  : f.direction == CutDirection::In ? tr("incoming only")
                                                                    : tr("outgoing only"));
        } else if (f.kind == FaultKind::Freeze) {
            frozen = true;
            lines
                << tr("FROZEN (SIGSTOP): %1 (pid %2). Thaw (one of its rows selected) or Lift all faults lifts it; so "
                      "does leaving this mode or closing HalfOpen.")
                       .arg(f.target.process)
                       .arg(f.target.pid);
        }
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setVisible(!lines.isEmpty());
    const bool target = m_target.has_value();
    m_cut->setEnabled(target);
    m_direction->setEnabled(target);
    m_abort->setEnabled(target);
    m_freeze->setEnabled(target);
    m_replug->setEnabled(selectedFault(FaultKind::Cut).has_value());
    m_thaw->setEnabled(selectedFault(FaultKind::Freeze).has_value());
    m_liftAll->setEnabled(cut || frozen);
    m_liftAll->setVisible(cut || frozen);
}

void ConnectionFaultBar::showReaction(int id)
{
    const auto verdict = m_faults->verdict(id);
    if (!verdict)
        return;
    m_reaction->setText(tr("Reaction so far: %1").arg(verdict->toText()));
    m_reaction->show();
}

QString ConnectionFaultBar::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

QString ConnectionFaultBar::reactionText() const
{
    return m_reaction->text();
}

QString ConnectionFaultBar::messageText() const
{
    return m_message->text();
}

} // namespace halfopen::ui
