// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/HostTcpSettings.h"

#include "core/observe/RouteToPeer.h"

#include <QHostAddress>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <utility>

namespace halfopen::realnet {

namespace {
// What core/predict reads (retries2, syn_retries) and what explains a socket without its own
// keepalive settings.
const char *const kNames[] = {
    "tcp_retries2",        "tcp_syn_retries",      "tcp_keepalive_time",
    "tcp_keepalive_intvl", "tcp_keepalive_probes", "tcp_fin_timeout",
};
} // namespace

HostTcpSettings::HostTcpSettings(QString procSysNetIpv4)
    : m_dir(std::move(procSysNetIpv4))
{ }

QStringList HostTcpSettings::names()
{
    QStringList list;
    for (const char *name : kNames)
        list << QStringLiteral("net.ipv4.") + QLatin1String(name);
    return list;
}

QMap<QString, QString> HostTcpSettings::read(QStringList *problems) const
{
    QMap<QString, QString> values;
    for (const char *name : kNames) {
        QFile file(QDir(m_dir).filePath(QLatin1String(name)));
        bool ok = false;
        QString text;
        if (file.open(QIODevice::ReadOnly)) {
            text = QString::fromLatin1(file.readAll()).trimmed();
            text.toInt(&ok);
        }
        if (ok) {
            values.insert(QStringLiteral("net.ipv4.") + QLatin1String(name), text);
        } else if (problems) {
            *problems << QCoreApplication::translate("HostTcpSettings", "cannot read %1: %2")
                             .arg(file.fileName(),
                                  file.isOpen() ? QCoreApplication::translate("HostTcpSettings", "not a number")
                                                : file.errorString());
        }
    }
    return values;
}

QMap<QString, QString> HostTcpSettings::neighbourFor(const QString &peerAddress, bool *dynamicArp, QString *assumption)
{
    *dynamicArp = false;
    QMap<QString, QString> values;
    const QHostAddress peer(peerAddress);
    QString error;
    const std::optional<core::RouteToPeer> route
        = peer.isNull() ? std::nullopt : core::RouteToPeer::lookup(peer, &error);
    if (!route) {
        *assumption
            = QCoreApplication::translate("HostTcpSettings", "assumed: a static neighbour (no route to %1 known: %2)")
                  .arg(peerAddress,
                       peer.isNull() ? QCoreApplication::translate("HostTcpSettings", "not a numeric address") : error);
        return values;
    }
    if (route->local) {
        *assumption
            = QCoreApplication::translate("HostTcpSettings", "assumed: %1 is this machine: no neighbour to fail")
                  .arg(peerAddress);
        return values;
    }
    if (!route->onLink) {
        *assumption = QCoreApplication::translate(
                          "HostTcpSettings",
                          "assumed: %1 is routed via %2 (%3): the gateway answers ARP, the textbook ETIMEDOUT applies")
                          .arg(peerAddress, route->gateway.toString(), route->interfaceName);
        return values;
    }
    if (const std::optional<quint16> state = core::neighbourState(route->interfaceIndex, peer);
        state && core::neighbourStateName(*state).contains(QLatin1String("PERMANENT"))) {
        *assumption = QCoreApplication::translate("HostTcpSettings",
                                                  "assumed: %1 is on-link via %2 with a static neighbour entry")
                          .arg(peerAddress, route->interfaceName);
        return values;
    }
    const core::NeighbourTimers t
        = core::readNeighbourTimers(route->interfaceName, peer.protocol() == QAbstractSocket::IPv6Protocol);
    *dynamicArp = true;
    values.insert(QStringLiteral("net.ipv4.neigh.eth0.base_reachable_time_ms"), QString::number(t.baseReachableTimeMs));
    values.insert(QStringLiteral("net.ipv4.neigh.eth0.delay_first_probe_time"),
                  QString::number(t.delayFirstProbeMs / 1000));
    values.insert(QStringLiteral("net.ipv4.neigh.eth0.ucast_solicit"), QString::number(t.ucastSolicit));
    values.insert(QStringLiteral("net.ipv4.neigh.eth0.mcast_solicit"), QString::number(t.mcastSolicit));
    values.insert(QStringLiteral("net.ipv4.neigh.eth0.retrans_time_ms"), QString::number(t.retransTimeMs));
    *assumption
        = QCoreApplication::translate(
              "HostTcpSettings",
              "assumed: %1 is on-link via %2, resolved by ARP (dynamic neighbour entry, base_reachable_time %3 ms)")
              .arg(peerAddress, route->interfaceName)
              .arg(t.baseReachableTimeMs);
    return values;
}

} // namespace halfopen::realnet
