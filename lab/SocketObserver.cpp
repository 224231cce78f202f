#include "lab/SocketObserver.h"

#include "core/observe/SnapshotDiff.h"

namespace halfopen::lab {

using namespace halfopen::core;

SocketObserver::SocketObserver(const QString &host, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SocketObserver::poll);
}

bool SocketObserver::start(int netnsFd, QString *error)
{
    stop();
    if (!m_client.openInNamespace(netnsFd)) {
        *error = m_client.errorString();
        return false;
    }
    m_previous = {};
    m_client.dump(SockDiagFilter{}, &m_previous);
    m_timer.start();
    return true;
}

void SocketObserver::stop()
{
    m_timer.stop();
    m_client.close();
}

void SocketObserver::poll()
{
    SockDiagSnapshot now;
    if (!m_client.dump(SockDiagFilter{}, &now))
        return;
    const QList<Event> events = SnapshotDiff(m_host).stateEvents(m_previous, now);
    for (const Event &e : events) {
        // Sockets a process holds are reported by that process's sampler; only orphans here.
        const SockDiagRow *row = nullptr;
        for (const SockDiagRow &r : now.rows) {
            if (r.local.toString() == e.local && r.remote.toString() == e.remote)
                row = &r;
        }
        if (!row) {
            for (const SockDiagRow &r : m_previous.rows) {
                if (r.local.toString() == e.local && r.remote.toString() == e.remote)
                    row = &r;
            }
        }
        if (row && row->inode == 0 && row->sample.state != TcpState::Listen)
            emit event(e);
    }
    m_previous = std::move(now);
}

} // namespace halfopen::lab
