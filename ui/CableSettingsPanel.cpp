#include "ui/CableSettingsPanel.h"

#include "ui/SettingField.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace halfopen::ui {

CableSettingsPanel::CableSettingsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("cableSettings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Cable"), this);
    layout->addWidget(box);
    auto *form = new QFormLayout(box);
    // The same limits LabConfig::fromJson accepts.
    m_loss = SettingField::decimal(box, QStringLiteral("cableLoss"), 0, 100, 1, tr(" %"),
                                   tr("Share of frames the cable drops at random, both ways."));
    m_delay = SettingField::decimal(box, QStringLiteral("cableDelay"), 0, 60000, 1, tr(" ms"),
                                    tr("One-way delay added to every frame. The round trip is twice this."));
    m_jitter = SettingField::decimal(box, QStringLiteral("cableJitter"), 0, 60000, 1, tr(" ms"),
                                     tr("Random variation added to the delay."));
    m_arp = SettingField::check(box, QStringLiteral("cableArp"), tr("Real ARP"),
                                tr("On: the hosts resolve each other's address with ARP, so a powered-off host makes "
                                   "connect() fail with EHOSTUNREACH after about 3 s. Off: fixed neighbour entries, the "
                                   "textbook case where only TCP's own timers notice."));
    m_natTimeout = SettingField::decimal(box, QStringLiteral("cableNatTimeout"), 0, 86400, 0, tr(" s"),
                                         tr("A NAT router on the cable forgets a connection that stayed idle this long; "
                                            "later frames of it are dropped. 0: no NAT."));
    m_natTimeout->setSpecialValueText(tr("no NAT"));
    m_natReset = SettingField::check(box, QStringLiteral("cableNatReset"), tr("NAT answers forgotten flows with RST"),
                                     tr("Instead of dropping the frames of a forgotten connection, the NAT answers them "
                                        "with an RST, as some firewalls do."));
    form->addRow(tr("Loss"), m_loss);
    form->addRow(tr("Delay"), m_delay);
    form->addRow(tr("Jitter"), m_jitter);
    form->addRow(m_arp);
    form->addRow(tr("NAT idle timeout"), m_natTimeout);
    form->addRow(m_natReset);

    for (QDoubleSpinBox *b : {m_loss, m_delay, m_jitter, m_natTimeout})
        connect(b, &QDoubleSpinBox::valueChanged, this, &CableSettingsPanel::changed);
    for (QCheckBox *b : {m_arp, m_natReset})
        connect(b, &QCheckBox::toggled, this, &CableSettingsPanel::changed);
}

void CableSettingsPanel::setCable(const lab::CableConfig &cable)
{
    const QSignalBlocker blocker(this);
    m_loss->setValue(cable.lossPercent);
    m_delay->setValue(cable.delayMs);
    m_jitter->setValue(cable.jitterMs);
    m_arp->setChecked(cable.arp);
    m_natTimeout->setValue(cable.natTimeoutS);
    m_natReset->setChecked(cable.natReset);
}

void CableSettingsPanel::applyTo(lab::CableConfig *cable) const
{
    cable->lossPercent = m_loss->value();
    cable->delayMs = m_delay->value();
    cable->jitterMs = m_jitter->value();
    cable->arp = m_arp->isChecked();
    cable->natTimeoutS = m_natTimeout->value();
    cable->natReset = m_natReset->isChecked();
}

} // namespace halfopen::ui
