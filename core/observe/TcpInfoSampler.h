// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/TcpInfoSample.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace halfopen::core {

class SockDiagClient;

// Samples tcp_info of sockets this process owns at a fixed rate (default 20 Hz) and emits a
// `sample` event only when something visible changed, and a `state` event on every TCP state
// change. tcp_info has no timer kind/expiry: by default each sample also asks sock_diag for
// the socket's timer (one exact 4-tuple lookup); setTimerLookup replaces that.
class TcpInfoSampler : public QObject
{
    Q_OBJECT
public:
    // Fills sample->timer/timerExpiresMs for the socket; false when it cannot.
    using TimerLookup = std::function<bool(int fd, TcpInfoSample *sample)>;

    explicit TcpInfoSampler(int intervalMs = 50, QObject *parent = nullptr);
    ~TcpInfoSampler() override;

    void setTimerLookup(TimerLookup lookup) { m_timerLookup = std::move(lookup); }
    void setIntervalMs(int intervalMs) { m_timer.setInterval(intervalMs); }
    int intervalMs() const { return m_timer.interval(); }

    // `remote`: the peer when the caller knows it before the kernel does (a connect in progress
    // has no peer address yet), so the socket keeps one key from SYN_SENT on.
    void watch(int fd, Host host, const QString &remote = {});
    // Takes one last sample (so a final state change is not lost), then forgets the socket.
    void unwatch(int fd);
    // Forgets the socket without sampling it (for destructors: no events while tearing down).
    void forget(int fd);
    bool isWatching(int fd) const { return m_watched.contains(fd); }

    // Reads the socket now, emits what changed, and returns the sample.
    std::optional<TcpInfoSample> sampleNow(int fd);
    std::optional<TcpInfoSample> lastSample(int fd) const;
    // When the oldest data still unacknowledged was sent (monotonic µs), from the socket's own
    // counters: the first sample with tcpi_unacked > 0 after an idle one, minus its
    // tcpi_last_data_sent (the last new segment sent; retransmissions do not move it). Kept
    // while the connection dies (the queue is purged then); nullopt when all is acknowledged.
    std::optional<qint64> firstUnackedSendUs(int fd) const;

signals:
    void event(const halfopen::core::Event &event);

private:
    struct Watched
    {
        Host host = Host::None;
        QString local;
        QString remote;
        std::optional<TcpInfoSample> last;
        std::optional<qint64> firstUnackedUs;
    };

    void tick();
    void refreshAddresses(int fd, Watched &w);

    QHash<int, Watched> m_watched;
    QTimer m_timer;
    TimerLookup m_timerLookup;
    std::unique_ptr<SockDiagClient> m_diag;
};

} // namespace halfopen::core
