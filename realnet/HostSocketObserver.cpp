// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/HostSocketObserver.h"

#include "audit/ProcessSocketMap.h"
#include "core/observe/SnapshotDiff.h"
#include "core/session/MonotonicClock.h"

namespace halfopen::realnet {

using namespace halfopen::core;

HostSocketObserver::HostSocketObserver(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HostSocketObserver::poll);
}

bool HostSocketObserver::start(quint16 port, core::Host endpointHost, QString *error)
{
    stop();
    if (!m_client.open()) {
        *error = m_client.errorString();
        return false;
    }
    m_port = port;
    m_host = endpointHost;
    m_endpointPid = 0;
    m_previous = {};
    m_sampled.clear();
    m_owner.clear();
    m_otherSamples.clear();
    m_timer.start();
    return true;
}

void HostSocketObserver::stop()
{
    m_timer.stop();
    m_client.close();
}

QString HostSocketObserver::tupleKey(const SockDiagRow &row)
{
    return row.local.toString() + QLatin1Char('|') + row.remote.toString();
}

void HostSocketObserver::noteEndpointEvent(const Event &event)
{
    if (event.host != m_host || event.local.isEmpty() || event.remote.isEmpty())
        return;
    const QString key = event.local + QLatin1Char('|') + event.remote;
    m_owner.insert(key, m_host);
    if (event.kind == EventKind::State || event.kind == EventKind::Sample)
        m_sampled.insert(key);
}

core::Host HostSocketObserver::ownerOf(const SockDiagRow &row, const QSet<quint32> &endpointInodes)
{
    const QString key = tupleKey(row);
    if (const auto known = m_owner.constFind(key); known != m_owner.constEnd())
        return *known;
    core::Host owner = core::Host::None;
    if (row.inode != 0)
        owner = endpointInodes.contains(row.inode) ? m_host : core::Host::Other;
    else
        // Nobody holds it: an orphan, or a connection still in our listener's accept queue.
        // Our orphans were reported by the endpoint before (noted above); a server's queue
        // holds connections to its own port.
        owner = m_host == core::Host::Server && row.local.port() == m_port && endpointInodes.size() > 0
            ? m_host
            : core::Host::Other;
    m_owner.insert(key, owner);
    return owner;
}

void HostSocketObserver::poll()
{
    SockDiagFilter filter;
    filter.port = m_port;
    SockDiagSnapshot now;
    if (!m_client.dump(filter, &now))
        return;
    // After the dump: a socket the endpoint opened is in its fd table by the time we look.
    // Which of these sockets our endpoint holds: audit's /proc/PID/fd map, one place for that fact.
    QSet<quint32> wanted;
    for (const SockDiagRow &row : m_previous.rows)
        wanted.insert(row.inode);
    for (const SockDiagRow &row : now.rows)
        wanted.insert(row.inode);
    QSet<quint32> inodes;
    if (m_endpointPid > 0) {
        audit::ProcessSocketMap holders;
        holders.scan(wanted, m_endpointPid);
        for (quint32 inode : std::as_const(wanted)) {
            if (!holders.holdersOf(inode).isEmpty())
                inodes.insert(inode);
        }
    }
    QHash<QString, const SockDiagRow *> rowOf; // the socket as it is now, or as last seen if gone
    for (const SockDiagRow &row : m_previous.rows)
        rowOf.insert(tupleKey(row), &row);
    for (const SockDiagRow &row : now.rows)
        rowOf.insert(tupleKey(row), &row);

    for (Event e : SnapshotDiff(m_host).stateEvents(m_previous, now)) {
        const QString key = e.local + QLatin1Char('|') + e.remote;
        const SockDiagRow *row = rowOf.value(key);
        if (!row)
            continue;
        e.host = ownerOf(*row, inodes);
        // A connection the endpoint holds (or held until it vanished) and samples: its sampler
        // reports it, in more detail. Once the endpoint lets go (inode 0), it is ours to report.
        if (e.host == m_host && row->inode != 0 && m_sampled.contains(key))
            continue;
        emit event(e);
        if (e.host == core::Host::Other && e.sample)
            m_otherSamples.insert(key, *e.sample);
    }

    // Other programs' connections get samples too, when something visible changed: a real
    // application's socket next to ours, retransmitting after the same cable was pulled.
    for (const SockDiagRow &row : now.rows) {
        if (!row.hasTcpInfo)
            continue;
        const QString key = tupleKey(row);
        if (m_owner.value(key) != core::Host::Other)
            continue;
        const auto last = m_otherSamples.constFind(key);
        if (last != m_otherSamples.constEnd() && !row.sample.differsVisiblyFrom(*last))
            continue;
        Event e;
        e.kind = EventKind::Sample;
        e.tUs = now.takenAtUs;
        e.host = core::Host::Other;
        e.local = row.local.toString();
        e.remote = row.remote.toString();
        e.sample = row.sample;
        m_otherSamples.insert(key, row.sample);
        emit event(e);
    }
    for (const SockDiagRow &row : m_previous.rows) {
        if (!now.find(row.local, row.remote))
            m_otherSamples.remove(tupleKey(row));
    }
    m_previous = std::move(now);
}

} // namespace halfopen::realnet
