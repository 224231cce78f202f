// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagSnapshot.h"
#include "core/session/Event.h"

#include <QList>
#include <QString>

namespace halfopen::core {

// Turns two snapshots of one namespace into `state` events: how the product sees sockets that
// no process of ours owns (TIME_WAIT after a kill -9, CLOSE_WAIT piling up in a server).
// A socket that changed state gives FROM -> TO, one that appeared UNKNOWN -> its state, one
// that is gone its last state -> CLOSED. Each event carries the socket's sample at the change
// (for a vanished socket, the last one seen) and the later snapshot's time.
class SnapshotDiff
{
public:
    explicit SnapshotDiff(Host host);

    // Sockets are matched by the kernel's cookie; rows left unmatched are then matched by
    // 4-tuple, which pairs a half-open request socket with the full socket that replaced it.
    QList<Event> stateEvents(const SockDiagSnapshot &before, const SockDiagSnapshot &after) const;

private:
    Event stateEvent(const SockDiagRow &row, TcpState from, TcpState to, const TcpInfoSample &sample, qint64 tUs) const;

    Host m_host;
};

} // namespace halfopen::core
