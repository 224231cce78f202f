// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/SocketOptions.h"
#include "core/tcp/TcpInfoSample.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace halfopen::core {
class Session;
}

namespace halfopen::ui {

// The answer to "when and how was the loss noticed": the headline of the latest detection
// (verdict events of the session, so a replay shows the same), a live countdown while the
// kernel's timers run ("keepalive probe 2 of 3 sent, next in 0.8 s"), the stopwatch since the
// user's marker on a real network, how the expectations stand, and the scenario's plain-words
// explanation.
class VerdictPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VerdictPanel(core::Session *session, QWidget *parent = nullptr);

    void setScenario(const lab::Scenario &scenario);
    // The countdown runs only while a lab does: a replay has no "now".
    void setRunning(bool running);
    // Real-network mode: the texts speak of this machine's endpoint and the marker, not the lab.
    void setRealNetwork(bool real);
    void setOutcome(const lab::ScenarioOutcome &outcome);

    QString headline() const;
    QString laterDetections() const;
    QString countdown() const;

private:
    void onEvent(const core::Event &event);
    void reset();
    void updateCountdown();
    void hideEmptyLines();
    QString countdownFor(core::Host host) const;
    void updateHeadlineFont();

protected:
    // A larger font (presentation mode, Ctrl+plus) makes the headline larger with it.
    void changeEvent(QEvent *event) override;

public:
    // What the kernel's keepalive will do next, from a tcp_info sample taken `ageMs` ago whose
    // timer fires in `timerLeftS`: not the timer alone, which fires early and re-arms whenever
    // something was received since it was set.
    static QString keepaliveCountdown(const core::TcpInfoSample &sample, const core::SocketOptions &options,
                                      double timerLeftS, qint64 ageMs);

private:
    void labFailed(const QString &message);
    void runEnded(qint64 tUs);
    void updateHint();

    core::Session *m_session;
    lab::Scenario m_scenario;
    bool m_running = false;
    bool m_detected = false;
    QHash<core::Host, core::Event> m_lastSample; // per host: its test socket's latest sample
    QHash<core::Host, qint64> m_heartbeatMisses; // per host: misses in a row so far
    qint64 m_markerUs = 0;                       // the user's latest "I pulled the cable now"; 0: none
    core::Host m_peerLost = core::Host::None;    // the host a power-off or unplug took away
    bool m_labFailed = false;
    QLabel *m_title;
    QLabel *m_headline;
    QLabel *m_meaning;
    QLabel *m_later;
    QLabel *m_countdown;
    QLabel *m_expectations;
    QLabel *m_explanation;
    QLabel *m_hint;
    bool m_real = false; // before any run: what to press
    QTimer m_tick;
};

} // namespace halfopen::ui
