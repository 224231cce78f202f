#pragma once

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
    // While a lab runs, edits wait for the next Start: the panel says so.
    void setRunning(bool running);

signals:
    void changed();

private:
    lab::LabConfig m_config; // what the fields do not show (addresses, ports) comes from here
    HostSettingsPanel *m_client;
    HostSettingsPanel *m_server;
    CableSettingsPanel *m_cable;
    QLabel *m_pending;
};

} // namespace halfopen::ui
