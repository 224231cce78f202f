// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace halfopen::realnet {

// The TCP settings of this machine's kernel that decide detection times, as /proc/sys shows
// them for the network namespace we run in: what a prediction for a real connection must use
// (the lab sets its hosts' own; a real host has whatever its administrator left).
class HostTcpSettings
{
public:
    // `procSysNetIpv4`: where to read; tests point it at a folder of their own.
    explicit HostTcpSettings(QString procSysNetIpv4 = QStringLiteral("/proc/sys/net/ipv4"));

    // The sysctls the lab also knows ("net.ipv4.tcp_retries2" -> "15"), each one this host
    // has. One that cannot be read is left out and named in *problems.
    QMap<QString, QString> read(QStringList *problems = nullptr) const;

    // The names read, in the lab's spelling.
    static QStringList names();

    // How this machine reaches `peerAddress` (RTM_GETROUTE) decides the prediction's neighbour:
    // on-link with a dynamic entry gives the route's interface's neighbour timers in the lab's
    // spelling ("net.ipv4.neigh.eth0.base_reachable_time_ms": the prediction's "cable
    // interface") and sets *dynamicArp; routed, local or a permanent entry gives none. The
    // sentence saying which was assumed goes to *assumption.
    static QMap<QString, QString> neighbourFor(const QString &peerAddress, bool *dynamicArp, QString *assumption);

private:
    QString m_dir;
};

} // namespace halfopen::realnet
