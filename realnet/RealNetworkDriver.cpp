// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/RealNetworkDriver.h"

#include "core/session/MonotonicClock.h"
#include "realnet/ConnectionCapture.h"
#include "realnet/EndpointProblem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <sys/prctl.h>

#include <csignal>

namespace halfopen::realnet {

using namespace halfopen::core;
using lab::Fault;
using lab::FaultKind;

RealNetworkDriver::RealNetworkDriver(const Options &options, QObject *parent)
    : LabDriver(parent)
    , m_options(options)
    , m_observer(options.observeIntervalMs)
{
    if (m_options.endpointPath.isEmpty())
        m_options.endpointPath = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("halfopen-cli"));
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { m_endpoint.kill(); });
    connect(&m_observer, &HostSocketObserver::event, this, &RealNetworkDriver::event);
    connect(&m_endpoint, &QProcess::readyReadStandardOutput, this, &RealNetworkDriver::readEvents);
    connect(&m_endpoint, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += QString::fromLocal8Bit(m_endpoint.readAllStandardError()); });
    connect(&m_endpoint, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("cannot start the test endpoint %1: %2").arg(m_options.endpointPath, m_endpoint.errorString()));
    });
    connect(&m_endpoint, &QProcess::finished, this, &RealNetworkDriver::onEndpointFinished);
}

RealNetworkDriver::~RealNetworkDriver()
{
    // Nothing is reported while we tear down: listeners may already be gone.
    m_endpoint.disconnect(this);
    m_observer.disconnect(this);
    if (m_endpoint.state() != QProcess::NotRunning) {
        m_endpoint.kill();
        m_endpoint.waitForFinished(2000);
    }
}

void RealNetworkDriver::start(const lab::LabConfig &config)
{
    if (m_running)
        return;
    m_running = true;
    m_ready = m_connected = m_stopping = m_failed = m_captureProblemSaid = false;
    m_endpointEvents = {};
    m_stderr.clear();
    m_problem.clear();

    QStringList problems;
    for (const SettingError &e : m_network.validate())
        problems << tr("%1: %2", "field, problem").arg(e.field, e.message);
    if (!problems.isEmpty()) {
        // After the caller has connected to what start() leads to.
        QTimer::singleShot(0, this, [this, problems] { fail(problems.join(QStringLiteral("; "))); });
        return;
    }
    QString error;
    if (!m_observer.start(m_network.testPort(), m_network.host(), &error)) {
        QTimer::singleShot(
            0, this, [this, error] { fail(tr("cannot watch this machine's sockets (sock_diag): %1").arg(error)); });
        return;
    }
    const lab::HostConfig &side = m_network.role == RealNetworkConfig::Role::Client ? config.client : config.server;
    QStringList arguments = m_network.endpointArguments(side);
    arguments << QStringLiteral("--json");
    m_endpoint.setProgram(m_options.endpointPath);
    m_endpoint.setArguments(arguments);
    m_endpoint.setProcessChannelMode(QProcess::SeparateChannels);
    m_endpoint.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); }); // never outlive us
    m_endpoint.start();
    if (m_endpoint.state() != QProcess::NotRunning)
        m_observer.setEndpointPid(m_endpoint.processId());
}

void RealNetworkDriver::readEvents()
{
    for (const Event &e : m_endpointEvents.feed(m_endpoint.readAllStandardOutput()))
        onEndpointEvent(e);
}

