// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/TcpState.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace halfopen::lab {

// The TCP state of every socket of the lab's hosts, fed with events in time order: `state`
// and `sample` events (the endpoints' own sockets and, from sock_diag, the ones no process
// owns any more), the endpoints' connected/accepted/closed steps, and power-off faults.
//
// A host's test socket is the one its endpoint last connected or accepted (or, while a
// connect is under way, the one in SYN_SENT). A socket its endpoint closed counts as CLOSED
// until sock_diag reports it again (FIN_WAIT_*, TIME_WAIT, ...), unless sock_diag already
// reported such a state before the endpoint's `closed` step; a powered-off host's sockets are
// all gone.
class SocketStateTracker
{
public:
    void feed(const core::Event &event);

    // The test socket's state; CLOSED when there is none or it is gone.
    core::TcpState finalState(core::Host host) const;
    // Every state any socket of the host was seen in, in the kernel's numbering order.
    QList<core::TcpState> seen(core::Host host) const;
    bool wasSeen(core::Host host, core::TcpState state) const;
    // How many of the host's sockets are in `state` now.
    int socketsIn(core::Host host, core::TcpState state) const;

private:
    void set(const core::Event &event, core::TcpState state);
    void see(core::Host host, core::TcpState state);

    QHash<QString, core::TcpState> m_states; // Event::socketKey() -> state
    QHash<QString, core::Host> m_hostOf;     // Event::socketKey() -> host
    QHash<core::Host, QString> m_testSocket; // host -> socket key
    QHash<core::Host, QSet<core::TcpState>> m_seen;
};

} // namespace halfopen::lab
