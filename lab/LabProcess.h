// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/EventPipeReader.h"
#include "lab/CaptureLimit.h"
#include "lab/LabCommand.h"
#include "lab/LabDriver.h"

#include <QProcess>

namespace halfopen::lab {

// The lab supervisor (halfopen-lab) as a child process: JSON commands go down its stdin,
// events come up its stdout, one JSON object a line. The supervisor runs HalfOpen's own
// endpoint in the hosts, found from its own location: no caller can name another program. It runs in namespaces of its
// own and dies with us (PR_SET_PDEATHSIG), taking every host, device and process with it.
class LabProcess : public LabDriver
{
    Q_OBJECT
public:
    struct Options
    {
        QString supervisorPath; // halfopen-lab; empty: next to the running executable, else in ../libexec/halfopen
        QString pcapPath;       // capture of every frame on the cable; empty: none
        QStringList launcher;   // runs the supervisor through this, e.g. setpriv as another user
        int captureLimitMb = CaptureLimit::kDefaultMb; // the capture keeps the last this many MB (a ring)
    };

    explicit LabProcess(const Options &options, QObject *parent = nullptr);
    ~LabProcess() override;

    void start(const LabConfig &config) override;
    void apply(const Fault &fault) override;
    void setSocketOptions(core::Host host, const core::SocketOptions &options) override;
    void stop() override;
    void setCaptureLimitMb(int megabytes) override { m_options.captureLimitMb = megabytes; }

private:
    void send(const LabCommand &command);
    void readEvents();

    Options m_options;
    QProcess m_process;
    core::EventPipeReader m_events; // the supervisor's stdout
    QString m_stderr;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace halfopen::lab
