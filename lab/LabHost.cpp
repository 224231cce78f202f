// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabHost.h"

#include "core/session/MonotonicClock.h"
#include "lab/PacketPort.h"
#include "lab/PrivateNamespaces.h"

#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>

namespace halfopen::lab {

using namespace halfopen::core;

LabHost::LabHost(const HostConfig &config, const QString &mac, const QString &peerAddress, const QString &peerMac,
                 bool staticNeighbours, const QString &endpointPath, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_mac(mac)
    , m_peerAddress(peerAddress)
    , m_peerMac(peerMac)
    , m_staticNeighbours(staticNeighbours)
    , m_endpointPath(endpointPath)
    , m_observer(config.host)
{
    connect(&m_observer, &SocketObserver::event, this, &LabHost::event);
    connect(&m_endpoint, &QProcess::readyReadStandardOutput, this, &LabHost::readEndpoint);
    connect(&m_endpoint, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit endpointFailed(tr("cannot start the test endpoint %1 on %2: %3")
                                    .arg(m_endpointPath, m_config.name(), m_endpoint.errorString()));
    });
    connect(&m_endpoint, &QProcess::finished, this, [this] {
        readEndpoint();
        m_observer.noteActivity(); // its sockets are orphans now
        if (!m_poweringOff)
            emit endpointExited();
    });
}

LabHost::~LabHost()
{
    powerOff();
}

bool LabHost::powerOn(QString *error)
{
    if (isOn())
        return true;
    m_netns = createNetworkNamespace(error);
    if (m_netns < 0)
        return false;
    const QString ip = QStringLiteral("ip");
    const QString cable = cableInterface();
    // Both ends at once: ours stays here, eth0 goes straight into the host's namespace.
    if (!runInNamespace(-1, ip,
                        {QStringLiteral("link"), QStringLiteral("add"), cable, QStringLiteral("type"),
                         QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("eth0"),
                         QStringLiteral("netns"), namespacePath(m_netns)},
                        {}, error)
        || !runInNamespace(-1, ip, {QStringLiteral("link"), QStringLiteral("set"), cable, QStringLiteral("up")}, {},
                           error)) {
        powerOff();
        return false;
    }
    QByteArray batch = "link set lo up\n"
                       "link set eth0 address "
        + m_mac.toLatin1()
        + "\n"
          "addr add "
        + m_config.address.toLatin1()
        + "/24 dev eth0\n"
          "link set eth0 up\n";
    if (m_staticNeighbours)
        batch += "neigh replace " + m_peerAddress.toLatin1() + " lladdr " + m_peerMac.toLatin1()
            + " dev eth0 nud permanent\n";
    if (!runInNamespace(m_netns, ip, {QStringLiteral("-batch"), QStringLiteral("-")}, batch, error)
        || !enableOffloads(m_netns, QStringLiteral("eth0"), error)) {
        powerOff();
        return false;
    }
    // IPv6 off: its neighbour discovery would only add noise to the cable; the lab speaks IPv4.
    // (-e: a kernel booted without IPv6 has no such keys, and that is fine.)
    QStringList args{QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-w"),
                     QStringLiteral("net.ipv6.conf.all.disable_ipv6=1"),
                     QStringLiteral("net.ipv6.conf.default.disable_ipv6=1")};
    args << hostTcpTableSysctls(); // before the host's own: those win
    for (auto it = m_config.sysctls.begin(); it != m_config.sysctls.end(); ++it)
        args << it.key() + QLatin1Char('=') + it.value();
    if (!runInNamespace(m_netns, QStringLiteral("sysctl"), args, {}, error)) {
        powerOff();
        return false;
    }
    if (!m_observer.start(m_netns, error)) {
        powerOff();
        return false;
    }
    return true;
}

void LabHost::powerOff()
{
    m_poweringOff = true;
    if (m_endpoint.state() != QProcess::NotRunning) {
        m_endpoint.kill(); // SIGKILL also ends a frozen (SIGSTOPped) process
        m_endpoint.waitForFinished(2000);
    }
    m_poweringOff = false;
    m_observer.stop();
    if (m_netns >= 0) {
        QString ignored;
        // Deleting our end deletes eth0 too; the namespace dies with its last socket.
        runInNamespace(-1, QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), cableInterface()}, {},
                       &ignored);
        ::close(m_netns);
        m_netns = -1;
    }
}

void LabHost::startEndpoint()
{
    if (!isOn() || m_config.role == HostConfig::Role::None || endpointRunning())
        return;
    QStringList args = m_config.cliArguments(m_peerAddress);
    args << QStringLiteral("--json");
    const int netns = m_netns;
    m_endpoint.setProgram(m_endpointPath);
    m_endpoint.setArguments(args);
    m_endpoint.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_endpoint.setChildProcessModifier([netns] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the supervisor
        if (::setns(netns, CLONE_NEWNET) != 0)
            ::_exit(127);
    });
    m_endpointEvents = {};
    m_endpoint.start();
}

void LabHost::signalEndpoint(int signal)
{
    if (endpointRunning())
        ::kill(pid_t(m_endpoint.processId()), signal);
}

void LabHost::commandEndpoint(const core::EndpointCommand &command)
{
    if (endpointRunning())
        m_endpoint.write(command.toLine() + '\n');
}

void LabHost::setSocketOptions(const core::SocketOptions &options)
{
    m_config.endpoint.options = options;
    core::EndpointCommand command;
    command.kind = core::EndpointCommand::Kind::SetOptions;
    command.options = options;
    commandEndpoint(command);
}

void LabHost::readEndpoint()
{
    const QByteArray bytes = m_endpoint.readAllStandardOutput();
    m_observer.noteActivity(); // it may have closed a socket (silently, from FIN_WAIT_2)
    for (const Event &e : m_endpointEvents.feed(bytes))
        emit event(e);
}

} // namespace halfopen::lab
