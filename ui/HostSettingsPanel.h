// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/LabConfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace halfopen::ui {

class LiveSettingGroup;

// One side's settings (client or server): the socket options, the heartbeat, the traffic it
// sends on its own, and in the lab the host's tcp_retries2 / tcp_syn_retries. Field object
// names start with the host ("clientKeepaliveIdle"). While a lab runs, the socket options
// (keepalive, user timeout, linger, IP_RECVERR) are for its open connections at once
// (socketOptionsEdited, once the typing pauses); the rest says it waits for the next Start.
class HostSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    HostSettingsPanel(core::Host host, QWidget *parent = nullptr);

    // Shows a host's settings without emitting changed().
    void setHost(const lab::HostConfig &host);
    // Writes the fields into `host`, leaving what the panel does not show as it was.
    void applyTo(lab::HostConfig *host) const;
    // Running: the notes on what applies at once and what at the next Start are shown.
    void setRunning(bool running);
    // The socket options fields' group (tests settle it without waiting).
    LiveSettingGroup *liveOptions() const { return m_liveOptions; }
    // On a real network the lab host's kernel fields go (the machine has its own), and the
    // heartbeat says it needs a HalfOpen peer.
    void setRealNetwork(bool real);

signals:
    void changed();
    // The socket options fields were edited and hold values they accept.
    void socketOptionsEdited();

private:
    QWidget *buildKeepalive();
    QWidget *buildOptions();
    QWidget *buildHeartbeat();
    QWidget *buildTraffic();
    QWidget *buildKernel();
    void updateTrafficFields();
    QLabel *addNote(QWidget *box, const QString &name, const QString &text);

    core::Host m_host;
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
    LiveSettingGroup *m_liveOptions = nullptr;
    QList<QLabel *> m_liveNotes;  // "applies at once": shown while running
    QList<QLabel *> m_laterNotes; // "applies at the next Start": shown while running
};

} // namespace halfopen::ui
