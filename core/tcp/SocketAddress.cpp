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
        return fail(QCoreApplication::translate("SocketAddress", "'%1' is not HOST:PORT (IPv6 as [ADDR]:PORT)").arg(text));
    };
    auto portMissing = [&] {
        return fail(QCoreApplication::translate("SocketAddress", "'%1' is not HOST:PORT: the port is missing").arg(text));
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
    if (!ok || port < minPort || port > 65535)
        return fail(QCoreApplication::translate("SocketAddress", "port '%1' is out of range: allowed %2 to 65535").arg(portText).arg(minPort));
    if (host.isEmpty())
        host = QStringLiteral("0.0.0.0");

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const int rc = ::getaddrinfo(host.toUtf8().constData(), nullptr, &hints, &found);
    if (rc != 0 || !found)
        return fail(QCoreApplication::translate("SocketAddress", "host '%1' does not resolve: %2").arg(host, QString::fromLocal8Bit(::gai_strerror(rc))));
    SocketAddress address = fromSockaddr(found->ai_addr, found->ai_addrlen);
    ::freeaddrinfo(found);
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
