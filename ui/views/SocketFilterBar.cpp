// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/SocketFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace halfopen::ui {

using core::TcpState;

SocketFilterBar::SocketFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_host(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_timeWait(new QCheckBox(tr("Show TIME_WAIT"), this))
    , m_hidden(new QLabel(this))
{
    m_host->setObjectName(QStringLiteral("hostFilter"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_timeWait->setObjectName(QStringLiteral("timeWaitToggle"));
    m_hidden->setObjectName(QStringLiteral("hiddenTimeWait"));

    m_host->addItem(tr("All hosts"), QString());
    m_host->setToolTip(tr("Show the sockets of one host only."));
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    addStateChoice(tr("All states"), {});
    addStateChoice(tr("Connecting", "TCP states SYN_SENT and SYN_RECV"),
                   {TcpState::SynSent, TcpState::SynRecv, TcpState::NewSynRecv});
    addStateChoice(tcpStateName(TcpState::Established), {TcpState::Established});
    addStateChoice(tr("Closing", "TCP states between the first FIN and CLOSED"),
                   {TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait, TcpState::LastAck, TcpState::Closing,
                    TcpState::TimeWait});
    addStateChoice(tcpStateName(TcpState::Listen), {TcpState::Listen});
    addStateChoice(tcpStateName(TcpState::Closed), {TcpState::Closed});
    m_state->insertSeparator(m_state->count());
    for (TcpState s : {TcpState::SynSent, TcpState::SynRecv, TcpState::FinWait1, TcpState::FinWait2,
                       TcpState::CloseWait, TcpState::LastAck, TcpState::Closing, TcpState::TimeWait})
        addStateChoice(tcpStateName(s), {s});
    m_state->setToolTip(tr("Show sockets in these TCP states only."));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_text->setPlaceholderText(tr("Filter: address, port, state, timer…"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Show the rows whose text contains this (any column, any case)."));

    m_timeWait->setToolTip(tr("Also list sockets in TIME_WAIT. Like ss without -a, the table hides them: they are "
                              "the kernel's memory of a connection that is over (kept 60 s to catch late "
                              "segments), not an application's connection. Choosing TIME_WAIT or \"Closing\" in "
                              "the state filter shows them too."));
    m_hidden->setToolTip(m_timeWait->toolTip());
    m_hidden->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_host);
    layout->addWidget(m_state);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_timeWait);
    layout->addWidget(m_hidden);

    connect(m_host, &QComboBox::currentIndexChanged, this,
            [this] { emit hostChanged(m_host->currentData().toString()); });
    connect(m_state, &QComboBox::currentIndexChanged, this, &SocketFilterBar::emitStates);
    connect(m_text, &QLineEdit::textChanged, this, &SocketFilterBar::textChanged);
    connect(m_timeWait, &QCheckBox::toggled, this, &SocketFilterBar::timeWaitShownChanged);
}

void SocketFilterBar::setHiddenTimeWait(int count)
{
    m_hidden->setText(tr("%n socket(s) in TIME_WAIT hidden", "sockets left out of the table", count));
    m_hidden->setVisible(count > 0);
}

void SocketFilterBar::addHost(const QString &host)
{
    if (host.isEmpty() || m_host->findData(host) >= 0)
        return;
    m_host->addItem(host, host);
}

void SocketFilterBar::clearHosts()
{
    const QString current = m_host->currentData().toString();
    while (m_host->count() > 1)
        m_host->removeItem(m_host->count() - 1);
    if (!current.isEmpty())
        addHost(current); // the user's choice stays until they change it
    m_host->setCurrentIndex(m_host->count() - 1);
}

void SocketFilterBar::addStateChoice(const QString &title, const QList<TcpState> &states)
{
    QVariantList values;
    for (TcpState s : states)
        values.append(int(s));
    m_state->addItem(title, values);
}

void SocketFilterBar::emitStates()
{
    QSet<TcpState> states;
    const QVariantList values = m_state->currentData().toList();
    for (const QVariant &v : values)
        states.insert(TcpState(v.toInt()));
    emit statesChanged(states);
}

} // namespace halfopen::ui