void RealNetworkDriver::onEndpointEvent(const Event &e)
{
    m_observer.noteEndpointEvent(e);
    if (const QString problem = EndpointProblem::describe(e); !problem.isEmpty())
        m_problem = problem;
    emit event(e);
    if (e.kind != EventKind::Endpoint)
        return;
    if (e.is(EndpointStep::Connected) || e.is(EndpointStep::Accepted)) {
        m_connected = true;
        captureConnection(e);
    }
    const bool up = (m_network.role == RealNetworkConfig::Role::Server && e.is(EndpointStep::Listening))
        || (m_network.role == RealNetworkConfig::Role::Client && e.is(EndpointStep::Connecting));
    if (up && !m_ready && !m_stopping) {
        m_ready = true;
        m_observer.poll(); // what is already on the port, from time zero
        emit ready();
        RunStepFields::RealNetwork real;
        real.network = m_network.toJson();
        real.endpoint = e.local.isEmpty() ? m_network.endpointAddress() : e.local;
        real.pid = m_endpoint.processId();
        for (auto it = m_sysctls.cbegin(); it != m_sysctls.cend(); ++it)
            real.sysctls.insert(it.key(), it.value().toInt());
        RunStepFields ready;
        ready.realNetwork = real;
        // Timed where the endpoint stood ready, without the pipe's delay.
        emit event(Event::labEvent(e.tUs, RunStep::Ready, ready.toDetail()));
    }
}

void RealNetworkDriver::onEndpointFinished(int exitCode, QProcess::ExitStatus status)
{
    readEvents();
    m_stderr += QString::fromLocal8Bit(m_endpoint.readAllStandardError());
    m_killTimer.stop();
    if (m_stopping) {
        finishStop();
        return;
    }
    if (!m_running)
        return;
    // A client that never got its connection has nothing to show: the run ends with why.
    if (!m_ready || (m_network.role == RealNetworkConfig::Role::Client && !m_connected)) {
        fail(!m_problem.isEmpty() ? m_problem
                                  : EndpointProblem::fromExit(m_stderr, exitCode, status == QProcess::CrashExit));
        return;
    }
    // The connection ended (and the endpoint with it): what the kernel does next to its
    // sockets (TIME_WAIT, FIN_WAIT_2) stays visible until the user stops.
    RunStepFields exited;
    exited.endpointExit = RunStepFields::EndpointExit{exitCode, status == QProcess::CrashExit};
    sessionEvent(RunStep::EndpointExited, exited);
}

void RealNetworkDriver::fail(const QString &message)
{
    if (m_failed || !m_running)
        return;
    m_failed = true;
    sessionEvent(RunStep::Failed, RunStepFields::withMessage(message));
    emit failed(message);
}

void RealNetworkDriver::stop()
{
    if (!m_running) {
        emit stopped();
        return;
    }
    m_stopping = true;
    if (m_endpoint.state() == QProcess::NotRunning) {
        finishStop();
        return;
    }
    // The endpoint closes its connections the way it was told to (FIN, or RST with linger 0).
    core::EndpointCommand quit;
    quit.kind = core::EndpointCommand::Kind::Quit;
    command(quit);
    m_endpoint.closeWriteChannel();
    m_killTimer.start(m_options.stopTimeoutMs);
}

void RealNetworkDriver::captureConnection(const Event &e)
{
    constexpr size_t kMaxCaptures = 16; // a server's first connections; more would be noise
    if (!m_options.capture || m_stopping || m_captures.size() >= kMaxCaptures)
        return;
    const SocketAddress local = SocketAddress::parse(e.local, nullptr);
    const SocketAddress remote = SocketAddress::parse(e.remote, nullptr);
    if (!local.isValid() || !remote.isValid())
        return;
    const core::Host peerHost = *core::peerOf(m_network.host());
    auto capture = std::make_unique<ConnectionCapture>();
    if (!m_options.captureHelperPath.isEmpty()) {
        capture->setHelperPath(m_options.captureHelperPath);
    } else if (!m_options.endpointPath.isEmpty()) {
        // Beside the endpoint (the build tree), or where the package puts it relative to it.
        const QDir dir = QFileInfo(m_options.endpointPath).dir();
        for (const QString &path : {dir.filePath(QStringLiteral("halfopen-capture")),
                                    dir.filePath(QStringLiteral("../libexec/halfopen/halfopen-capture"))}) {
            if (QFileInfo::exists(path)) {
                capture->setHelperPath(QDir::cleanPath(path));
                break;
            }
        }
    }
    connect(capture.get(), &ConnectionCapture::event, this, &RealNetworkDriver::event);
    const auto unavailable = [this](const QString &problem) {
        if (m_captureProblemSaid) // once per run: every connection would say the same
            return;
        m_captureProblemSaid = true;
        RunStepFields why;
        why.reason = problem;
        sessionEvent(RunStep::CaptureUnavailable, why);
    };
    connect(capture.get(), &ConnectionCapture::failed, this, unavailable);
    if (!capture->start(local, remote, e.host, peerHost)) {
        unavailable(capture->problem());
        return;
    }
    m_captures.push_back(std::move(capture));
}

