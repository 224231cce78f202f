// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/ApplicationAssumption.h"
#include "audit/AuditMonitor.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTextBrowser;

namespace halfopen::models {
class AuditTableModel;
class AuditTableProxy;
} // namespace halfopen::models

namespace halfopen::ui {

class ConnectionFaultBar;

// "This machine's connections": every TCP connection of this machine (or of a network
// namespace), with its process, its own keepalive and user timeout, when it would notice a
// powered-off peer, the risk in colour and words and the fix; a summary line above; the
// selected connection's predictions beside. Live: the monitor scans every second and the rows
// change in place.
class ConnectionsAuditView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionsAuditView(audit::AuditMonitor *monitor, QWidget *parent = nullptr);

    // Scans while active (the mode is chosen), not otherwise. Leaving lifts every fault.
    void setActive(bool active);

    models::AuditTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString summaryText() const;
    QString detailsText() const;
    ConnectionFaultBar *faultBar() const { return m_faultBar; }
    // The application keepalive field under the details (shown for a connection on a
    // well-known application port): the K the user knows and the audit cannot.
    QSpinBox *applicationKeepaliveField() const { return m_appKeepalive; }
    // Opens a window that watches the connection on this row of the table (as a double-click
    // does): states, samples and packets, live. Returns it, or nullptr for no such row.
    class ConnectionWatchWindow *watchRow(int proxyRow);

private:
    void restart();
    void onScanned(const audit::AuditSnapshotPtr &snapshot);
    void showDetails();

    audit::AuditMonitor *m_monitor;
    models::AuditTableModel *m_model;
    models::AuditTableProxy *m_proxy;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QComboBox *m_leastRisk;
    QSpinBox *m_threshold;
    QLineEdit *m_netns;
    QTableView *m_table;
    QLabel *m_live; // the selected connection's RTT, queues, timer
    QTextBrowser *m_details;
    QString m_detailsHtml; // what it shows
    QWidget *m_appRow;
    QLabel *m_appLabel;
    QSpinBox *m_appKeepalive;
    audit::ApplicationKeepalives m_applications;
    audit::ApplicationKeepalives::Protocol m_appProtocol = audit::ApplicationKeepalives::Protocol::None;
    QLabel *m_status;
    ConnectionFaultBar *m_faultBar;
    audit::NamespaceSysctls m_sysctls;
    bool m_active = false;
};

} // namespace halfopen::ui
