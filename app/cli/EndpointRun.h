// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointCommand.h"
#include "core/session/LineSplitter.h"
#include "core/session/Session.h"
#include "lab/LabConfig.h"

#include <QObject>
#include <memory>

class QSocketNotifier;

namespace halfopen::core {
class JsonlRecorder;
}

namespace halfopen::cli {

// What serve and connect share around their endpoint: the session with its recorder, event
// printing (text or JSONL), commands typed on stdin, and SIGINT/SIGTERM as a clean quit.
class EndpointRun : public QObject
{
    Q_OBJECT
public:
    EndpointRun(bool json, QObject *parent = nullptr);
    ~EndpointRun() override;

    core::Session *session() { return &m_session; }

    // Opens the recording; false with a message on stderr (exit status 3 for the caller).
    bool record(const QString &path);

    // What the prediction for this side's death is made from: its endpoint settings and this
    // machine's sysctls as a lab host's (`host`: client or server).
    void setPredictionSettings(const lab::LabConfig &settings);

    // Prints the one-line summary of how a connection died, on stderr: first the time from the
    // reference the prediction for that death counts from, with the prediction (the same rule
    // as the window's headline: lab::Detection::headlineReference), then the time from every
    // other reference it has (the last packet received, the first unacknowledged send, the marker).
    void reportDeath(const core::Event &error) const;
    // The last fatal error or EOF seen, if any.
    const core::Event *lastDeath() const { return m_lastDeath ? &*m_lastDeath : nullptr; }

signals:
    void command(const halfopen::core::EndpointCommand &command);
    void quitRequested();

private:
    void print(const core::Event &event);
    void readStdin();
    void readSignal();

    bool m_json;
    core::Session m_session;
    std::unique_ptr<core::JsonlRecorder> m_recorder;
    QSocketNotifier *m_stdin = nullptr;
    QSocketNotifier *m_signals = nullptr;
    int m_signalFd = -1;
    core::LineSplitter m_stdinLines;
    std::optional<core::Event> m_lastDeath;
    std::optional<qint64> m_markerUs; // the last `marker` line on stdin: when the script cut
    std::optional<qint64> m_faultUs;  // the last fault event the session saw
    QString m_faultName;
    std::optional<double> m_rttMs; // the connection's smoothed RTT in its last sample
    std::optional<lab::LabConfig> m_settings;
};

} // namespace halfopen::cli
