// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PeerLocationPanel.h"

#include "ui/SettingField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace halfopen::ui {

using realnet::RealNetworkConfig;

PeerLocationPanel::PeerLocationPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("peerLocation"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Where the peer is"), this);
    outer->addWidget(box);
    auto *layout = new QVBoxLayout(box);

    m_lab = new QRadioButton(tr("Virtual lab: both hosts on this machine"), box);
    m_lab->setObjectName(QStringLiteral("peerVirtualLab"));
    m_lab->setChecked(true);
    m_lab->setToolTip(tr("Two hosts in their own network namespaces, joined by a cable HalfOpen can cut, delay or make "
                         "lossy. Nothing leaves this machine and no root is needed."));
    m_real = new QRadioButton(tr("Real network: the peer is another machine or device"), box);
    m_real->setObjectName(QStringLiteral("peerRealNetwork"));
    m_real->setToolTip(tr("This machine as client or server; the peer is another machine running halfopen-cli serve or "
                          "connect, or any device (an MQTT broker on 1883, a PLC on 502). You pull the real cable and "
                          "press \"I pulled the cable now\"."));
    m_machine = new QRadioButton(tr("This machine's connections: are they safe from half-open?"), box);
    m_machine->setObjectName(QStringLiteral("peerMachineAudit"));
    m_machine->setToolTip(
        tr("Every TCP connection of this machine with its process, its own keepalive and user timeout, "
           "when it would notice a powered-off peer, and the setting that fixes it. Reads only."));
    layout->addWidget(m_lab);
    layout->addWidget(m_real);
    layout->addWidget(m_machine);

    m_fields = new QWidget(box);
    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    m_role = new QComboBox(m_fields);
    m_role->setObjectName(QStringLiteral("realNetworkRole"));
    m_role->addItem(tr("connects to the peer (client)"), int(RealNetworkConfig::Role::Client));
    m_role->addItem(tr("waits for the peer (server)"), int(RealNetworkConfig::Role::Server));
    m_role->setToolTip(tr("Client: this machine opens the connection, e.g. to a broker or a PLC. Server: this machine "
                          "listens and the peer connects (run halfopen-cli connect on it)."));
    form->addRow(tr("This machine"), m_role);

    auto addressRow = [&](const QString &name, QLineEdit **edit, QSpinBox **port, const QString &addressTip,
                          const QString &portTip) {
        auto *row = new QWidget(m_fields);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        *edit = new QLineEdit(row);
        (*edit)->setObjectName(QStringLiteral("realNetwork%1Address").arg(name));
        (*edit)->setToolTip(addressTip);
        *port = SettingField::spin(row, QStringLiteral("realNetwork%1Port").arg(name), 1, 65535, QString(), portTip);
        h->addWidget(*edit, 1);
        h->addWidget(new QLabel(QStringLiteral(":"), row));
        h->addWidget(*port);
        return row;
    };
    QWidget *peer
        = addressRow(QStringLiteral("Peer"), &m_peerAddress, &m_peerPort,
                     tr("The peer's IPv4 or IPv6 address, or its host name, e.g. 192.168.1.20."),
                     tr("The port the peer listens on (1883 MQTT, 502 Modbus/TCP, 5000 halfopen-cli serve)."));
    m_peerAddress->setPlaceholderText(tr("e.g. 192.168.1.20"));
    QWidget *listen
        = addressRow(QStringLiteral("Listen"), &m_listenAddress, &m_listenPort,
                     tr("An address of this machine to listen on: 0.0.0.0 for every IPv4 address, :: for every "
                        "address."),
                     tr("The port to listen on; ports below 1024 need root."));
    m_peerLabel = new QLabel(tr("Peer address"), m_fields);
    m_listenLabel = new QLabel(tr("Listen on"), m_fields);
    form->addRow(m_peerLabel, peer);
    form->addRow(m_listenLabel, listen);
    m_hint = new QLabel(m_fields);
    m_hint->setObjectName(QStringLiteral("realNetworkHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_hint);
    layout->addWidget(m_fields);

    setNetwork(RealNetworkConfig());
    // One of the three turns on at each change of mode.
    for (QRadioButton *mode : {m_lab, m_real, m_machine})
        connect(mode, &QRadioButton::toggled, this, [this](bool on) {
            if (!on)
                return;
            updateFields();
            emit changed();
        });
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        updateFields();
        emit changed();
    });
    for (QLineEdit *edit : {m_peerAddress, m_listenAddress})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateFields();
            emit changed();
        });
    for (QSpinBox *port : {m_peerPort, m_listenPort})
        connect(port, &QSpinBox::valueChanged, this, [this] {
            updateFields();
            emit changed();
        });
    updateFields();
}

