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
    // What is wrong with the field's value, in the words the scenario reader, the supervisor and
    // the CLI use (core::JsonFields): "Idle before first probe: must be a whole number from 1 to
    // 32767 s, not 99999999"; `name` is the field's as the user reads it.
    static QString problemText(const QAbstractSpinBox *box, const QString &name);
    // Every enabled, visible field under `root` holding a value outside its range, each as
    // problemText() with the field's form label as its name.
    static QStringList outOfRange(const QWidget *root);
};

} // namespace halfopen::ui
