// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"
#include "lab/LabConfig.h"
#include "realnet/RealNetworkConfig.h"

#include <QMap>
#include <QWidget>

class QGroupBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace halfopen::ui {

class CableSettingsPanel;
class HostSettingsPanel;
class PeerLocationPanel;

// The settings dock's content: where the peer is, each side's settings (tabs), the cable.
// Turns the fields into a LabConfig and back. On a real network only this machine's side is
// ours to set: the peer's tab and the lab's cable and kernel fields give way to this host's
// own kernel settings, read-only.
class LabSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabSettingsPanel(QWidget *parent = nullptr);

    lab::LabConfig config() const;
    // Shows a configuration (a scenario's lab, the saved one) without emitting changed().
    void setConfig(const lab::LabConfig &config);
    // While a lab runs, socket options and the cable's loss, delay and NAT apply at once (the
    // signals below); the rest waits for the next Start. The panel says which is which.
    void setRunning(bool running);
    HostSettingsPanel *hostPanel(core::Host host) const;

    // Real-network mode and who connects to whom (the "Where the peer is" box).
    bool isRealNetwork() const;
    void setRealNetwork(bool real); // without emitting changed()
    // "This machine's connections": an audit, no lab and no test connection.
    bool isMachineAudit() const;
    void setMachineAudit(bool audit); // without emitting changed()
    void setRealNetworkAvailable(bool available);
    realnet::RealNetworkConfig network() const;
    void setNetwork(const realnet::RealNetworkConfig &network); // without emitting changed()
    // This host's kernel settings ("net.ipv4.tcp_retries2" -> "15"), shown in real-network mode;
    // `problems`: what could not be read.
    void setHostKernel(const QMap<QString, QString> &sysctls, const QStringList &problems = {});
    // config() as a real-network run uses it: this machine's side with this host's kernel settings.
    lab::LabConfig realNetworkConfig() const;
    // How much of the cable's capture the lab keeps (the newest frames), in MB; the field may
    // hold a value outside lab::CaptureLimit's range, which Start refuses (SettingField).
    int captureLimitMb() const;
    void setCaptureLimitMb(int megabytes); // without emitting changed()

signals:
    void changed();
    // A side's socket options were edited (typing paused, every field acceptable): what the
    // fields now say, for that side's open connections.
    void socketOptionsEdited(halfopen::core::Host host, const halfopen::core::SocketOptions &options);
    // A live cable setting was edited: the fault that sets it on the running cable.
    void cableFaultEdited(const halfopen::lab::Fault &fault);
    // Lab or real network, or this machine's role, changed (changed() follows).
    void modeChanged();

private:
    void updateMode();

    lab::LabConfig m_config; // what the fields do not show (addresses, ports) comes from here
    QMap<QString, QString> m_hostKernel;
    PeerLocationPanel *m_peer;
    QTabWidget *m_tabs;
    HostSettingsPanel *m_client;
    HostSettingsPanel *m_server;
    CableSettingsPanel *m_cable;
    QGroupBox *m_capture;
    QSpinBox *m_captureLimit;
    QGroupBox *m_kernel;
    QLabel *m_kernelValues;
    QLabel *m_pending;
};

} // namespace halfopen::ui