bool PeerLocationPanel::isRealNetwork() const
{
    return m_real->isChecked();
}

bool PeerLocationPanel::isMachineAudit() const
{
    return m_machine->isChecked();
}

void PeerLocationPanel::setMachineAudit(bool audit)
{
    const QSignalBlocker blocker(this);
    if (audit)
        m_machine->setChecked(true);
    else if (m_machine->isChecked())
        m_lab->setChecked(true);
    updateFields();
}

void PeerLocationPanel::setRealNetwork(bool real)
{
    const QSignalBlocker blocker(this);
    (real && m_real->isEnabled() ? m_real : m_lab)->setChecked(true);
    updateFields();
}

void PeerLocationPanel::setRealNetworkAvailable(bool available)
{
    m_real->setEnabled(available);
    if (!available) {
        m_real->setToolTip(tr("Not available here: this window has no real-network driver. Use halfopen-cli serve and "
                              "halfopen-cli connect on the two machines."));
        setRealNetwork(false);
    }
}

RealNetworkConfig PeerLocationPanel::network() const
{
    RealNetworkConfig n;
    n.role = RealNetworkConfig::Role(m_role->currentData().toInt());
    n.peerAddress = m_peerAddress->text().trimmed();
    n.peerPort = quint16(m_peerPort->value());
    n.listenAddress = m_listenAddress->text().trimmed();
    n.listenPort = quint16(m_listenPort->value());
    return n;
}

void PeerLocationPanel::setNetwork(const RealNetworkConfig &network)
{
    const QSignalBlocker blocker(this);
    m_role->setCurrentIndex(m_role->findData(int(network.role)));
    m_peerAddress->setText(network.peerAddress);
    m_peerPort->setValue(network.peerPort);
    m_listenAddress->setText(network.listenAddress);
    m_listenPort->setValue(network.listenPort);
    updateFields();
}

void PeerLocationPanel::updateFields()
{
    m_fields->setVisible(m_real->isChecked());
    const RealNetworkConfig n = network();
    const bool client = n.role == RealNetworkConfig::Role::Client;
    for (QWidget *w : {static_cast<QWidget *>(m_peerLabel), m_peerAddress->parentWidget()})
        w->setVisible(client);
    for (QWidget *w : {static_cast<QWidget *>(m_listenLabel), m_listenAddress->parentWidget()})
        w->setVisible(!client);
    // What the peer must run, or what is wrong with the fields: checked as they are typed.
    const QList<core::SettingError> errors = n.validate();
    if (!errors.isEmpty()) {
        m_hint->setText(tr("%1: %2").arg(errors.first().field, errors.first().message));
        m_hint->setStyleSheet(QStringLiteral("color: #c0392b;"));
        return;
    }
    m_hint->setStyleSheet({});
    m_hint->setText(
        client ? tr("On the peer: any server on port %1, or halfopen-cli serve --listen 0.0.0.0:%1").arg(n.peerPort)
               : tr("On the peer: halfopen-cli connect ADDRESS-OF-THIS-MACHINE:%1").arg(n.listenPort));
}

} // namespace halfopen::ui
