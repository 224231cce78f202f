// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/EventPipeReader.h"
#include "core/session/RunStepFields.h"
#include "lab/LabDriver.h"
#include "realnet/HostSocketObserver.h"
#include "realnet/RealNetworkConfig.h"

#include <QProcess>

#include <QTimer>
#include <memory>
#include <vector>

namespace halfopen::realnet {

class ConnectionCapture;

// Real-network mode behind the lab's interface: the same test endpoint the lab runs
// (halfopen-cli serve/connect, JSON lines of events up its stdout, commands down its stdin)
// as a child process in this machine's own network namespace, talking to a real peer; its
// sockets on the test port watched through sock_diag. Only this machine's side is ours: the
// faults it carries out are the application's (close, abort, send, kill) and the user's
// marker ("I pulled the cable now"); the lab's cable and power faults are refused.
//
// Each connection the endpoint makes or accepts is captured as `watch` captures one (the
// capture helper, a BPF filter on its 4-tuple, the lab's classifier): its packets — data,
// keepalive probes and their answers, retransmissions, RST — are on the timeline as in the lab.
//
// Session-level events have host "lab", as the supervisor's: endpoint "ready" (with the
// network, the kernel's settings and the endpoint's pid), "failed", "endpoint_exited",
// "stopped", "command_error", "capture_unavailable" (with `reason`: what is missing).
class RealNetworkDriver : public lab::LabDriver
{
    Q_OBJECT
public:
    struct Options
    {
        QString endpointPath;        // halfopen-cli; empty: next to the running executable
        int observeIntervalMs = 100; // sock_diag look at the test port
        int stopTimeoutMs = 2000;    // the endpoint gets this long to quit before SIGKILL
        // The endpoint's connections' packets on the timeline, through the capture helper
        // (ConnectionCapture); its path, empty: the installed or built one.
        bool capture = true;
        QString captureHelperPath;
    };

    explicit RealNetworkDriver(QObject *parent = nullptr)
        : RealNetworkDriver(Options(), parent)
    { }
    explicit RealNetworkDriver(const Options &options, QObject *parent = nullptr);
    ~RealNetworkDriver() override;

    // Who connects to whom; applies from the next start().
    void setNetwork(const RealNetworkConfig &network) { m_network = network; }
    const RealNetworkConfig &network() const { return m_network; }
    // The kernel settings recorded with "ready" (what the prediction used); normally read from
    // /proc/sys by HostTcpSettings.
    void setHostSysctls(const QMap<QString, QString> &sysctls) { m_sysctls = sysctls; }

    // Starts this machine's endpoint with `config`'s settings for its side (client or server,
    // as the network says). ready() when it listens or has started connecting.
    void start(const lab::LabConfig &config) override;
    void apply(const lab::Fault &fault) override;
    void setSocketOptions(core::Host host, const core::SocketOptions &options) override;
    void stop() override;

    bool endpointRunning() const { return m_endpoint.state() != QProcess::NotRunning; }
    qint64 endpointPid() const { return m_endpoint.processId(); }

private:
    void readEvents();
    void onEndpointEvent(const core::Event &event);
    void onEndpointFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);
    void finishStop();
    void sessionEvent(core::RunStep step, const core::RunStepFields &fields = {});
    void faultEvent(const lab::Fault &fault);
    void commandError(const QString &message);
    bool command(const core::EndpointCommand &command);
    void captureConnection(const core::Event &e);
    void stopCaptures();

    Options m_options;
    RealNetworkConfig m_network;
    QMap<QString, QString> m_sysctls;
    QProcess m_endpoint;
    std::vector<std::unique_ptr<ConnectionCapture>> m_captures;
    bool m_captureProblemSaid = false;
    HostSocketObserver m_observer;
    QTimer m_killTimer;
    core::EventPipeReader m_endpointEvents; // the endpoint's stdout
    QString m_stderr;
    QString m_problem;      // why the endpoint could not listen or connect, from its own events
    bool m_running = false; // between start() and stopped()
    bool m_ready = false;
    bool m_connected = false;
    bool m_stopping = false;
    bool m_failed = false;
};

} // namespace halfopen::realnet
