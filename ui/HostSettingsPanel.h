#pragma once

#include "lab/LabConfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QSpinBox;

namespace halfopen::ui {

// One side's settings (client or server): the socket options, the heartbeat, the traffic it
// sends on its own, and in the lab the host's tcp_retries2 / tcp_syn_retries. Field object
// names start with the host ("clientKeepaliveIdle").
class HostSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    HostSettingsPanel(const QString &host, QWidget *parent = nullptr);

    // Shows a host's settings without emitting changed().
    void setHost(const lab::HostConfig &host);
    // Writes the fields into `host`, leaving what the panel does not show as it was.
    void applyTo(lab::HostConfig *host) const;
    // On a real network the lab host's kernel fields go (the machine has its own), and the
    // heartbeat says it needs a HalfOpen peer.
    void setRealNetwork(bool real);

signals:
    void changed();

private:
    QWidget *buildKeepalive();
    QWidget *buildOptions();
    QWidget *buildHeartbeat();
    QWidget *buildTraffic();
    QWidget *buildKernel();
    void updateTrafficFields();

    QString m_host;
    QGroupBox *m_keepalive = nullptr;
    QSpinBox *m_idle = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_count = nullptr;
    QSpinBox *m_userTimeout = nullptr;
    QCheckBox *m_lingerAbort = nullptr;
    QCheckBox *m_recvErr = nullptr;
    QGroupBox *m_heartbeat = nullptr;
    QSpinBox *m_heartbeatInterval = nullptr;
    QSpinBox *m_heartbeatMisses = nullptr;
    QComboBox *m_heartbeatRole = nullptr;
    QComboBox *m_traffic = nullptr;
    QSpinBox *m_trafficInterval = nullptr;
    QSpinBox *m_trafficBytes = nullptr;
    QGroupBox *m_kernel = nullptr;
    QSpinBox *m_retries2 = nullptr;
    QSpinBox *m_synRetries = nullptr;
};

} // namespace halfopen::ui
