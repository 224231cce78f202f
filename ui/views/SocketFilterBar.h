// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace halfopen::ui {

// The row above the socket table that narrows it: which host, which states, any text; and
// whether TIME_WAIT sockets show (hidden by default, as ss hides them), with how many are hidden.
class SocketFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit SocketFilterBar(QWidget *parent = nullptr);

    // Adds a host to the host choice (once; kept in the order they appear).
    void addHost(const QString &host);
    void clearHosts();

    QComboBox *hostCombo() const { return m_host; }
    QComboBox *stateCombo() const { return m_state; }
    QLineEdit *textEdit() const { return m_text; }
    QCheckBox *timeWaitBox() const { return m_timeWait; }
    QLabel *hiddenLabel() const { return m_hidden; }

    // How many TIME_WAIT sockets the table leaves out now (the label says so; 0 hides it).
    void setHiddenTimeWait(int count);

signals:
    void hostChanged(const QString &host);                  // empty: every host
    void statesChanged(const QSet<core::TcpState> &states); // empty: every state
    void textChanged(const QString &text);
    void timeWaitShownChanged(bool shown);

private:
    void addStateChoice(const QString &title, const QList<core::TcpState> &states);
    void emitStates();

    QComboBox *m_host;
    QComboBox *m_state;
    QLineEdit *m_text;
    QCheckBox *m_timeWait;
    QLabel *m_hidden;
};

} // namespace halfopen::ui
