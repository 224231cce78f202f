// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/ConnectionAudit.h"

#include "audit/ProcessSocketMap.h"
#include "audit/SocketOptionsProbe.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QSet>

#include <pwd.h>

#include <cerrno>

namespace halfopen::audit {

namespace {

using core::TcpState;
using core::TcpTimer;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionAudit)
};

constexpr TcpState kAuditedStates[] = {TcpState::Established, TcpState::SynSent, TcpState::FinWait1, TcpState::FinWait2,
                                       TcpState::CloseWait,   TcpState::LastAck, TcpState::Closing};

quint32 auditedStateBits()
{
    quint32 bits = 0;
    for (TcpState state : kAuditedStates)
        bits |= core::SockDiagFilter::stateBit(state);
    return bits;
}

void appendInt(QByteArray *key, qint64 value)
{
    key->append(reinterpret_cast<const char *>(&value), sizeof value);
}

// Why the options were not read from the socket, in words with the errno.
QString unreadableReason(const AuditedConnection &c, int probeErrno, const ProcessSocketMap &processes)
{
    if (!c.holders.isEmpty()) {
        const SocketHolder &h = c.holders.constFirst();
        const QString call = Text::tr("pidfd_getfd on pid %1 fd %2: %3")
                                 .arg(h.pid)
                                 .arg(h.fd)
                                 .arg(core::ErrnoCatalog::describe(probeErrno));
        if (probeErrno == EPERM || probeErrno == EACCES)
            return Text::
                tr("%1: reading another process's socket options needs ptrace rights over it (root or CAP_SYS_PTRACE)")
                    .arg(call);
        if (probeErrno == ESRCH || probeErrno == EBADF || probeErrno == ESTALE)
            return Text::tr("%1: the process closed the socket or exited during the audit").arg(call);
        return call;
    }
    if (c.socket.inode == 0)
        return Text::tr("no process holds this socket (orphaned)");
    if (processes.deniedProcesses() > 0)
        return Text::tr("no visible process holds this socket: /proc/PID/fd of %1 other processes unreadable (%2); "
                        "finding a socket's process and reading its options needs root or CAP_SYS_PTRACE")
            .arg(processes.deniedProcesses())
            .arg(core::ErrnoCatalog::describe(processes.deniedErrno()));
    return Text::tr("no process in this PID namespace holds this socket");
}

// The fallback: what sock_diag's timer says. On an established connection the keepalive timer
// is armed exactly when SO_KEEPALIVE is on, unless a retransmission or zero-window timer,
// which sock_diag reports first, is running.
void deduceFromTimer(AuditedConnection *c, const QString &reason, const NamespaceSysctls &sysctls)
{
    const core::TcpInfoSample &s = c->socket.sample;
    if (s.state != TcpState::Established || (s.timer != TcpTimer::Keepalive && s.timer != TcpTimer::Off)) {
        c->optionsSource = OptionsSource::Unknown;
        c->optionsNote = Text::tr("%1; the running timer (%2) does not tell whether keepalive is on")
                             .arg(reason, core::tcpTimerName(s.timer));
        return;
    }
    c->optionsSource = OptionsSource::Timer;
    c->keepalive.enabled = s.timer == TcpTimer::Keepalive;
    if (s.timer == TcpTimer::Keepalive) {
        const core::KeepaliveSettings defaults = sysctls.keepaliveDefaults();
        c->predictionInput.keepalive = defaults;
        c->optionsNote
            = Text::tr("%1; keepalive is on (sock_diag shows its timer armed); its timers and TCP_USER_TIMEOUT "
                       "are unknown: predicted with the namespace's defaults %2/%3/%4 and no user timeout")
                  .arg(reason)
                  .arg(defaults.idleS)
                  .arg(defaults.intervalS)
                  .arg(defaults.count);
    } else {
        c->optionsNote
            = Text::tr("%1; keepalive is off (sock_diag shows no keepalive timer on this established connection)")
                  .arg(reason);
    }
}

} // namespace

ConnectionAudit::ConnectionAudit(int riskThresholdS)
    : m_risk(riskThresholdS)
{ }

bool ConnectionAudit::isAudited(TcpState state)
{
    for (TcpState s : kAuditedStates) {
        if (s == state)
            return true;
    }
    return false;
}

QByteArray ConnectionAudit::predictionKey(const core::PredictionInput &in, bool withRtt)
{
    QByteArray key;
    key.reserve(16 * 8);
    for (qint64 v : {qint64(in.keepalive.enabled), qint64(in.keepalive.idleS), qint64(in.keepalive.intervalS),
                     qint64(in.keepalive.count), qint64(in.userTimeoutMs), qint64(in.retries2), qint64(in.synRetries),
                     qint64(in.synLinearTimeouts), qint64(in.heartbeat.enabled), qint64(in.heartbeat.intervalMs),
                     qint64(in.heartbeat.misses), qint64(in.rtoMinMs), qint64(in.rtoMaxMs), qint64(in.hz)})
        appendInt(&key, v);
    if (withRtt)
        appendInt(&key, qRound64(in.rttMs * 1000));
    return key;
}

