#pragma once

#include "lab/Fault.h"
#include "lab/LabConfig.h"

#include <QWidget>

class QLabel;

namespace halfopen::ui {

class CableSettingsPanel;
class HostSettingsPanel;

// The settings dock's content: where the peer is, each side's settings (tabs), the cable.
// Turns the fields into a LabConfig and back.
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
    HostSettingsPanel *hostPanel(const QString &host) const;

signals:
    void changed();
    // A side's socket options were edited (typing paused, every field acceptable): what the
    // fields now say, for that side's open connections.
    void socketOptionsEdited(const QString &host, const halfopen::core::SocketOptions &options);
    // A live cable setting was edited: the fault that sets it on the running cable.
    void cableFaultEdited(const halfopen::lab::Fault &fault);

private:
    lab::LabConfig m_config; // what the fields do not show (addresses, ports) comes from here
    HostSettingsPanel *m_client;
    HostSettingsPanel *m_server;
    CableSettingsPanel *m_cable;
    QLabel *m_pending;
};

} // namespace halfopen::ui
