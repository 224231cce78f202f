// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>

namespace halfopen::ui {

void WheelGuard::install(QWidget *root)
{
    auto *guard = new WheelGuard(root);
    QList<QWidget *> fields;
    for (QAbstractSpinBox *box : root->findChildren<QAbstractSpinBox *>())
        fields.append(box);
    for (QComboBox *box : root->findChildren<QComboBox *>())
        fields.append(box);
    for (QWidget *field : std::as_const(fields)) {
        field->setFocusPolicy(Qt::StrongFocus); // not Qt::WheelFocus: scrolling past does not focus it
        field->installEventFilter(guard);
    }
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel || static_cast<QWidget *>(watched)->hasFocus())
        return false;
    // Ignored and filtered: QApplication hands the wheel on to the parent (the scroll area).
    event->ignore();
    return true;
}

} // namespace halfopen::ui