bool ConnectionAudit::open(const QString &netnsPath)
{
    m_error.clear();
    m_netns = core::NetworkNamespace();
    if (!netnsPath.isEmpty() && !m_netns.open(netnsPath, &m_error))
        return false;
    if (!m_client.open(m_netns)) {
        m_error = m_client.errorString();
        return false;
    }
    return true;
}

QString ConnectionAudit::userName(quint32 uid)
{
    auto found = m_users.constFind(uid);
    if (found != m_users.constEnd())
        return *found;
    passwd entry{};
    passwd *result = nullptr;
    char buffer[1024];
    QString name;
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &result) == 0 && result)
        name = QString::fromLocal8Bit(result->pw_name);
    m_users.insert(uid, name);
    return name;
}

RiskAssessment ConnectionAudit::assess(const core::PredictionInput &input)
{
    // The idle powered-off prediction is keepalive's: the RTT plays no part in it.
    const QByteArray key = predictionKey(input, false);
    auto found = m_assessments.constFind(key);
    if (found == m_assessments.constEnd())
        found = m_assessments.insert(key, m_risk.assess(input));
    return *found;
}

bool ConnectionAudit::scan(const AuditFilter &filter, std::vector<AuditedConnection> *out)
{
    out->clear();
    m_error.clear();
    if (!m_client.isOpen() && !open(m_netns.path()))
        return false;

    QString sysctlError;
    m_sysctls = NamespaceSysctls::read(m_netns.fd(), &sysctlError);
    if (!sysctlError.isEmpty())
        m_sysctls.problems << sysctlError;
    core::PredictionInput base;
    m_sysctls.applyTo(&base);

    core::SockDiagFilter diag;
    diag.states = auditedStateBits();
    diag.port = filter.port;
    QSet<quint32> inodes;
    out->reserve(m_lastCount + m_lastCount / 8);
    inodes.reserve(qsizetype(m_lastCount + m_lastCount / 8));
    const bool dumped = m_client.dump(diag, [&](const core::SockDiagRow &row) {
        AuditedConnection &c = out->emplace_back();
        c.socket = row;
        if (row.inode)
            inodes.insert(row.inode);
    });
    if (!dumped) {
        m_error = m_client.errorString();
        out->clear();
        return false;
    }

    ProcessSocketMap processes;
    processes.scan(inodes, filter.pid);
    SocketOptionsProbe probe;

    std::vector<AuditedConnection> kept;
    kept.reserve(out->size());
    for (AuditedConnection &c : *out) {
        if (c.socket.inode)
            c.holders = processes.holdersOf(c.socket.inode);
        if (filter.pid && c.holders.isEmpty())
            continue;
        if (!filter.process.isEmpty() && std::none_of(c.holders.cbegin(), c.holders.cend(), [&](const SocketHolder &h) {
                return h.command == filter.process;
            }))
            continue;
        c.user = userName(c.socket.uid);
        c.predictionInput = base;
        if (c.socket.hasTcpInfo && c.socket.sample.rttUs > 0)
            c.predictionInput.rttMs = c.socket.sample.rttUs / 1000.0;

        int probeErrno = ENOENT;
        for (const SocketHolder &h : std::as_const(c.holders)) {
            SocketDeadPeerOptions options;
            probeErrno = probe.read(h.pid, h.fd, c.socket.inode, &options);
            if (probeErrno == 0) {
                c.optionsSource = OptionsSource::Socket;
                c.optionsNote
                    = Text::tr("read from the socket of pid %1 (fd %2) with pidfd_getfd").arg(h.pid).arg(h.fd);
                c.keepalive = {options.keepalive, options.idleS, options.intervalS, options.count};
                c.userTimeoutMs = options.userTimeoutMs;
                c.predictionInput.keepalive = {options.keepalive, options.idleS, options.intervalS, options.count};
                c.predictionInput.userTimeoutMs = options.userTimeoutMs;
                break;
            }
            if (probeErrno != ESRCH && probeErrno != EBADF && probeErrno != ESTALE)
                break; // the next holder would be refused for the same reason
        }
        if (c.optionsSource != OptionsSource::Socket)
            deduceFromTimer(&c, unreadableReason(c, probeErrno, processes), m_sysctls);

        if (c.optionsSource != OptionsSource::Unknown)
            c.assessment = assess(c.predictionInput);
        kept.push_back(std::move(c));
    }
    out->swap(kept);
    m_lastCount = std::max(m_lastCount, out->size());
    return true;
}

} // namespace halfopen::audit
