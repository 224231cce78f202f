// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagSnapshot.h"
#include "core/session/Event.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace halfopen::realnet {

// Every TCP socket of this machine (our own network namespace) on the test port, through
// sock_diag with the kernel filtering by port, as `ss -tan '( sport = :P or dport = :P )'`
// would list them. The endpoint's connected sockets are reported by its own sampler; this adds
// what it cannot see: its listener, its sockets after it let go of them (FIN_WAIT, TIME_WAIT),
// and other programs' sockets on the same port (host "other": a local MQTT client of the same
// broker, or a loopback peer).
class HostSocketObserver : public QObject
{
    Q_OBJECT
public:
    explicit HostSocketObserver(int intervalMs = 100, QObject *parent = nullptr);

    // Starts watching `port`; the endpoint's sockets are reported under `endpointHost`. The
    // first look reports every socket already there. False with a message.
    bool start(quint16 port, core::Host endpointHost, QString *error);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // The endpoint process: the sockets it holds are ours.
    void setEndpointPid(qint64 pid) { m_endpointPid = pid; }
    // An event of the endpoint: the connections it reports are ours, and its sampler covers them.
    void noteEndpointEvent(const core::Event &event);
    // Looks now instead of at the next tick.
    void poll();

signals:
    void event(const halfopen::core::Event &event);

private:
    core::Host ownerOf(const core::SockDiagRow &row, const QSet<quint32> &endpointInodes);
    static QString tupleKey(const core::SockDiagRow &row);

    core::SockDiagClient m_client;
    core::SockDiagSnapshot m_previous;
    QTimer m_timer;
    quint16 m_port = 0;
    core::Host m_host = core::Host::None;
    qint64 m_endpointPid = 0;
    QSet<QString> m_sampled;                            // "local|remote" the endpoint's sampler reports
    QHash<QString, core::Host> m_owner;                 // "local|remote" -> host, decided once
    QHash<QString, core::TcpInfoSample> m_otherSamples; // last sample reported for "other" sockets
};

} // namespace halfopen::realnet
