// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/EventPipeReader.h"
#include "core/session/Session.h"

#include <QProcess>
#include <QWidget>

class QLabel;

namespace halfopen::models {
class SocketTableModel;
class TimelineModel;
} // namespace halfopen::models

namespace halfopen::ui {

class SocketTableView;
class TimelineChart;

// One connection of this machine, live, in the lab's own views: its socket row, and the
// timeline with states, tcp_info samples (RTO plot) and packets. The events come from
// `halfopen-cli watch --json` run as a child process, which runs the capture helper in turn:
// the window itself opens no socket and needs no capability (Wireshark's dumpcap model).
class ConnectionWatchWindow : public QWidget
{
    Q_OBJECT
public:
    ConnectionWatchWindow(const QString &local, const QString &remote, const QString &netnsPath,
                          QWidget *parent = nullptr);
    ~ConnectionWatchWindow() override;

    core::Session *session() { return &m_session; }
    QString statusText() const;
    bool isWatching() const { return m_process.state() != QProcess::NotRunning; }

    // The halfopen-cli the window runs: $HALFOPEN_CLI, else the one beside its own executable.
    static QString cliPath();

private:
    void readEvents();
    void readErrors();

    core::Session m_session;
    models::SocketTableModel *m_table;
    models::TimelineModel *m_timeline;
    SocketTableView *m_tableView;
    TimelineChart *m_chart;
    QLabel *m_status;
    QProcess m_process;
    core::EventPipeReader m_events; // the capture's stdout
    QStringList m_problems;
};

} // namespace halfopen::ui
