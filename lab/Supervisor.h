// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/RunStepFields.h"
#include "lab/CableRelay.h"
#include "lab/CaptureLimit.h"
#include "lab/Fault.h"
#include "lab/LabCommand.h"
#include "lab/LabConfig.h"
#include "lab/LabWorld.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace halfopen::lab {

class LabHost;

// The lab itself, inside its private namespaces: builds the two hosts and the cable, carries
// faults out, and reports everything as events. Commands come from the parent as JSON lines:
//   {"cmd": "start", "config": {LabConfig}, "pcap": PATH, "capture_limit_mb": N}
//   (the endpoint is always HalfOpen's own; the capture is a ring of the last N MB, default 256)
//   {"cmd": "fault", "fault": {Fault}}
//   {"cmd": "options", "host": "client", "options": {SocketOptions}}
//   {"cmd": "stop"}
// Lab-level events have host "lab": endpoint "ready", "failed" (detail.message), "stopped",
// "command_error" (detail.message: a command that was refused and not carried out),
// "capture_trimmed" (detail.dropped_frames, dropped_bytes, limit_mb, message: the capture's ring dropped its
// oldest frames; the counts are since the start; at most once a second).
class Supervisor : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultCaptureLimitMb = CaptureLimit::kDefaultMb;

    explicit Supervisor(QObject *parent = nullptr);
    ~Supervisor() override;

    // A command line as it came (answers `command_error` or, for a start whose configuration is
    // wrong, `failed`), or a command already read.
    void handleCommand(const QJsonObject &json);
    void handle(const LabCommand &command);

signals:
    void event(const halfopen::core::Event &event);
    void finished();

private:
    void start(const LabCommand &command);
    void commandError(const QString &message);
    bool labStarted() const; // started once: one lab per supervisor
    QString alreadyStarted() const;
    void apply(const Fault &fault);
    void stop();
    void fail(const QString &message);
    void labEvent(core::RunStep step, const core::RunStepFields &fields = {});
    void faultEvent(const Fault &fault);
    void onHostEvent(const core::Event &event);
    void checkReady();
    LabHost *host(core::Host name) const;
    CableRelay::Side side(const LabHost *host) const;
    bool powerOn(LabHost *host, QString *error);
    void powerOff(LabHost *host);
    void updateCut();

    LabConfig m_config;
    std::unique_ptr<LabHost> m_client;
    std::unique_ptr<LabHost> m_server;
    CableRelay m_cable;
    // Cuts by host and direction: unplug/replug and power state combine into the relay's cut.
    // The cable's cuts and the applications' freezes as the faults carried out left them; whether a
    // host is on and its application runs, the hosts themselves say.
    LabWorld m_world;
    bool m_serverListening = false;
    bool m_clientStarted = false;
    bool m_ready = false;
    bool m_stopped = false;
    int m_captureLimitMb = kDefaultCaptureLimitMb;
    // capture_trimmed at most once a kTrimmedIntervalMs, with the latest counts.
    void reportTrimmed();
    static constexpr int kTrimmedIntervalMs = 1000;
    QTimer m_trimmedQuiet;
    bool m_trimmedPending = false;
    qint64 m_trimmedFrames = 0;
    qint64 m_trimmedBytes = 0;
};

} // namespace halfopen::lab
