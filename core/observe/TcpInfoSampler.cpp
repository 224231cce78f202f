// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/TcpInfoSampler.h"

#include "core/observe/SockDiagClient.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/SocketAddress.h"

namespace halfopen::core {

TcpInfoSampler::TcpInfoSampler(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TcpInfoSampler::tick);
    // The sampler's own namespace: where the sockets it watches live.
    m_diag = std::make_unique<SockDiagClient>();
    if (m_diag->open())
        m_timerLookup = [this](int fd, TcpInfoSample *sample) { return m_diag->readTimer(fd, sample); };
}

TcpInfoSampler::~TcpInfoSampler() = default;

void TcpInfoSampler::watch(int fd, Host host, const QString &remote)
{
    // A client socket is watched from SYN_SENT on; handing it to its connection keeps history.
    if (auto it = m_watched.find(fd); it != m_watched.end()) {
        it->host = host;
        sampleNow(fd); // e.g. SYN_SENT -> ESTABLISHED at the moment connect() completed
        return;
    }
    Watched w;
    w.host = host;
    w.remote = remote;
    refreshAddresses(fd, w);
    m_watched.insert(fd, w);
    sampleNow(fd);
    if (!m_timer.isActive())
        m_timer.start();
}

void TcpInfoSampler::unwatch(int fd)
{
    if (!m_watched.contains(fd))
        return;
    sampleNow(fd);
    forget(fd);
}

void TcpInfoSampler::forget(int fd)
{
    m_watched.remove(fd);
    if (m_watched.isEmpty())
        m_timer.stop();
}

void TcpInfoSampler::refreshAddresses(int fd, Watched &w)
{
    const SocketAddress local = SocketAddress::localOf(fd);
    const SocketAddress remote = SocketAddress::peerOf(fd);
    // Keep what we knew once the socket is closed and the kernel forgets the peer.
    if (local.isValid() && local.port() != 0)
        w.local = local.toString();
    if (remote.isValid())
        w.remote = remote.toString();
}

std::optional<TcpInfoSample> TcpInfoSampler::sampleNow(int fd)
{
    auto it = m_watched.find(fd);
    if (it == m_watched.end())
        return std::nullopt;
    TcpInfoSample sample;
    if (!TcpInfoSample::readFromSocket(fd, &sample))
        return std::nullopt;
    if (m_timerLookup)
        m_timerLookup(fd, &sample);

    Watched &w = *it;
    const qint64 now = monotonicNowUs();
    const TcpState previous = w.last ? w.last->state : TcpState::Unknown;
    if (sample.state != previous || w.local.isEmpty() || w.remote.isEmpty())
        refreshAddresses(fd, w);

    auto makeEvent = [&](EventKind kind) {
        Event e;
        e.kind = kind;
        e.tUs = now;
        e.host = w.host;
        e.local = w.local;
        e.remote = w.remote;
        e.sample = sample;
        return e;
    };
    if (sample.state != previous) {
        Event e = makeEvent(EventKind::State);
        e.fromState = previous;
        e.toState = sample.state;
        emit event(e);
    }
    if (!w.last || sample.differsVisiblyFrom(*w.last))
        emit event(makeEvent(EventKind::Sample));

    if (sample.unacked > 0 && !w.firstUnackedUs)
        w.firstUnackedUs = now - qint64(sample.lastDataSentMs) * 1000;
    else if (sample.unacked == 0 && sample.state == TcpState::Established)
        w.firstUnackedUs.reset();
    w.last = sample;
    return sample;
}

std::optional<qint64> TcpInfoSampler::firstUnackedSendUs(int fd) const
{
    const auto it = m_watched.constFind(fd);
    return it == m_watched.constEnd() ? std::nullopt : it->firstUnackedUs;
}

std::optional<TcpInfoSample> TcpInfoSampler::lastSample(int fd) const
{
    const auto it = m_watched.constFind(fd);
    return it == m_watched.constEnd() ? std::nullopt : it->last;
}

void TcpInfoSampler::tick()
{
    const QList<int> fds = m_watched.keys();
    for (int fd : fds)
        sampleNow(fd);
}

} // namespace halfopen::core
