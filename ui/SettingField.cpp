#include "ui/SettingField.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QSpinBox>

namespace halfopen::ui {

namespace {

QString withRange(const QString &tooltip, const QString &minimum, const QString &maximum, const QString &suffix)
{
    return QCoreApplication::translate("SettingField", "%1\nAllowed: %2 to %3%4.").arg(tooltip, minimum, maximum, suffix);
}

} // namespace

QSpinBox *SettingField::spin(QWidget *parent, const QString &objectName, int minimum, int maximum, const QString &suffix,
                             const QString &tooltip)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setToolTip(withRange(tooltip, QString::number(minimum), QString::number(maximum), suffix));
    return box;
}

QDoubleSpinBox *SettingField::decimal(QWidget *parent, const QString &objectName, double minimum, double maximum, int decimals,
                                      const QString &suffix, const QString &tooltip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setDecimals(decimals);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setToolTip(withRange(tooltip, QString::number(minimum), QString::number(maximum), suffix));
    return box;
}

QCheckBox *SettingField::check(QWidget *parent, const QString &objectName, const QString &text, const QString &tooltip)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(objectName);
    box->setToolTip(tooltip);
    return box;
}

} // namespace halfopen::ui
