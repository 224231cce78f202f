// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LabSettingsPanel.h"

#include "ui/CableSettingsPanel.h"
#include "ui/HostSettingsPanel.h"
#include "ui/PeerLocationPanel.h"
#include "ui/SettingField.h"

#include "lab/CaptureLimit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace halfopen::ui {

using realnet::RealNetworkConfig;

LabSettingsPanel::LabSettingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_config(lab::LabConfig::defaults())
    , m_peer(new PeerLocationPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_client(new HostSettingsPanel(core::Host::Client, this))
    , m_server(new HostSettingsPanel(core::Host::Server, this))
    , m_cable(new CableSettingsPanel(this))
    , m_kernel(new QGroupBox(tr("This machine's kernel"), this))
    , m_kernelValues(new QLabel(m_kernel))
    , m_pending(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_pending->setObjectName(QStringLiteral("settingsPending"));
    m_pending->setWordWrap(true);
    m_pending->hide();
    layout->addWidget(m_pending);
    layout->addWidget(m_peer);
    m_tabs->setObjectName(QStringLiteral("hostTabs"));
    m_tabs->addTab(m_client, tr("Client", "lab host"));
    m_tabs->addTab(m_server, tr("Server", "lab host"));
    layout->addWidget(m_tabs);
    m_kernel->setObjectName(QStringLiteral("hostKernel"));
    m_kernel->setToolTip(
        tr("Read from /proc/sys/net/ipv4 of this machine: the prediction uses them. They apply to every "
           "connection of the machine; HalfOpen does not change them (sysctl -w as root does)."));
    auto *kernelLayout = new QVBoxLayout(m_kernel);
    m_kernelValues->setObjectName(QStringLiteral("hostKernelValues"));
    m_kernelValues->setWordWrap(true);
    m_kernelValues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    kernelLayout->addWidget(m_kernelValues);
    layout->addWidget(m_kernel);
    layout->addWidget(m_cable);
    // The capture of the cable (File > Export capture): a ring, so a streaming run cannot fill the disk.
    m_capture = new QGroupBox(tr("Capture"), this);
    m_capture->setObjectName(QStringLiteral("captureSettings"));
    auto *captureForm = new QFormLayout(m_capture);
    m_captureLimit = SettingField::spin(
        m_capture, QStringLiteral("captureLimit"), lab::CaptureLimit::kMinimumMb, lab::CaptureLimit::kMaximumMb,
        tr(" MB"),
        tr("The lab records every frame on the cable, for File > Export capture (Wireshark). A streaming run writes "
           "about 60 MB a second: only the newest frames are kept, at most this much on disk; older ones are "
           "dropped and the window says so. Applies at the next Start."));
    m_captureLimit->setValue(lab::CaptureLimit::kDefaultMb);
    captureForm->addRow(tr("Keep the last"), m_captureLimit);
    layout->addWidget(m_capture);
    connect(m_captureLimit, &QSpinBox::valueChanged, this, &LabSettingsPanel::changed);
    layout->addStretch();

    connect(m_client, &HostSettingsPanel::changed, this, &LabSettingsPanel::changed);
    connect(m_server, &HostSettingsPanel::changed, this, &LabSettingsPanel::changed);
    connect(m_cable, &CableSettingsPanel::changed, this, &LabSettingsPanel::changed);
    connect(m_peer, &PeerLocationPanel::changed, this, [this] {
        updateMode();
        emit modeChanged();
        emit changed();
    });
    updateMode();
    for (HostSettingsPanel *panel : {m_client, m_server}) {
        const bool client = panel == m_client;
        connect(panel, &HostSettingsPanel::socketOptionsEdited, this, [this, client] {
            // From the whole configuration: options the panel does not show (TCP_NODELAY) stay.
            const lab::LabConfig c = config();
            const lab::HostConfig &host = client ? c.client : c.server;
            emit socketOptionsEdited(client ? core::Host::Client : core::Host::Server, host.endpoint.options);
        });
    }
    connect(m_cable, &CableSettingsPanel::faultEdited, this, &LabSettingsPanel::cableFaultEdited);
}

HostSettingsPanel *LabSettingsPanel::hostPanel(core::Host host) const
{
    return host == core::Host::Server ? m_server : m_client;
}

lab::LabConfig LabSettingsPanel::config() const
{
    lab::LabConfig c = m_config;
    m_client->applyTo(&c.client);
    m_server->applyTo(&c.server);
    m_cable->applyTo(&c.cable);
    return c;
}

lab::LabConfig LabSettingsPanel::realNetworkConfig() const
{
    lab::LabConfig c = config();
    lab::HostConfig &ours = m_peer->network().role == RealNetworkConfig::Role::Client ? c.client : c.server;
    ours.sysctls = m_hostKernel;
    c.cable = lab::CableConfig(); // no simulated cable: the prediction assumes none
    // MainWindow::hostKernel found the peer on-link with a dynamic neighbour entry.
    c.cable.arp = m_hostKernel.contains(QStringLiteral("net.ipv4.neigh.eth0.base_reachable_time_ms"));
    return c;
}

void LabSettingsPanel::setRunning(bool running)
{
    m_pending->setText(
        isRealNetwork() ? tr("Running: this machine's socket options (keepalive, user timeout, linger, IP_RECVERR) "
                             "apply at once to its connection; the other settings apply at the next Start. The "
                             "prediction follows every field now.")
                        : tr("The lab is running: socket options (keepalive, user timeout, linger, IP_RECVERR) and the "
                             "cable's loss, delay and NAT apply at once; the other settings apply at the next Start. "
                             "The prediction follows every field now."));
    m_pending->setVisible(running);
    m_client->setRunning(running);
    m_server->setRunning(running);
    m_cable->setRunning(running);
    m_peer->setEnabled(!running); // a run keeps the mode it started in
}

void LabSettingsPanel::setConfig(const lab::LabConfig &config)
{
    m_config = config;
    m_client->setHost(config.client);
    m_server->setHost(config.server);
    m_cable->setCable(config.cable);
}

int LabSettingsPanel::captureLimitMb() const
{
    return m_captureLimit->value();
}

void LabSettingsPanel::setCaptureLimitMb(int megabytes)
{
    const QSignalBlocker quiet(m_captureLimit);
    m_captureLimit->setValue(megabytes);
}

bool LabSettingsPanel::isRealNetwork() const
{
    return m_peer->isRealNetwork();
}

bool LabSettingsPanel::isMachineAudit() const
{
    return m_peer->isMachineAudit();
}

void LabSettingsPanel::setMachineAudit(bool audit)
{
    m_peer->setMachineAudit(audit);
    updateMode();
}

void LabSettingsPanel::setRealNetwork(bool real)
{
    m_peer->setRealNetwork(real);
    updateMode();
}

void LabSettingsPanel::setRealNetworkAvailable(bool available)
{
    m_peer->setRealNetworkAvailable(available);
    updateMode();
}

RealNetworkConfig LabSettingsPanel::network() const
{
    return m_peer->network();
}

void LabSettingsPanel::setNetwork(const RealNetworkConfig &network)
{
    m_peer->setNetwork(network);
    updateMode();
}

void LabSettingsPanel::setHostKernel(const QMap<QString, QString> &sysctls, const QStringList &problems)
{
    m_hostKernel = sysctls;
    QStringList lines;
    for (auto it = sysctls.cbegin(); it != sysctls.cend(); ++it)
        lines << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    lines += problems;
    m_kernelValues->setText(lines.join(QLatin1Char('\n')));
}

void LabSettingsPanel::updateMode()
{
    const bool real = isRealNetwork();
    const bool client = m_peer->network().role == RealNetworkConfig::Role::Client;
    // On a real network the other side is the peer's business: its tab goes.
    m_tabs->setTabVisible(0, !real || client);
    m_tabs->setTabVisible(1, !real || !client);
    if (real)
        m_tabs->setCurrentWidget(client ? m_client : m_server);
    m_tabs->setTabText(0, real ? tr("This machine (client)") : tr("Client", "lab host"));
    m_tabs->setTabText(1, real ? tr("This machine (server)") : tr("Server", "lab host"));
    m_tabs->setTabToolTip(0,
                          real ? tr("The settings of this machine's side: it connects to the peer.")
                               : tr("The side that connects (198.18.0.1)."));
    m_tabs->setTabToolTip(1,
                          real ? tr("The settings of this machine's side: it listens for the peer.")
                               : tr("The side that listens (198.18.0.2, port 5000)."));
    m_client->setRealNetwork(real);
    m_server->setRealNetwork(real);
    // An audit has no test connection to set up: only the choice of mode stays.
    const bool audit = isMachineAudit();
    m_tabs->setVisible(!audit);
    m_cable->setVisible(!real && !audit);
    m_capture->setVisible(!real && !audit); // a real cable is not captured
    m_kernel->setVisible(real);
}

} // namespace halfopen::ui
