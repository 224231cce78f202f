// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/AuditMonitor.h"

#include "audit/ConnectionAudit.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

namespace halfopen::audit {

// Lives on the monitor's thread: owns the audit (its netlink socket stays on that thread).
class AuditWorker : public QObject
{
    Q_OBJECT
public:
    void configure(const QString &netnsPath, int thresholdS, int intervalMs)
    {
        m_timer.stop();
        // Someone is looking: an option a program changes shows within about two seconds,
        // while the scans in between read only sock_diag.
        m_audit = std::make_unique<ConnectionAudit>(thresholdS, std::chrono::milliseconds(2000));
        m_netnsPath = netnsPath;
        m_intervalMs = intervalMs;
        m_opened = m_audit->open(netnsPath);
        m_timer.setSingleShot(true);
        scan();
    }
    void halt()
    {
        m_timer.stop();
        m_audit.reset();
    }

signals:
    void scanned(const halfopen::audit::AuditSnapshotPtr &snapshot);

private:
    void scan()
    {
        if (!m_audit)
            return;
        auto snapshot = std::make_shared<AuditSnapshot>();
        QElapsedTimer clock;
        clock.start();
        if (!m_opened)
            m_opened = m_audit->open(m_netnsPath);
        if (!m_opened || !m_audit->scan({}, &snapshot->connections))
            snapshot->error = m_audit->errorString();
        snapshot->sysctls = m_audit->sysctls();
        snapshot->tookUs = clock.nsecsElapsed() / 1000;
        emit scanned(snapshot);
        m_timer.start(m_intervalMs);
    }

    friend class AuditMonitor;
    std::unique_ptr<ConnectionAudit> m_audit;
    QString m_netnsPath;
    int m_intervalMs = 1000;
    bool m_opened = false;
    QTimer m_timer;

public:
    AuditWorker() { connect(&m_timer, &QTimer::timeout, this, &AuditWorker::scan); }
};

AuditMonitor::AuditMonitor(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new AuditWorker)
{
    qRegisterMetaType<AuditSnapshotPtr>();
    m_thread->setObjectName(QStringLiteral("audit"));
    m_worker->moveToThread(m_thread);
    m_worker->m_timer.moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AuditWorker::scanned, this, [this](const AuditSnapshotPtr &snapshot) {
        if (m_running)
            emit scanned(snapshot);
    });
    m_thread->start();
}

void AuditMonitor::dispose(std::vector<AuditedConnection> &&connections)
{
    if (connections.empty())
        return;
    // The only owner is the call, freed in it, there.
    auto owned = std::make_shared<std::vector<AuditedConnection>>(std::move(connections));
    QMetaObject::invokeMethod(
        m_worker, [owned = std::move(owned)]() mutable { owned.reset(); }, Qt::QueuedConnection);
}

AuditMonitor::~AuditMonitor()
{
    stop();
    m_thread->quit();
    m_thread->wait();
}

void AuditMonitor::start(const QString &netnsPath, int riskThresholdS, int intervalMs)
{
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [=, this] { m_worker->configure(netnsPath, riskThresholdS, intervalMs); });
}

void AuditMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->halt(); }, Qt::BlockingQueuedConnection);
}

} // namespace halfopen::audit

#include "AuditMonitor.moc"
