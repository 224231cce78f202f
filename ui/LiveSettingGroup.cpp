// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LiveSettingGroup.h"

#include "ui/SettingField.h"
#include "ui/views/StateColors.h"
#include "ui/views/ThemeColors.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace halfopen::ui {

LiveSettingGroup::LiveSettingGroup(QLabel *problem, QObject *parent, int delayMs)
    : QObject(parent)
    , m_problem(problem)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveSettingGroup::settleNow);
    m_problem->setWordWrap(true);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, readableOn(alarmColor(), palette.color(QPalette::Window)));
    m_problem->setPalette(palette);
    m_problem->hide();
}

void LiveSettingGroup::add(QSpinBox *box, const QString &name)
{
    connect(box, &QSpinBox::textChanged, this, &LiveSettingGroup::edited);
    addField(box, name);
}

void LiveSettingGroup::add(QDoubleSpinBox *box, const QString &name)
{
    connect(box, &QDoubleSpinBox::textChanged, this, &LiveSettingGroup::edited);
    addField(box, name);
}

void LiveSettingGroup::add(QCheckBox *box)
{
    connect(box, &QCheckBox::toggled, this, &LiveSettingGroup::edited);
}

void LiveSettingGroup::add(QGroupBox *box)
{
    connect(box, &QGroupBox::toggled, this, &LiveSettingGroup::edited);
}

void LiveSettingGroup::addField(QAbstractSpinBox *box, const QString &name)
{
    // The box signals only values it accepts; text it does not (emptied, below the minimum)
    // shows only in its editor.
    if (auto *editor = box->findChild<QLineEdit *>())
        connect(editor, &QLineEdit::textEdited, this, &LiveSettingGroup::edited);
    m_fields.append({box, name, box->toolTip(), false});
}

void LiveSettingGroup::edited()
{
    m_timer.start();
}

void LiveSettingGroup::reset()
{
    m_timer.stop();
    for (Field &field : m_fields) {
        if (field.box)
            unmark(field);
    }
    m_problem->clear();
    m_problem->hide();
}

void LiveSettingGroup::settleNow()
{
    m_timer.stop();
    QStringList problems;
    for (Field &field : m_fields) {
        if (!field.box)
            continue;
        // A disabled field (keepalive off) is not sent, whatever it holds.
        if ((field.box->hasAcceptableInput() && SettingField::inRange(field.box)) || !field.box->isEnabled()) {
            unmark(field);
            continue;
        }
        const QString problem = SettingField::problemText(field.box, field.name) + QLatin1Char('.');
        mark(field, problem);
        problems.append(problem);
    }
    if (!problems.isEmpty()) {
        m_problem->setText(tr("Not applied. %1").arg(problems.join(QLatin1Char(' '))));
        m_problem->show();
        return;
    }
    m_problem->clear();
    m_problem->hide();
    emit settled();
}

QString LiveSettingGroup::problems() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void LiveSettingGroup::mark(Field &field, const QString &problem)
{
    // A red-tinted field, visible even when it is empty; its text stays readable on the tint.
    QPalette palette = field.box->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor alarm = alarmColor();
    constexpr double kTint = 0.3;
    const QColor tint = QColor::fromRgbF(base.redF() + (alarm.redF() - base.redF()) * kTint,
                                         base.greenF() + (alarm.greenF() - base.greenF()) * kTint,
                                         base.blueF() + (alarm.blueF() - base.blueF()) * kTint);
    palette.setColor(QPalette::Base, tint);
    palette.setColor(QPalette::Text, readableOn(palette.color(QPalette::Text), tint));
    field.box->setPalette(palette);
    field.box->setToolTip(problem + QStringLiteral("\n\n") + field.toolTip);
    field.marked = true;
}

void LiveSettingGroup::unmark(Field &field)
{
    if (!field.marked)
        return;
    field.box->setPalette(QPalette());
    field.box->setToolTip(field.toolTip);
    field.marked = false;
}

} // namespace halfopen::ui
