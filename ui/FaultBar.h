// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"
#include "lab/LabWorld.h"

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
// On a real network only this machine's application can be acted on (Close, Abort, Send now,
// Kill process: "realCloseButton"...), and the big "I pulled the cable now" marker (Space,
// "markerButton") records when the user broke the real world.
class FaultBar : public QWidget
{
    Q_OBJECT
public:
    explicit FaultBar(QWidget *parent = nullptr);

    void setRunning(bool running);
    // The lab's world as the fault events left it: what cannot apply (power on a running host,
    // thaw what is not frozen, unplug twice) is disabled.
    void setWorld(const lab::LabWorld &world);
    // Real-network mode, this machine being `host` (client or server); false: the lab's bar.
    void setRealNetwork(bool real, core::Host host = core::Host::None);

signals:
    void faultRequested(const halfopen::lab::Fault &fault);
    // A field holds what no fault can carry (loss 150 %): the sentence names it and its range.
    void problem(const QString &message);

protected:
    // Space sets the marker whatever has focus in this window: a settings field must not
    // swallow it as a typed space while the user is pulling a cable.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct HostButton
    {
        QToolButton *button;
        core::Host host;
        lab::FaultKind kind;
    };
    void updateEnabled();
    bool markerAvailable() const;
    void pressMarker();
    void addHostRow(QGridLayout *grid, int row, core::Host host, const QString &title, const QString &modifiers);
    void addCableRow(QGridLayout *grid, int row);
    QWidget *buildRealNetworkRow();
    QLabel *rowLabel(const QString &text);
    QToolButton *addButton(QWidget *parent, const QString &objectName, const QString &text, const QString &tooltip,
                           const QKeySequence &shortcut);

    QList<QWidget *> m_controls;
    QList<HostButton> m_hostButtons;
    lab::LabWorld m_world;
    bool m_running = false;
    QWidget *m_labPart = nullptr;
    QWidget *m_realPart = nullptr;
    QLabel *m_realTitle = nullptr;
    QToolButton *m_marker = nullptr;
    core::Host m_realHost = core::Host::Client;
    QDoubleSpinBox *m_loss = nullptr;
    QDoubleSpinBox *m_delay = nullptr;
};

} // namespace halfopen::ui
