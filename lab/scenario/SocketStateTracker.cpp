// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/SocketStateTracker.h"
#include "core/session/ErrorFields.h"

#include <algorithm>

namespace halfopen::lab {

using core::Event;
using core::EventKind;
using core::TcpState;

namespace {

// States a socket reaches only once its own side has closed (or shut down writing).
bool isAfterClose(TcpState state)
{
    switch (state) {
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
    case TcpState::TimeWait:
    case TcpState::LastAck:
    case TcpState::Closed:
        return true;
    default:
        return false;
    }
}

} // namespace

void SocketStateTracker::see(core::Host host, TcpState state)
{
    if (state != TcpState::Unknown)
        m_seen[host].insert(state);
}

void SocketStateTracker::set(const Event &e, TcpState state)
{
    const QString key = e.socketKey();
    m_states.insert(key, state);
    m_hostOf.insert(key, e.host);
    see(e.host, state);
    if (state == TcpState::SynSent)
        m_testSocket.insert(e.host, key);
}

void SocketStateTracker::feed(const Event &e)
{
    switch (e.kind) {
    case EventKind::State:
        if (e.local.isEmpty() && e.remote.isEmpty())
            return;
        see(e.host, e.fromState);
        set(e, e.toState);
        return;
    case EventKind::Sample:
        if (e.sample && e.sample->state != TcpState::Unknown && !(e.local.isEmpty() && e.remote.isEmpty()))
            set(e, e.sample->state);
        return;
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Connected) || e.is(core::EndpointStep::Accepted)) {
            m_testSocket.insert(e.host, e.socketKey());
            if (m_states.value(e.socketKey(), TcpState::Unknown) == TcpState::Unknown)
                set(e, TcpState::Established);
        } else if (e.is(core::EndpointStep::Closed) && !e.local.isEmpty()) {
            // Gone for the application; sock_diag reports it if the kernel keeps it a while.
            // The closing handshake can finish before close() returns to the endpoint that
            // stamps this step, so a state only a close leads to may already be on record:
            // it is the kernel's word and stays.
            if (!isAfterClose(m_states.value(e.socketKey(), TcpState::Unknown)))
                m_states.insert(e.socketKey(), TcpState::Closed);
            m_hostOf.insert(e.socketKey(), e.host);
        }
        return;
    case EventKind::Error:
        // A failed connect leaves no `closed` step behind: its socket is gone.
        if (core::ErrorFields::of(e).operation == core::SocketOperation::Connect) {
            const QString key = m_testSocket.value(e.host);
            if (m_states.value(key) == TcpState::SynSent)
                m_states.insert(key, TcpState::Closed);
        }
        return;
    case EventKind::Fault:
        if (e.is(core::FaultKind::PowerOff) || e.is(core::FaultKind::Reboot)) {
            for (auto it = m_states.begin(); it != m_states.end(); ++it) {
                if (m_hostOf.value(it.key()) == e.host)
                    it.value() = TcpState::Closed;
            }
        }
        return;
    default:
        return;
    }
}

TcpState SocketStateTracker::finalState(core::Host host) const
{
    const auto key = m_testSocket.constFind(host);
    if (key == m_testSocket.constEnd())
        return TcpState::Closed;
    const TcpState state = m_states.value(*key, TcpState::Closed);
    return state == TcpState::Unknown ? TcpState::Closed : state;
}

QList<TcpState> SocketStateTracker::seen(core::Host host) const
{
    const QSet<TcpState> set = m_seen.value(host);
    QList<TcpState> states(set.begin(), set.end());
    std::sort(states.begin(), states.end());
    return states;
}

bool SocketStateTracker::wasSeen(core::Host host, TcpState state) const
{
    return m_seen.value(host).contains(state);
}

int SocketStateTracker::socketsIn(core::Host host, TcpState state) const
{
    int n = 0;
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
        if (it.value() == state && m_hostOf.value(it.key()) == host)
            ++n;
    }
    return n;
}

} // namespace halfopen::lab
