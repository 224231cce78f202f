// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class QAbstractSpinBox;
class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;
class QWidget;

namespace halfopen::ui {

// The settings panels' input fields, made one way: an objectName tests can find, the allowed
// range stated in the tooltip next to the plain-words explanation, and the unit as a suffix.
// The box takes any number typed (its arrows stay in range): a value outside the range is
// refused where it would be used, naming the field and the range, never cut to fit.
class SettingField
{
public:
    static QSpinBox *spin(QWidget *parent, const QString &objectName, int minimum, int maximum, const QString &suffix,
                          const QString &tooltip);
    static QDoubleSpinBox *decimal(QWidget *parent, const QString &objectName, double minimum, double maximum,
                                   int decimals, const QString &suffix, const QString &tooltip);
    static QCheckBox *check(QWidget *parent, const QString &objectName, const QString &text, const QString &tooltip);

    // The range a field made here allows; nullopt for any other box.
    static std::optional<std::pair<double, double>> allowedRange(const QAbstractSpinBox *box);
    static bool inRange(const QAbstractSpinBox *box);
    static QString rangeText(const QAbstractSpinBox *box); // "1 to 32767 s"
    // Every enabled, visible field under `root` holding a value outside its range, as
    // "Idle before first probe cannot be “99999999”: allowed 1 to 32767 s."
    static QStringList outOfRange(const QWidget *root);
};

} // namespace halfopen::ui
