// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagSnapshot.h"
#include "core/session/Event.h"

#include <QObject>
#include <QTimer>

namespace halfopen::lab {

// Watches every TCP socket of one host through sock_diag and reports the state changes of the
// sockets no process holds any more (inode 0: orphans in FIN_WAIT/LAST_ACK/CLOSING, TIME_WAIT),
// which the endpoint's own sampler cannot see.
//
// It looks only when something can have changed: such a socket changes when a segment reaches
// or leaves the host (the cable saw a frame: noteActivity), when its process lets go of it (the
// endpoint said something or exited: noteActivity), or when one of its timers fires (each look
// schedules the next at the earliest orphan's timer expiry). Looks come at most every
// `intervalMs`, the first one a moment after the activity; an idle host costs nothing but one
// safety look every few seconds.
class SocketObserver : public QObject
{
    Q_OBJECT
public:
    SocketObserver(core::Host host, int intervalMs = 100, QObject *parent = nullptr);

    // Starts watching the namespace held by netnsFd; false with a message.
    bool start(int netnsFd, QString *error);
    void stop();
    bool isRunning() const { return m_client.isOpen(); }

    // Something may have changed a socket: look soon (coalesced, at most every intervalMs).
    void noteActivity();
    // How many dumps so far (for tests and the bench).
    int lookCount() const { return m_looks; }

signals:
    void event(const halfopen::core::Event &event);

private:
    void poll();
    void lookAt(qint64 dueUs);

    core::Host m_host;
    int m_intervalMs;
    core::SockDiagClient m_client;
    core::SockDiagSnapshot m_previous;
    QTimer m_timer;
    qint64 m_dueUs = 0; // when m_timer fires, while active
    qint64 m_lastLookUs = 0;
    int m_looks = 0;
};

} // namespace halfopen::lab
