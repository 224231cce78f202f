// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"
#include "lab/LabConfig.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace halfopen::ui {

class LiveSettingGroup;

// The lab cable's settings at start: loss, delay and jitter, real ARP or static neighbours,
// a NAT that forgets idle flows. While a lab runs, loss, delay and the NAT are changed on the
// live cable (faultEdited, once the typing pauses); ARP waits for the next Start.
class CableSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CableSettingsPanel(QWidget *parent = nullptr);

    void setCable(const lab::CableConfig &cable); // without emitting changed()
    void applyTo(lab::CableConfig *cable) const;
    // Running: the notes on what applies at once and what at the next Start are shown.
    void setRunning(bool running);

signals:
    void changed();
    // A live cable setting was edited and holds a value it accepts: the fault that sets it.
    void faultEdited(const halfopen::lab::Fault &fault);

private:
    lab::Fault loss() const;
    lab::Fault delay() const;
    lab::Fault nat() const;

    QDoubleSpinBox *m_loss = nullptr;
    QDoubleSpinBox *m_delay = nullptr;
    QDoubleSpinBox *m_jitter = nullptr;
    QCheckBox *m_arp = nullptr;
    QDoubleSpinBox *m_natTimeout = nullptr;
    QCheckBox *m_natReset = nullptr;
    QList<LiveSettingGroup *> m_live;
    QLabel *m_liveNote = nullptr;
    QLabel *m_arpNote = nullptr;
};

} // namespace halfopen::ui
