// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CableSettingsPanel.h"

#include "ui/LiveSettingGroup.h"
#include "ui/SettingField.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <functional>

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
    m_arp
        = SettingField::check(box, QStringLiteral("cableArp"), tr("Real ARP"),
                              tr("On: the hosts resolve each other's address with ARP, so a powered-off host makes "
                                 "connect() fail with EHOSTUNREACH after about 3 s. Off: fixed neighbour entries, the "
                                 "textbook case where only TCP's own timers notice."));
    m_natTimeout
        = SettingField::decimal(box, QStringLiteral("cableNatTimeout"), 0, 86400, 0, tr(" s"),
                                tr("A NAT router on the cable forgets a connection that stayed idle this long; "
                                   "later frames of it are dropped. 0: no NAT."));
    m_natTimeout->setSpecialValueText(tr("no NAT"));
    m_natReset
        = SettingField::check(box, QStringLiteral("cableNatReset"), tr("NAT answers forgotten flows with RST"),
                              tr("Instead of dropping the frames of a forgotten connection, the NAT answers them "
                                 "with an RST, as some firewalls do."));
    m_liveNote = new QLabel(tr("Loss, delay and the NAT change on the running cable at once."), box);
    m_arpNote = new QLabel(tr("ARP applies at the next Start: the hosts keep their neighbour entries."), box);
    m_liveNote->setObjectName(QStringLiteral("cableLiveNote"));
    m_arpNote->setObjectName(QStringLiteral("cableArpNote"));
    for (QLabel *note : {m_liveNote, m_arpNote}) {
        note->setWordWrap(true);
        QFont italic = note->font();
        italic.setItalic(true);
        note->setFont(italic);
        note->hide();
    }
    form->addRow(m_liveNote);
    form->addRow(tr("Loss"), m_loss);
    form->addRow(tr("Delay"), m_delay);
    form->addRow(tr("Jitter"), m_jitter);
    form->addRow(m_arp);
    form->addRow(m_arpNote);
    form->addRow(tr("NAT idle timeout"), m_natTimeout);
    form->addRow(m_natReset);

    for (QDoubleSpinBox *b : {m_loss, m_delay, m_jitter, m_natTimeout})
        connect(b, &QDoubleSpinBox::valueChanged, this, &CableSettingsPanel::changed);
    for (QCheckBox *b : {m_arp, m_natReset})
        connect(b, &QCheckBox::toggled, this, &CableSettingsPanel::changed);

    // One fault per setting the lab changes on the live cable (lab/Fault.h: loss, delay, nat-timeout).
    auto live = [this, box, form](const QString &name, std::function<lab::Fault()> fault) {
        auto *problem = new QLabel(box);
        problem->setObjectName(name);
        form->addRow(problem);
        auto *group = new LiveSettingGroup(problem, this);
        connect(group, &LiveSettingGroup::settled, this, [this, fault] { emit faultEdited(fault()); });
        m_live.append(group);
        return group;
    };
    LiveSettingGroup *loss = live(QStringLiteral("cableLossProblem"), [this] { return this->loss(); });
    loss->add(m_loss, tr("Loss"));
    LiveSettingGroup *delay = live(QStringLiteral("cableDelayProblem"), [this] { return this->delay(); });
    delay->add(m_delay, tr("Delay"));
    delay->add(m_jitter, tr("Jitter"));
    LiveSettingGroup *nat = live(QStringLiteral("cableNatProblem"), [this] { return this->nat(); });
    nat->add(m_natTimeout, tr("NAT idle timeout"));
    nat->add(m_natReset);
}

lab::Fault CableSettingsPanel::loss() const
{
    lab::Fault f;
    f.kind = lab::FaultKind::Loss;
    f.value = m_loss->value();
    return f;
}

lab::Fault CableSettingsPanel::delay() const
{
    lab::Fault f;
    f.kind = lab::FaultKind::Delay;
    f.value = m_delay->value();
    f.jitterMs = m_jitter->value();
    return f;
}

lab::Fault CableSettingsPanel::nat() const
{
    lab::Fault f;
    f.kind = lab::FaultKind::NatTimeout;
    f.value = m_natTimeout->value();
    f.reset = m_natReset->isChecked();
    return f;
}

void CableSettingsPanel::setRunning(bool running)
{
    m_liveNote->setVisible(running);
    m_arpNote->setVisible(running);
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
    for (LiveSettingGroup *group : std::as_const(m_live))
        group->reset();
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
