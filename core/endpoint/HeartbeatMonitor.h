// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/HeartbeatSettings.h"
#include "core/session/HeartbeatPhase.h"

#include <QObject>
#include <QTimer>

namespace halfopen::core {

// The heartbeat's bookkeeping for one connection, apart from the socket: when to ping, what
// counts as a miss, when the peer is dead. The connection writes the frames it asks for.
class HeartbeatMonitor : public QObject
{
    Q_OBJECT
public:
    using Phase = HeartbeatPhase;

    explicit HeartbeatMonitor(const HeartbeatSettings &settings, QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    const HeartbeatSettings &settings() const { return m_settings; }

    // From the connection when a frame arrives.
    void pingReceived(quint32 sequence);
    void answerReceived(quint32 sequence);

signals:
    void sendPing(quint32 sequence);
    void sendAnswer(quint32 sequence);
    // count: sequence for Sent/Answered/Received, consecutive misses for Missed/Dead.
    void phase(halfopen::core::HeartbeatPhase phase, qint64 count, qint64 rttUs);
    void dead();

private:
    void tick();

    HeartbeatSettings m_settings;
    QTimer m_timer;
    quint32 m_sequence = 0;
    qint64 m_sentAtUs = 0;
    bool m_awaitingAnswer = false;
    bool m_heardSinceTick = false;
    int m_misses = 0;
};

} // namespace halfopen::core
