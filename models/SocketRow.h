// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/SocketOptions.h"
#include "models/SocketColumn.h"

#include <QCoreApplication>
#include <QVariant>
#include <limits>
#include <optional>

namespace halfopen::models {

// One socket as the table knows it: the last sample and state, when they arrived, and whether it
// is closing. Ageing values (timer, last received) are kept as of the sample's arrival and aged
// on the model's clock, because samples only come when something visible changed.
class SocketRow
{
    Q_DECLARE_TR_FUNCTIONS(SocketRow)
public:
    // What applying an event did to the row, for the model to decide what to signal.
    enum Change : quint8 {
        None = 0,
        Values = 1,       // a shown value changed
        StateChanged = 2, // the TCP state changed: flash
        Closed = 4,       // the socket closed: start fading
        Revived = 8,      // a closing socket turned out alive (the kernel still holds it)
        Aged = 16,        // only ageing values (timer, last received, RTT) moved: no repaint of
                          // its own, but the ageing columns' sort keys may have changed
    };

    static SocketRow fromEvent(const core::Event &event);

    int apply(const core::Event &event, qint64 nowMs);
    // The socket is gone without an event of its own (its host was powered off).
    int close(qint64 tUs, qint64 nowMs);
    // What getsockopt read back after the options were set (an `options` event); an older
    // report than the one shown is ignored.
    int setOptions(const core::SocketOptions &options, qint64 tUs);

    QVariant display(SocketColumn column, qint64 nowMs) const;
    QVariant raw(SocketColumn column, qint64 nowMs) const;
    // What the rows sort by: raw()'s order, but for the ageing columns the instant (the timer's
    // expiry, the last packet's arrival) rather than the time left or since, so it does not age.
    QVariant sortKey(SocketColumn column) const;
    QString toolTip(SocketColumn column) const;

    bool closing() const { return m_closingSinceMs >= 0; }
    qint64 closingSinceMs() const { return m_closingSinceMs; }
    qint64 stateChangedMs() const { return m_stateChangedMs; }
    // 1 while alive, falling linearly to 0 over the fade.
    double fade(qint64 nowMs, int fadeMs) const;

    const QString &key() const { return m_key; }
    // Same as key() == event.socketKey(), without building the key.
    bool isSocketOf(const core::Event &event) const;
    core::Host host() const { return m_host; }
    core::TcpState state() const { return m_state; }
    const std::optional<core::TcpInfoSample> &sample() const { return m_sample; }
    const std::optional<core::SocketOptions> &options() const { return m_options; }

    // ms until the running timer fires (negative when overdue), or nullopt when none runs.
    std::optional<qint64> timerLeftMs(qint64 nowMs) const;
    // ms since the peer's last packet arrived, or nullopt when unknown.
    std::optional<qint64> lastReceivedMs(qint64 nowMs) const;

    bool dirty = false; // queued for dataChanged
    bool aged = false;  // queued for the refresh's SortKeyRole dataChanged

private:
    int applySample(const core::TcpInfoSample &sample, qint64 nowMs);
    int setState(core::TcpState state, qint64 nowMs);
    int markClosed(qint64 nowMs);
    // Ageing stops when the socket closes.
    qint64 agedNow(qint64 nowMs) const { return closing() ? qMin(nowMs, m_closingSinceMs) : nowMs; }

    QString m_key;
    core::Host m_host = core::Host::None;
    QString m_local;
    QString m_remote;
    QString m_localSortKey;
    QString m_remoteSortKey;
    core::TcpState m_state = core::TcpState::Unknown;
    std::optional<core::TcpInfoSample> m_sample;
    qint64 m_lastEventUs = std::numeric_limits<qint64>::min(); // late events don't override newer ones
    qint64 m_sampleSeenMs = 0;
    qint64 m_stateChangedMs = -1;
    qint64 m_closingSinceMs = -1;
    int m_errno = 0;
    core::DetectionMechanism m_mechanism = core::DetectionMechanism::None;
    std::optional<core::SocketOptions> m_options;
    qint64 m_optionsUs = std::numeric_limits<qint64>::min();
};

} // namespace halfopen::models
