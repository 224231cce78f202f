// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/SocketAddress.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <cstring>

namespace halfopen::core {

quint16 SocketAddress::port() const
{
    if (family() == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(storage).sin_port);
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(storage).sin6_port);
    return 0;
}

QString SocketAddress::host() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (family() == AF_INET)
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(storage).sin_addr, text, sizeof text);
    else if (family() == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(storage).sin6_addr, text, sizeof text);
    return QString::fromLatin1(text);
}

QString SocketAddress::toString() const
{
    if (family() == AF_INET6)
        return QStringLiteral("[%1]:%2").arg(host()).arg(port());
    return QStringLiteral("%1:%2").arg(host()).arg(port());
}

SocketAddress SocketAddress::parse(const QString &text, QString *error, bool allowAnyPort)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return SocketAddress{};
    };
    auto notHostPort = [&] {
        return fail(
            QCoreApplication::translate("SocketAddress", "'%1' is not HOST:PORT (IPv6 as [ADDR]:PORT)").arg(text));
    };
    auto portMissing = [&] {
        return fail(
            QCoreApplication::translate("SocketAddress", "'%1' is not HOST:PORT: the port is missing").arg(text));
    };
    QString host;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0 || (close + 1 < text.size() && text.at(close + 1) != QLatin1Char(':')))
            return notHostPort();
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return portMissing();
        host = text.left(colon);
        // "::1" is an IPv6 address, not host "::" with port 1.
        if (host.contains(QLatin1Char(':')))
            return notHostPort();
        portText = text.mid(colon + 1);
    }
    if (portText.isEmpty())
        return portMissing();
    bool ok = false;
    const int port = portText.toInt(&ok);
    const int minPort = allowAnyPort ? 0 : 1;
    if (!ok)
        return fail(QCoreApplication::translate("SocketAddress", "port '%1' is not a number: use %2 to 65535")
                        .arg(portText)
                        .arg(minPort));
    if (port < minPort || port > 65535)
        return fail(QCoreApplication::translate("SocketAddress", "port '%1' is out of range: allowed %2 to 65535")
                        .arg(portText)
                        .arg(minPort));
    if (host.isEmpty() && text.startsWith(QLatin1Char('[')))
        return fail(
            QCoreApplication::translate("SocketAddress", "'%1' has an empty IPv6 address: use [::]:PORT for any")
                .arg(text));
    if (host.isEmpty())
        host = QStringLiteral("0.0.0.0");
    // Numeric only, never a name lookup (a typo such as 256.1.1.1 would go out as a DNS query),
    // and strictly dotted-quad (inet_aton would read 1.2.3 as 1.2.0.3). localhost is loopback.
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    SocketAddress address;
    const QByteArray hostBytes = host.toLatin1();
    if (!text.startsWith(QLatin1Char('['))) {
        sockaddr_in v4{};
        v4.sin_family = AF_INET;
        if (::inet_pton(AF_INET, hostBytes.constData(), &v4.sin_addr) != 1)
            return fail(QCoreApplication::translate("SocketAddress",
                                                    "'%1' is not an IPv4 address such as 192.0.2.10 (four numbers 0 to "
                                                    "255; IPv6 as [ADDR]:PORT; names are not looked up)")
                            .arg(host));
        address = fromSockaddr(reinterpret_cast<const sockaddr *>(&v4), sizeof v4);
    } else {
        sockaddr_in6 v6{};
        v6.sin6_family = AF_INET6;
        if (::inet_pton(AF_INET6, hostBytes.constData(), &v6.sin6_addr) != 1)
            return fail(
                QCoreApplication::translate("SocketAddress", "'%1' is not an IPv6 address such as ::1").arg(host));
        address = fromSockaddr(reinterpret_cast<const sockaddr *>(&v6), sizeof v6);
    }
    if (address.family() == AF_INET)
        reinterpret_cast<sockaddr_in &>(address.storage).sin_port = htons(quint16(port));
    else
        reinterpret_cast<sockaddr_in6 &>(address.storage).sin6_port = htons(quint16(port));
    return address;
}

SocketAddress SocketAddress::fromSockaddr(const sockaddr *addr, socklen_t length)
{
    SocketAddress address;
    if (length > sizeof address.storage)
        return address;
    std::memcpy(&address.storage, addr, length);
    address.length = length;
    return address;
}

SocketAddress SocketAddress::localOf(int fd)
{
    SocketAddress address;
    address.length = sizeof address.storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address.storage), &address.length) != 0)
        address.length = 0;
    return address;
}

SocketAddress SocketAddress::peerOf(int fd)
{
    SocketAddress address;
    address.length = sizeof address.storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address.storage), &address.length) != 0)
        address.length = 0;
    return address;
}

} // namespace halfopen::core
