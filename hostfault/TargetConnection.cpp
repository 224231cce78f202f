// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/TargetConnection.h"

#include "hostfault/ProcessFacts.h"

#include "audit/ProcessSocketMap.h"

#include "core/observe/SockDiagClient.h"
#include "core/observe/SocketTuple.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

#include <cerrno>

namespace halfopen::hostfault {

using namespace core;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hostfault", text);
}

TargetConnection fromRow(const SockDiagRow &row, qint64 pid, int fd)
{
    TargetConnection c;
    c.pid = pid;
    c.process = processName(pid);
    c.local = row.local;
    c.remote = row.remote;
    c.inode = row.inode;
    c.fd = fd;
    c.cookie = row.cookie;
    c.sample = row.sample;
    return c;
}

bool sameEndpoint(const SocketAddress &a, const SocketAddress &b)
{
    return a.host() == b.host() && a.port() == b.port();
}

} // namespace

QString TargetConnection::describe() const
{
    const QString who = pid > 0 ? tr("%1 (pid %2)").arg(process.isEmpty() ? tr("process") : process).arg(pid)
                                : tr("no visible process");
    return tr("%1 %2 -> %3").arg(who, local.toString(), remote.toString());
}

QJsonObject TargetConnection::toJson() const
{
    return {{QStringLiteral("pid"), pid},
            {QStringLiteral("process"), process},
            {QStringLiteral("local"), local.toString()},
            {QStringLiteral("remote"), remote.toString()},
            {QStringLiteral("inode"), qint64(inode)},
            {QStringLiteral("fd"), fd}};
}

bool findTarget(const TargetQuery &query, TargetConnection *out, QString *error, QList<TargetConnection> *candidates)
{
    SockDiagClient diag;
    if (!diag.open()) {
        *error = diag.errorString();
        return false;
    }
    if (query.pid <= 0) {
        if (!query.local.isValid() || !query.remote.isValid()) {
            *error = tr("name the connection: --pid PID, or LOCAL REMOTE as ADDR:PORT");
            return false;
        }
        SockDiagRow row;
        switch (diag.lookup(query.local, query.remote, &row)) {
        case SockDiagClient::LookupResult::Failed:
            *error = diag.errorString();
            return false;
        case SockDiagClient::LookupResult::NotFound:
            *error = tr("no TCP connection %1 -> %2 in this network namespace")
                         .arg(query.local.toString(), query.remote.toString());
            return false;
        case SockDiagClient::LookupResult::Found:
            break;
        }
        if (row.sample.state != TcpState::Established) {
            *error = tr("the connection %1 -> %2 is %3, not ESTABLISHED")
                         .arg(query.local.toString(), query.remote.toString(), tcpStateName(row.sample.state));
            return false;
        }
        audit::ProcessSocketMap holders;
        holders.scan({row.inode});
        const QList<audit::SocketHolder> found = holders.holdersOf(row.inode);
        *out = found.isEmpty() ? fromRow(row, 0, -1) : fromRow(row, found.first().pid, found.first().fd);
        return true;
    }

    const quint64 netns = networkNamespaceOf(query.pid);
    if (netns == 0) {
        // /proc/PID/ns/net is refused for another user's process (ptrace rights), absent for none.
        *error = processAlive(query.pid)
            ? tr("--pid: cannot read /proc/%1/fd: %2 (a process of another user needs root or CAP_SYS_PTRACE)")
                  .arg(query.pid)
                  .arg(ErrnoCatalog::describe(EACCES))
            : tr("--pid: no process %1").arg(query.pid);
        return false;
    }
    if (netns != networkNamespaceOf(0)) {
        *error = tr("--pid: process %1 is in another network namespace; run halfopen-cli inside it (nsenter -t %1 -n, "
                    "or ip netns exec NAME)")
                     .arg(query.pid);
        return false;
    }
    SockDiagFilter filter;
    filter.onlyStates({TcpState::Established});
    if (query.remote.isValid())
        filter.port = query.remote.port();
    QList<SockDiagRow> rows;
    const bool ok = diag.dump(filter, [&](const SockDiagRow &row) {
        if (query.local.isValid() && !sameEndpoint(row.local, query.local))
            return;
        if (query.remote.isValid() && !sameEndpoint(row.remote, query.remote))
            return;
        rows.append(row);
    });
    if (!ok) {
        *error = diag.errorString();
        return false;
    }
    // Which of them this process holds: audit's /proc/PID/fd map.
    QSet<quint32> inodes;
    for (const SockDiagRow &row : std::as_const(rows))
        inodes.insert(row.inode);
    inodes.insert(0); // an fd folder is read even when no row matched, to report a refusal
    audit::ProcessSocketMap holders;
    holders.scan(inodes, query.pid);
    if (holders.deniedErrno()) {
        *error = tr("--pid: cannot read /proc/%1/fd: %2 (a process of another user needs root or CAP_SYS_PTRACE)")
                     .arg(query.pid)
                     .arg(ErrnoCatalog::describe(holders.deniedErrno()));
        return false;
    }
    QList<TargetConnection> found;
    for (const SockDiagRow &row : std::as_const(rows)) {
        for (const audit::SocketHolder &holder : holders.holdersOf(row.inode)) {
            if (holder.pid == query.pid) {
                found.append(fromRow(row, query.pid, holder.fd));
                break;
            }
        }
    }
    if (candidates)
        *candidates = found;
    if (found.isEmpty()) {
        *error = tr("--pid: %1 (pid %2) holds no established TCP connection in this network namespace")
                     .arg(processName(query.pid))
                     .arg(query.pid);
        return false;
    }
    if (found.size() > 1) {
        *error = tr("--pid: %1 (pid %2) holds %3 established TCP connections; name one with LOCAL REMOTE")
                     .arg(processName(query.pid))
                     .arg(query.pid)
                     .arg(found.size());
        return false;
    }
    *out = found.first();
    return true;
}

} // namespace halfopen::hostfault