void RealNetworkDriver::stopCaptures()
{
    for (const auto &capture : m_captures)
        capture->stop();
    m_captures.clear();
}

void RealNetworkDriver::finishStop()
{
    if (!m_running)
        return;
    stopCaptures();    // the last packets (FIN, RST) are in before "stopped"
    m_observer.poll(); // how the sockets were left
    m_observer.stop();
    m_running = false;
    m_stopping = false;
    sessionEvent(RunStep::Stopped);
    emit stopped();
}

void RealNetworkDriver::sessionEvent(RunStep step, const RunStepFields &fields)
{
    emit event(Event::labEvent(monotonicNowUs(), step, fields.toDetail()));
}

void RealNetworkDriver::faultEvent(const Fault &fault)
{
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = monotonicNowUs();
    e.host = fault.host;
    e.what = lab::faultKindName(fault.kind);
    e.detail = fault.fields().toDetail();
    emit event(e);
}

void RealNetworkDriver::commandError(const QString &message)
{
    sessionEvent(RunStep::CommandError, RunStepFields::withMessage(message));
}

bool RealNetworkDriver::command(const core::EndpointCommand &command)
{
    if (m_endpoint.state() != QProcess::Running)
        return false;
    m_endpoint.write(command.toLine() + '\n');
    return true;
}

void RealNetworkDriver::apply(const Fault &requested)
{
    if (!m_running || m_stopping)
        return;
    Fault fault = requested;
    if (fault.kind == FaultKind::Marker) {
        // The user's word that the world broke now (the real cable pulled, the peer switched
        // off): it changes nothing here, and detection times count from it.
        fault.host = core::Host::None;
        faultEvent(fault);
        return;
    }
    const core::Host ours = m_network.host();
    if (fault.host != core::Host::None && fault.host != ours) {
        commandError(tr("%1: only this machine's side (%2) is ours to act on; the peer is another machine")
                         .arg(lab::faultKindName(fault.kind), core::hostName(ours)));
        return;
    }
    fault.host = ours;
    const std::optional<core::EndpointCommand> endpointCommand = lab::applicationCommand(fault);
    int signal = 0;
    switch (fault.kind) {
    case FaultKind::Close:
    case FaultKind::Abort:
    case FaultKind::ShutdownWrite:
    case FaultKind::Send:
        break;
    case FaultKind::KillProcess:
        signal = SIGKILL;
        break;
    case FaultKind::FreezeProcess:
        signal = SIGSTOP;
        break;
    case FaultKind::ThawProcess:
        signal = SIGCONT;
        break;
    default:
        commandError(tr("%1 is done to the virtual lab's cable or hosts; on a real network do it to the real cable or "
                        "machine, then press \"I pulled the cable now\"")
                         .arg(lab::faultKindName(fault.kind)));
        return;
    }
    if (m_endpoint.state() != QProcess::Running) {
        commandError(tr("%1: this machine's test endpoint has ended").arg(lab::faultKindName(fault.kind)));
        return;
    }
    faultEvent(fault);
    if (signal != 0)
        ::kill(pid_t(m_endpoint.processId()), signal);
    else
        command(*endpointCommand);
}

void RealNetworkDriver::setSocketOptions(core::Host host, const SocketOptions &options)
{
    // The peer's settings are its own business: only this machine's side can be changed.
    if (!m_running || host != m_network.host())
        return;
    core::EndpointCommand change;
    change.kind = core::EndpointCommand::Kind::SetOptions;
    change.options = options;
    if (!command(change))
        commandError(tr("options: this machine's test endpoint has ended"));
}

} // namespace halfopen::realnet
