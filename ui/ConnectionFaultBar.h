// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/RealConnectionFaults.h"

#include <QHash>
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
// here touches a socket). Replug lifts the selected connection's cut and Thaw continues the
// process holding it; Lift all faults lifts every cut and freeze made here, as leaving the
// mode and closing the window do. Every fault is confirmed first with what changes and how it is
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
    // The active faults as the connections table marks its rows: the cut ones by "LOCAL
    // REMOTE" ("cut (both directions) since 12:03:04"), and by "REMOTE LOCAL" their other end
    // in this machine's words when the peer is a local socket too (its outgoing is our
    // incoming); the frozen processes by pid.
    QHash<QString, QString> cutMarks() const;
    QHash<qint64, QString> frozenMarks() const;
    QString bannerText() const;
    QString reactionText() const;
    QString messageText() const;

signals:
    // A fault was applied or lifted: the marks changed.
    void faultsChanged();

private:
    void request(hostfault::FaultKind kind);
    // The active fault of this kind on the selected connection (its cut, its process's freeze).
    std::optional<hostfault::RealConnectionFaults::ActiveFault> selectedFault(hostfault::FaultKind kind) const;
    void liftSelected(hostfault::FaultKind kind);
    QString sinceText(qint64 sinceUs) const;
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
    QPushButton *m_liftAll;
    QLabel *m_banner;
    QLabel *m_reaction;
    MessageBar *m_message;
};

} // namespace halfopen::ui
