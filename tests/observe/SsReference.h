// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagRow.h"
#include "core/tcp/TcpState.h"

#include <QProcess>
#include <QStringList>

#include <functional>

// What iproute2's `ss` prints for the same sockets: the reference our sock_diag rows must match.
// Rows are compared as "STATE RECV-Q SEND-Q LOCAL PEER" in our spelling: state names as
// tcpStateName() gives them, addresses as SocketAddress::toString(), ss's "*" port as 0.
namespace SsReference {

inline QString key(halfopen::core::TcpState state, quint64 recvQ, quint64 sendQ, const QString &local,
                   const QString &peer)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(halfopen::core::tcpStateName(state))
        .arg(recvQ)
        .arg(sendQ)
        .arg(local, peer);
}

inline QString key(const halfopen::core::SockDiagRow &row)
{
    return key(row.sample.state, row.sample.recvQ, row.sample.sendQ, row.local.toString(), row.remote.toString());
}

inline QString normalizedAddress(QString address)
{
    if (address.endsWith(QLatin1String(":*")))
        address.replace(address.size() - 1, 1, QStringLiteral("0"));
    return address;
}

// `ss -tanH 'sport = :PORT or dport = :PORT'`, sorted, keeping the rows whose (local, peer)
// `keep` accepts (all without one). Empty list and *error on failure.
inline QStringList rowsForPort(quint16 port, QString *error,
                               const std::function<bool(const QString &, const QString &)> &keep = {})
{
    QProcess ss;
    ss.start(QStringLiteral("ss"), {QStringLiteral("-tanH"), QStringLiteral("sport = :%1 or dport = :%1").arg(port)});
    if (!ss.waitForFinished(10000) || ss.exitStatus() != QProcess::NormalExit || ss.exitCode() != 0) {
        *error = QStringLiteral("ss failed: %1 %2")
                     .arg(ss.errorString(), QString::fromLocal8Bit(ss.readAllStandardError()));
        return {};
    }
    QStringList rows;
    const QStringList lines
        = QString::fromLocal8Bit(ss.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        const auto state = f.size() >= 5 ? halfopen::core::tcpStateFromName(f[0]) : std::nullopt;
        if (!state) {
            *error = QStringLiteral("unexpected ss line: %1").arg(line);
            return {};
        }
        const QString local = normalizedAddress(f[3]);
        const QString peer = normalizedAddress(f[4]);
        if (!keep || keep(local, peer))
            rows.append(key(*state, f[1].toULongLong(), f[2].toULongLong(), local, peer));
    }
    rows.sort();
    return rows;
}

} // namespace SsReference
