// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"
#include "audit/NamespaceSysctls.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QThread;

namespace halfopen::audit {

// One scan's result, handed from the scanning thread to whoever shows it.
struct AuditSnapshot
{
    std::vector<AuditedConnection> connections;
    NamespaceSysctls sysctls;
    QString error;     // set when the scan failed (the namespace could not be opened…)
    qint64 tookUs = 0; // how long the scan took
};
using AuditSnapshotPtr = std::shared_ptr<AuditSnapshot>;

class AuditWorker;

// Audits a namespace again and again on a thread of its own (a scan of 10 000 connections
// takes a good part of a second, which a window must not wait for): the next scan starts
// `intervalMs` after the previous one ended. Qt Core only, for the window and the exporter.
class AuditMonitor : public QObject
{
    Q_OBJECT
public:
    explicit AuditMonitor(QObject *parent = nullptr);
    ~AuditMonitor() override;

    // Starts (or restarts with new settings) scanning `netnsPath` (empty: this process's
    // namespace) with this risk threshold.
    void start(const QString &netnsPath = QString(), int riskThresholdS = 300, int intervalMs = 1000);
    void stop();
    bool isRunning() const { return m_running; }
    // Frees a scan's connections on the monitor's thread: 10 000 of them take about a
    // millisecond to free, which the window's thread need not spend.
    void dispose(std::vector<AuditedConnection> &&connections);

signals:
    void scanned(const halfopen::audit::AuditSnapshotPtr &snapshot);

private:
    QThread *m_thread;
    AuditWorker *m_worker;
    bool m_running = false;
};

} // namespace halfopen::audit

Q_DECLARE_METATYPE(halfopen::audit::AuditSnapshotPtr)
