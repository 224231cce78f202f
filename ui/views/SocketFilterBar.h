// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace halfopen::ui {

// The row above the socket table that narrows it: which host, which states, any text.
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

signals:
    void hostChanged(const QString &host);                  // empty: every host
    void statesChanged(const QSet<core::TcpState> &states); // empty: every state
    void textChanged(const QString &text);

private:
    void addStateChoice(const QString &title, const QList<core::TcpState> &states);
    void emitStates();

    QComboBox *m_host;
    QComboBox *m_state;
    QLineEdit *m_text;
};

} // namespace halfopen::ui
