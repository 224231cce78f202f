// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace halfopen::ui {

// Keeps the mouse wheel from changing a value the user only scrolled past: spin boxes and
// combo boxes under `root` take focus by click or Tab (not by the wheel) and take the wheel
// only while focused; otherwise it goes on to the scroll area around them.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    // Guards every spin box and combo box under `root` now; the guard is a child of `root`.
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace halfopen::ui
