// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/ConnectionAudit.h"

#include "audit/ProcessSocketMap.h"
#include "audit/SocketOptionsProbe.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QSet>

#include <pwd.h>
#include <signal.h>

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

ConnectionAudit::ConnectionAudit(int riskThresholdS, std::chrono::milliseconds rereadAfter)
    : m_risk(riskThresholdS)
    , m_rereadAfter(rereadAfter)
{
    m_clock.start();
}

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

// A walk is needed when a socket is new or its facts are due, or when a process that held one
// has exited (its sockets may now be another's, or orphans). Each distinct pid is checked once.
bool ConnectionAudit::needsProcessWalk(const std::vector<AuditedConnection> &rows, qint64 nowMs) const
{
    for (const AuditedConnection &c : rows) {
        if (c.socket.inode == 0)
            continue; // an orphan: no process to find
        const auto known = m_known.constFind(c.socket.cookie);
        if (c.socket.cookie == 0 || known == m_known.constEnd() || nowMs - known->readAtMs >= m_rereadAfter.count())
            return true;
    }
    QSet<qint64> checked;
    for (const KnownSocket &known : m_known) {
        for (const SocketHolder &h : known.holders) {
            if (checked.contains(h.pid))
                continue;
            checked.insert(h.pid);
            if (::kill(pid_t(h.pid), 0) != 0 && errno == ESRCH)
                return true;
        }
    }
    return false;
}

ConnectionAudit::KnownSocket ConnectionAudit::readSocket(const AuditedConnection &c, QList<SocketHolder> holders,
                                                         SocketOptionsProbe *probe, const ProcessSocketMap &processes,
                                                         qint64 nowMs) const
{
    KnownSocket known;
    known.holders = std::move(holders);
    known.readAtMs = nowMs;
    int probeErrno = ENOENT;
    for (const SocketHolder &h : std::as_const(known.holders)) {
        SocketDeadPeerOptions options;
        probeErrno = probe->read(h.pid, h.fd, c.socket.inode, &options);
        if (probeErrno == 0) {
            known.source = OptionsSource::Socket;
            known.note = Text::tr("read from the socket of pid %1 (fd %2) with pidfd_getfd").arg(h.pid).arg(h.fd);
            known.options = options;
            return known;
        }
        if (probeErrno != ESRCH && probeErrno != EBADF && probeErrno != ESTALE)
            break; // the next holder would be refused for the same reason
    }
    AuditedConnection held = c;
    held.holders = known.holders;
    known.note = unreadableReason(held, probeErrno, processes);
    return known;
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
    out->reserve(m_lastCount + m_lastCount / 8);
    const bool dumped = m_client.dump(diag, [&](const core::SockDiagRow &row) {
        AuditedConnection &c = out->emplace_back();
        c.socket = row;
    });
    if (!dumped) {
        m_error = m_client.errorString();
        out->clear();
        return false;
    }

    const qint64 now = m_clock.elapsed();
    if (!(filter == m_knownFilter)) {
        m_known.clear();
        m_knownFilter = filter;
    }
    m_lastScanWalked = needsProcessWalk(*out, now);
    ProcessSocketMap processes;
    if (m_lastScanWalked) {
        QSet<quint32> inodes;
        inodes.reserve(qsizetype(out->size()));
        for (const AuditedConnection &c : std::as_const(*out)) {
            if (c.socket.inode)
                inodes.insert(c.socket.inode);
        }
        processes.scan(inodes, filter.pid);
    }
    SocketOptionsProbe probe;

    QHash<quint64, KnownSocket> known;
    known.reserve(qsizetype(out->size()));
    std::vector<AuditedConnection> kept;
    kept.reserve(out->size());
    for (AuditedConnection &c : *out) {
        const auto cached = c.socket.cookie ? m_known.constFind(c.socket.cookie) : m_known.constEnd();
        const bool fresh = cached != m_known.constEnd() && now - cached->readAtMs < m_rereadAfter.count();
        KnownSocket facts;
        if (!m_lastScanWalked && (fresh || c.socket.inode == 0)) {
            facts = fresh ? *cached : readSocket(c, {}, &probe, processes, now);
        } else {
            QList<SocketHolder> holders = c.socket.inode ? processes.holdersOf(c.socket.inode) : QList<SocketHolder>();
            // Options of a socket still held as before are not read again until they are due.
            facts = fresh && cached->holders == holders ? *cached
                                                        : readSocket(c, std::move(holders), &probe, processes, now);
        }
        if (c.socket.cookie)
            known.insert(c.socket.cookie, facts);

        c.holders = facts.holders;
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
        if (facts.source == OptionsSource::Socket) {
            c.optionsSource = OptionsSource::Socket;
            c.optionsNote = facts.note;
            const SocketDeadPeerOptions &o = facts.options;
            c.keepalive = {o.keepalive, o.idleS, o.intervalS, o.count};
            c.userTimeoutMs = o.userTimeoutMs;
            c.predictionInput.keepalive = {o.keepalive, o.idleS, o.intervalS, o.count};
            c.predictionInput.userTimeoutMs = o.userTimeoutMs;
        } else {
            // The timer changes from scan to scan: the fallback is deduced afresh each time.
            deduceFromTimer(&c, facts.note, m_sysctls);
        }

        if (c.optionsSource != OptionsSource::Unknown)
            c.assessment = assess(c.predictionInput);
        kept.push_back(std::move(c));
    }
    out->swap(kept);
    m_known.swap(known);
    m_lastCount = std::max(m_lastCount, out->size());
    return true;
}

} // namespace halfopen::audit
