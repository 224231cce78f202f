// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/HeartbeatMonitor.h"

#include "core/session/MonotonicClock.h"

namespace halfopen::core {

HeartbeatMonitor::HeartbeatMonitor(const HeartbeatSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_timer.setInterval(settings.intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HeartbeatMonitor::tick);
}

void HeartbeatMonitor::start()
{
    if (!m_settings.enabled)
        return;
    m_misses = 0;
    m_awaitingAnswer = false;
    m_heardSinceTick = false;
    m_timer.start();
    if (m_settings.sends)
        tick(); // first ping at once, so the first interval already counts
}

void HeartbeatMonitor::stop()
{
    m_timer.stop();
}

void HeartbeatMonitor::pingReceived(quint32 sequence)
{
    // Any heartbeat side answers pings, so two senders can face each other.
    emit sendAnswer(sequence);
    m_heardSinceTick = true;
    if (!m_settings.sends) {
        m_misses = 0;
        emit phase(Phase::Received, sequence, 0);
    }
}

void HeartbeatMonitor::answerReceived(quint32 sequence)
{
    if (!m_awaitingAnswer || sequence != m_sequence)
        return; // a late answer to a ping already counted as missed
    m_awaitingAnswer = false;
    m_misses = 0;
    emit phase(Phase::Answered, sequence, monotonicNowUs() - m_sentAtUs);
}

void HeartbeatMonitor::tick()
{
    const bool missed = m_settings.sends ? m_awaitingAnswer : !m_heardSinceTick;
    m_heardSinceTick = false;
    if (missed) {
        ++m_misses;
        emit phase(Phase::Missed, m_misses, 0);
        if (m_misses >= m_settings.misses) {
            m_timer.stop();
            emit phase(Phase::Dead, m_misses, 0);
            emit dead();
            return;
        }
    }
    if (m_settings.sends) {
        ++m_sequence;
        m_sentAtUs = monotonicNowUs();
        m_awaitingAnswer = true;
        emit phase(Phase::Sent, m_sequence, 0);
        emit sendPing(m_sequence);
    }
}

} // namespace halfopen::core
