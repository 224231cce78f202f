#pragma once

#include "lab/Fault.h"

#include <QWidget>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QToolButton;

namespace halfopen::ui {

// The buttons that do things to the lab's world: for each host Unplug/Replug, Power off/on,
// Reboot, Kill, Freeze/Thaw, Close, Abort (RST), Send now; for the cable ICMP unreachable,
// loss and delay. Each has a keyboard shortcut (server Ctrl+Shift+key, client Alt+Shift+key)
// and an objectName like "serverPowerOffButton". Enabled while a lab run is under way.
class FaultBar : public QWidget
{
    Q_OBJECT
public:
    explicit FaultBar(QWidget *parent = nullptr);

    void setRunning(bool running);

signals:
    void faultRequested(const halfopen::lab::Fault &fault);

private:
    void addHostRow(QGridLayout *grid, int row, const QString &host, const QString &title, const QString &modifiers);
    void addCableRow(QGridLayout *grid, int row);
    QLabel *rowLabel(const QString &text);
    QToolButton *addButton(QWidget *parent, const QString &objectName, const QString &text, const QString &tooltip,
                           const QKeySequence &shortcut);

    QList<QWidget *> m_controls;
    QDoubleSpinBox *m_loss = nullptr;
    QDoubleSpinBox *m_delay = nullptr;
};

} // namespace halfopen::ui
