// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/RealNetworkConfig.h"

#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <arpa/inet.h>

namespace halfopen::realnet {

namespace {

// lupdate takes the context from this class (a free function named tr would hide it).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RealNetworkConfig)
};

bool isAddressLiteral(const QString &text)
{
    const QByteArray latin = text.toLatin1();
    in6_addr buffer{};
    return ::inet_pton(AF_INET, latin.constData(), &buffer) == 1
        || ::inet_pton(AF_INET6, latin.constData(), &buffer) == 1;
}

// RFC 1123 host names: labels of letters, digits and hyphens, dot-separated. The endpoint
// resolves them; a name that does not resolve is reported when it starts.
bool isHostName(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)("
                                                        "\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    // A last label of digits only is a mistyped address (192.168.1.300), not a name.
    static const QRegularExpression numericEnd(QStringLiteral("(^|\\.)[0-9]+\\.?$"));
    return name.match(text).hasMatch() && !numericEnd.match(text).hasMatch();
}

QString bracketed(const QString &address)
{
    return address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address;
}

} // namespace

core::Host RealNetworkConfig::host() const
{
    return role == Role::Client ? core::Host::Client : core::Host::Server;
}

quint16 RealNetworkConfig::testPort() const
{
    return role == Role::Client ? peerPort : listenPort;
}

QString RealNetworkConfig::endpointAddress() const
{
    return role == Role::Client ? QStringLiteral("%1:%2").arg(bracketed(peerAddress)).arg(peerPort)
                                : QStringLiteral("%1:%2").arg(bracketed(listenAddress)).arg(listenPort);
}

QList<core::SettingError> RealNetworkConfig::validate() const
{
    QList<core::SettingError> errors;
    auto portError = [&](const QString &field, quint16 port) {
        if (port < 1) // in the words every settings reader uses (JsonFields)
            errors.append({field, core::JsonFields::wholeNumberRule(1, 65535, QString::number(port))});
    };
    if (role == Role::Client) {
        const QString address = peerAddress.trimmed();
        if (address.isEmpty())
            errors.append(
                {Text::tr("Peer address"),
                 Text::tr("is empty: enter the peer's IPv4 or IPv6 address or host name, e.g. 192.168.1.20")});
        else if (!isAddressLiteral(address) && !isHostName(address))
            errors.append(
                {Text::tr("Peer address"),
                 Text::tr(
                     "'%1' is neither an IPv4 or IPv6 address nor a host name (e.g. 192.168.1.20, fe80::1, plc.local)")
                     .arg(address)});
        portError(Text::tr("Peer port"), peerPort);
    } else {
        const QString address = listenAddress.trimmed();
        if (!isAddressLiteral(address))
            errors.append({Text::tr("Listen address"),
                           Text::tr("'%1' is not an IPv4 or IPv6 address of this machine: use 0.0.0.0 (every IPv4 "
                                    "address), :: (every address) or one of its own addresses")
                               .arg(address)});
        portError(Text::tr("Listen port"), listenPort);
    }
    return errors;
}

QStringList RealNetworkConfig::endpointArguments(const lab::HostConfig &side) const
{
    lab::HostConfig host = side;
    host.host = this->host();
    host.endpoint.host = host.host;
    host.role = role == Role::Client ? lab::HostConfig::Role::Client : lab::HostConfig::Role::Server;
    host.address = bracketed(listenAddress.trimmed());
    host.port = testPort();
    return host.cliArguments(bracketed(peerAddress.trimmed()));
}

QJsonObject RealNetworkConfig::toJson() const
{
    return {{QStringLiteral("role"), core::hostName(host())},
            {QStringLiteral("peer_address"), peerAddress},
            {QStringLiteral("peer_port"), peerPort},
            {QStringLiteral("listen_address"), listenAddress},
            {QStringLiteral("listen_port"), listenPort}};
}

RealNetworkConfig RealNetworkConfig::fromJson(const QJsonObject &json)
{
    RealNetworkConfig c;
    c.role = json.value(QStringLiteral("role")).toString() == QLatin1String("server") ? Role::Server : Role::Client;
    c.peerAddress = json.value(QStringLiteral("peer_address")).toString(c.peerAddress);
    c.listenAddress = json.value(QStringLiteral("listen_address")).toString(c.listenAddress);
    auto port = [&](const char *key, quint16 fallback) {
        const int value = json.value(QLatin1String(key)).toInt(fallback);
        return value >= 1 && value <= 65535 ? quint16(value) : fallback;
    };
    c.peerPort = port("peer_port", c.peerPort);
    c.listenPort = port("listen_port", c.listenPort);
    return c;
}

} // namespace halfopen::realnet
