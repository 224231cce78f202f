#include "ui/LabSettingsPanel.h"

#include "ui/CableSettingsPanel.h"
#include "ui/HostSettingsPanel.h"
#include "ui/PeerLocationPanel.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace halfopen::ui {

LabSettingsPanel::LabSettingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_config(lab::LabConfig::defaults())
    , m_client(new HostSettingsPanel(QStringLiteral("client"), this))
    , m_server(new HostSettingsPanel(QStringLiteral("server"), this))
    , m_cable(new CableSettingsPanel(this))
    , m_pending(new QLabel(tr("The lab is running: socket options (keepalive, user timeout, linger, IP_RECVERR) and the "
                              "cable's loss, delay and NAT apply at once; the other settings apply at the next Start. "
                              "The prediction follows every field now."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_pending->setObjectName(QStringLiteral("settingsPending"));
    m_pending->setWordWrap(true);
    m_pending->hide();
    layout->addWidget(m_pending);
    layout->addWidget(new PeerLocationPanel(this));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("hostTabs"));
    tabs->addTab(m_client, tr("Client", "lab host"));
    tabs->addTab(m_server, tr("Server", "lab host"));
    tabs->setTabToolTip(0, tr("The side that connects (198.18.0.1)."));
    tabs->setTabToolTip(1, tr("The side that listens (198.18.0.2, port 5000)."));
    layout->addWidget(tabs);
    layout->addWidget(m_cable);
    layout->addStretch();

    connect(m_client, &HostSettingsPanel::changed, this, &LabSettingsPanel::changed);
    connect(m_server, &HostSettingsPanel::changed, this, &LabSettingsPanel::changed);
    connect(m_cable, &CableSettingsPanel::changed, this, &LabSettingsPanel::changed);
    for (HostSettingsPanel *panel : {m_client, m_server}) {
        const bool client = panel == m_client;
        connect(panel, &HostSettingsPanel::socketOptionsEdited, this, [this, client] {
            // From the whole configuration: options the panel does not show (TCP_NODELAY) stay.
            const lab::LabConfig c = config();
            const lab::HostConfig &host = client ? c.client : c.server;
            emit socketOptionsEdited(client ? QStringLiteral("client") : QStringLiteral("server"), host.endpoint.options);
        });
    }
    connect(m_cable, &CableSettingsPanel::faultEdited, this, &LabSettingsPanel::cableFaultEdited);
}

HostSettingsPanel *LabSettingsPanel::hostPanel(const QString &host) const
{
    return host == QLatin1String("server") ? m_server : m_client;
}

lab::LabConfig LabSettingsPanel::config() const
{
    lab::LabConfig c = m_config;
    m_client->applyTo(&c.client);
    m_server->applyTo(&c.server);
    m_cable->applyTo(&c.cable);
    return c;
}

void LabSettingsPanel::setRunning(bool running)
{
    m_pending->setVisible(running);
    m_client->setRunning(running);
    m_server->setRunning(running);
    m_cable->setRunning(running);
}

void LabSettingsPanel::setConfig(const lab::LabConfig &config)
{
    m_config = config;
    m_client->setHost(config.client);
    m_server->setHost(config.server);
    m_cable->setCable(config.cable);
}

} // namespace halfopen::ui
