// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingField.h"

#include "core/tcp/JsonFields.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace halfopen::ui {

namespace {

const char *const kMinimum = "allowedMinimum";
const char *const kMaximum = "allowedMaximum";

QString withRange(const QString &tooltip, const QString &minimum, const QString &maximum, const QString &suffix)
{
    return QCoreApplication::translate("SettingField", "%1\nAllowed: %2 to %3%4.")
        .arg(tooltip, minimum, maximum, suffix);
}

// The box takes any number the user types, so "150" in a 0-100 field stays "150" and is refused
// with the range, instead of losing a digit as it is typed ("15"); the arrows stay in range.
class BoundedSpinBox : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;
    void stepBy(int steps) override
    {
        const int lo = property(kMinimum).toInt();
        const int hi = property(kMaximum).toInt();
        setValue(qBound(lo, qBound(lo, value(), hi) + steps * singleStep(), hi));
    }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled e = StepNone;
        if (value() > property(kMinimum).toInt())
            e |= StepDownEnabled;
        if (value() < property(kMaximum).toInt())
            e |= StepUpEnabled;
        return e;
    }
};

class BoundedDoubleSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    void stepBy(int steps) override
    {
        const double lo = property(kMinimum).toDouble();
        const double hi = property(kMaximum).toDouble();
        setValue(qBound(lo, qBound(lo, value(), hi) + steps * singleStep(), hi));
    }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled e = StepNone;
        if (value() > property(kMinimum).toDouble())
            e |= StepDownEnabled;
        if (value() < property(kMaximum).toDouble())
            e |= StepUpEnabled;
        return e;
    }
};

// As far as a user types: nine digits, more than any field takes.
constexpr int kTypedMaximum = 999'999'999;

} // namespace

QSpinBox *SettingField::spin(QWidget *parent, const QString &objectName, int minimum, int maximum,
                             const QString &suffix, const QString &tooltip)
{
    auto *box = new BoundedSpinBox(parent);
    box->setObjectName(objectName);
    box->setProperty(kMinimum, minimum);
    box->setProperty(kMaximum, maximum);
    // Below the minimum too, down to 0: "0" typed in a 1-to-N field stays and is refused with
    // the range like a value above it (a special value text, shown at the box's minimum, is only
    // ever given to fields that start at 0).
    box->setRange(qMin(minimum, 0), qMax(maximum, kTypedMaximum));
    box->setValue(minimum);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setToolTip(withRange(tooltip, QString::number(minimum), QString::number(maximum), suffix));
    return box;
}

QDoubleSpinBox *SettingField::decimal(QWidget *parent, const QString &objectName, double minimum, double maximum,
                                      int decimals, const QString &suffix, const QString &tooltip)
{
    auto *box = new BoundedDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setProperty(kMinimum, minimum);
    box->setProperty(kMaximum, maximum);
    box->setDecimals(decimals);
    box->setRange(qMin(minimum, 0.0), qMax(maximum, double(kTypedMaximum)));
    box->setValue(minimum);
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

std::optional<std::pair<double, double>> SettingField::allowedRange(const QAbstractSpinBox *box)
{
    const QVariant lo = box->property(kMinimum);
    const QVariant hi = box->property(kMaximum);
    if (!lo.isValid() || !hi.isValid())
        return std::nullopt;
    return std::pair(lo.toDouble(), hi.toDouble());
}

bool SettingField::inRange(const QAbstractSpinBox *box)
{
    const auto range = allowedRange(box);
    if (!range)
        return true;
    double value = 0;
    if (const auto *spin = qobject_cast<const QSpinBox *>(box))
        value = spin->value();
    else if (const auto *decimal = qobject_cast<const QDoubleSpinBox *>(box))
        value = decimal->value();
    else
        return true;
    return value >= range->first && value <= range->second;
}

QString SettingField::rangeText(const QAbstractSpinBox *box)
{
    const auto range = allowedRange(box);
    QString suffix;
    int decimals = 0;
    if (const auto *spin = qobject_cast<const QSpinBox *>(box)) {
        suffix = spin->suffix();
    } else if (const auto *decimal = qobject_cast<const QDoubleSpinBox *>(box)) {
        suffix = decimal->suffix();
        decimals = decimal->decimals();
    }
    if (!range)
        return {};
    return QCoreApplication::translate("LiveSettingGroup", "%1 to %2%3", "allowed range: minimum, maximum, unit")
        .arg(range->first, 0, 'f', decimals)
        .arg(range->second, 0, 'f', decimals)
        .arg(suffix);
}

QString SettingField::problemText(const QAbstractSpinBox *box, const QString &name)
{
    QString typed;
    QString suffix;
    if (const auto *spin = qobject_cast<const QSpinBox *>(box)) {
        typed = spin->cleanText();
        suffix = spin->suffix();
    } else if (const auto *decimal = qobject_cast<const QDoubleSpinBox *>(box)) {
        typed = decimal->cleanText();
        suffix = decimal->suffix();
    }
    // The text as typed; what the box's editor holds when it refused the text (emptied, say).
    if (const auto *editor = box->findChild<QLineEdit *>())
        typed = editor->text().remove(suffix);
    typed = typed.trimmed();
    const QString given = typed.isEmpty() ? core::JsonFields::emptyText() : typed;
    const auto range = allowedRange(box);
    double lo = 0;
    double hi = 0;
    if (range) {
        lo = range->first;
        hi = range->second;
    } else if (const auto *spin = qobject_cast<const QSpinBox *>(box)) {
        lo = spin->minimum();
        hi = spin->maximum();
    } else if (const auto *decimal = qobject_cast<const QDoubleSpinBox *>(box)) {
        lo = decimal->minimum();
        hi = decimal->maximum();
    }
    const QString rule = qobject_cast<const QSpinBox *>(box)
        ? core::JsonFields::wholeNumberRule(qint64(lo), qint64(hi), given, suffix)
        : core::JsonFields::numberRule(lo, hi, given, suffix);
    return core::JsonFields::problem(name, rule);
}

QStringList SettingField::outOfRange(const QWidget *root)
{
    QStringList problems;
    for (const QAbstractSpinBox *box : root->findChildren<QAbstractSpinBox *>()) {
        if (!box->isEnabled() || !box->isVisibleTo(root->window()) || inRange(box))
            continue;
        // The field's name as its form labels it.
        QString name = box->objectName();
        if (const auto *form
            = qobject_cast<const QFormLayout *>(box->parentWidget() ? box->parentWidget()->layout() : nullptr)) {
            if (const auto *label
                = qobject_cast<const QLabel *>(form->labelForField(const_cast<QAbstractSpinBox *>(box))))
                name = label->text().remove(QLatin1Char('&'));
        }
        problems << problemText(box, name);
    }
    return problems;
}

} // namespace halfopen::ui
