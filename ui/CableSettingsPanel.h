#pragma once

#include "lab/LabConfig.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;

namespace halfopen::ui {

// The lab cable's settings at start: loss, delay and jitter, real ARP or static neighbours,
// a NAT that forgets idle flows.
class CableSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CableSettingsPanel(QWidget *parent = nullptr);

    void setCable(const lab::CableConfig &cable); // without emitting changed()
    void applyTo(lab::CableConfig *cable) const;

signals:
    void changed();

private:
    QDoubleSpinBox *m_loss = nullptr;
    QDoubleSpinBox *m_delay = nullptr;
    QDoubleSpinBox *m_jitter = nullptr;
    QCheckBox *m_arp = nullptr;
    QDoubleSpinBox *m_natTimeout = nullptr;
    QCheckBox *m_natReset = nullptr;
};

} // namespace halfopen::ui
