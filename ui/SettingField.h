#pragma once

#include <QString>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;
class QWidget;

namespace halfopen::ui {

// The settings panels' input fields, made one way: an objectName tests can find, the allowed
// range enforced by the box and stated in the tooltip next to the plain-words explanation,
// and the unit as a suffix.
class SettingField
{
public:
    static QSpinBox *spin(QWidget *parent, const QString &objectName, int minimum, int maximum, const QString &suffix,
                          const QString &tooltip);
    static QDoubleSpinBox *decimal(QWidget *parent, const QString &objectName, double minimum, double maximum, int decimals,
                                   const QString &suffix, const QString &tooltip);
    static QCheckBox *check(QWidget *parent, const QString &objectName, const QString &text, const QString &tooltip);
};

} // namespace halfopen::ui
