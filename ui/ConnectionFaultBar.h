// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/RealConnectionFaults.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace halfopen::audit {
struct AuditedConnection;
}

namespace halfopen::ui {

class MessageBar;

// The connections mode's fault bar: Cut (both / in / out), Replug, Abort (RST), Freeze, Thaw
// for the selected connection, through one RealConnectionFaults (hostfault, Qt Core: nothing
// here touches a socket). Every fault is confirmed first with what changes and how it is
// undone; an active fault shows as a red banner until lifted; the application's reaction
// (the controller's verdict) shows under it; a refusal shows in the bar's message line with
// the errno name and what is missing.
class ConnectionFaultBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionFaultBar(QWidget *parent = nullptr);
    // Lifts every fault it made while it is still a whole fault bar (its child would otherwise
    // lift them from QWidget's destructor and report to a half-destroyed bar).
    ~ConnectionFaultBar() override;

    // The connection the buttons act on; nullptr: none selected.
    void setConnection(const audit::AuditedConnection *connection);
    // Lifts every fault this bar made (leaving the mode, closing the window).
    void liftAll();

    hostfault::RealConnectionFaults *faults() const { return m_faults; }
    QString bannerText() const;
    QString reactionText() const;
    QString messageText() const;

private:
    void request(hostfault::FaultKind kind);
    void liftKind(hostfault::FaultKind kind);
    void refresh();
    void showReaction(int id);

    hostfault::RealConnectionFaults *m_faults;
    std::optional<hostfault::TargetConnection> m_target;
    QLabel *m_targetLabel;
    QComboBox *m_direction;
    QPushButton *m_cut;
    QPushButton *m_replug;
    QPushButton *m_abort;
    QPushButton *m_freeze;
    QPushButton *m_thaw;
    QLabel *m_banner;
    QLabel *m_reaction;
    MessageBar *m_message;
};

} // namespace halfopen::ui
