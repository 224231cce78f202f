// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/SocketObserver.h"

#include "core/observe/SnapshotDiff.h"
#include "core/session/MonotonicClock.h"

#include <algorithm>

namespace halfopen::lab {

using namespace halfopen::core;

namespace {
// A frame the cable sent towards the host is taken in by its kernel within microseconds; the
// margin also lets a burst of frames settle into one look.
constexpr qint64 kSettleUs = 2000;
// After a timer's expiry: the kernel runs it on the next tick (jiffies).
constexpr qint64 kTimerMarginUs = 5000;
// Nothing covered above should change a socket; one cheap look now and then in case.
constexpr qint64 kSafetyUs = 5'000'000;
} // namespace

SocketObserver::SocketObserver(core::Host host, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_intervalMs(std::max(1, intervalMs))
{
    m_timer.setSingleShot(true);
    // Precise: a coarse timer may fire 5 % late, seconds for a TIME_WAIT's minute.
    m_timer.setTimerType(Qt::PreciseTimer);
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
    m_lastLookUs = monotonicNowUs();
    lookAt(m_lastLookUs + kSafetyUs);
    return true;
}

void SocketObserver::stop()
{
    m_timer.stop();
    m_client.close();
}

void SocketObserver::lookAt(qint64 dueUs)
{
    if (!m_client.isOpen())
        return;
    if (m_timer.isActive() && m_dueUs <= dueUs)
        return;
    m_dueUs = dueUs;
    const qint64 now = monotonicNowUs();
    m_timer.start(int(std::clamp<qint64>((dueUs - now + 999) / 1000, 0, kSafetyUs / 1000)));
}

void SocketObserver::noteActivity()
{
    // Called for every frame on the cable: cheap when a look is already due soon enough.
    const qint64 now = monotonicNowUs();
    lookAt(std::max(now + kSettleUs, m_lastLookUs + qint64(m_intervalMs) * 1000));
}

void SocketObserver::poll()
{
    SockDiagSnapshot now;
    m_lastLookUs = monotonicNowUs();
    ++m_looks;
    if (!m_client.dump(SockDiagFilter{}, &now)) {
        lookAt(m_lastLookUs + qint64(m_intervalMs) * 1000);
        return;
    }
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
    // The next look: when the first orphan's timer fires (TIME_WAIT ends, a FIN_WAIT_2 times
    // out, an orphan gives up retransmitting), else the safety look.
    qint64 next = m_lastLookUs + kSafetyUs;
    for (const SockDiagRow &r : now.rows) {
        if (r.inode != 0 || r.sample.state == TcpState::Listen || r.sample.timer == TcpTimer::Off)
            continue;
        const qint64 due = m_lastLookUs + std::max<qint64>(r.sample.timerExpiresMs, 0) * 1000 + kTimerMarginUs;
        next = std::min(next, std::max(due, m_lastLookUs + qint64(m_intervalMs) * 1000));
    }
    m_previous = std::move(now);
    m_timer.stop();
    lookAt(next);
}

} // namespace halfopen::lab
