// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace halfopen::core {

namespace {

struct Entry
{
    int value;
    const char *name;
    const char *meaning;
    const char *cause;
};

// The errors a TCP application meets, with the mechanism behind each in the kernel's terms.
const Entry kEntries[] = {
    {ETIMEDOUT, "ETIMEDOUT", QT_TRANSLATE_NOOP("ErrnoCatalog", "Connection timed out"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "The peer stopped answering: keepalive probes, retransmissions (tcp_retries2), TCP_USER_TIMEOUT "
                       "or SYN retries ran out.")},
    {ECONNRESET, "ECONNRESET", QT_TRANSLATE_NOOP("ErrnoCatalog", "Connection reset by peer"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "The peer answered with RST: it rebooted and forgot the connection, closed with unread data, or "
                       "aborted (SO_LINGER 0).")},
    {EPIPE, "EPIPE", QT_TRANSLATE_NOOP("ErrnoCatalog", "Broken pipe"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "Writing to a connection that is already closed or reset, e.g. the second write after the peer "
                       "process died.")},
    {EHOSTUNREACH, "EHOSTUNREACH", QT_TRANSLATE_NOOP("ErrnoCatalog", "No route to host"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "ARP/neighbour discovery for the peer failed, or a router answered ICMP host unreachable.")},
    {ENETUNREACH, "ENETUNREACH", QT_TRANSLATE_NOOP("ErrnoCatalog", "Network is unreachable"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "No route to the peer's network, or a router answered ICMP network unreachable.")},
    {ECONNREFUSED, "ECONNREFUSED", QT_TRANSLATE_NOOP("ErrnoCatalog", "Connection refused"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "The host is up but nothing listens on that port: the SYN was answered with RST.")},
    {ECONNABORTED, "ECONNABORTED", QT_TRANSLATE_NOOP("ErrnoCatalog", "Software caused connection abort"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "The local stack aborted the connection, e.g. it was reset while waiting in the accept queue.")},
    {ENOTCONN, "ENOTCONN", QT_TRANSLATE_NOOP("ErrnoCatalog", "Transport endpoint is not connected"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "The socket is not (or no longer) connected.")},
    {EADDRINUSE, "EADDRINUSE", QT_TRANSLATE_NOOP("ErrnoCatalog", "Address already in use"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "Another socket already listens on this address and port.")},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", QT_TRANSLATE_NOOP("ErrnoCatalog", "Cannot assign requested address"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "The address does not belong to this host, or no local port is free.")},
    {EACCES, "EACCES", QT_TRANSLATE_NOOP("ErrnoCatalog", "Permission denied"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "Ports below 1024 need privileges, or a firewall rule rejected the packet.")},
    {EPERM, "EPERM", QT_TRANSLATE_NOOP("ErrnoCatalog", "Operation not permitted"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "The operation needs a capability this process lacks, or a firewall dropped it.")},
    {EINVAL, "EINVAL", QT_TRANSLATE_NOOP("ErrnoCatalog", "Invalid argument"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "A socket option value is outside what the kernel accepts.")},
    {EINPROGRESS, "EINPROGRESS", QT_TRANSLATE_NOOP("ErrnoCatalog", "Operation now in progress"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "A non-blocking connect has started; the result comes later.")},
    {EAGAIN, "EAGAIN", QT_TRANSLATE_NOOP("ErrnoCatalog", "Resource temporarily unavailable"),
     QT_TRANSLATE_NOOP("ErrnoCatalog",
                       "Nothing to read, or the send buffer is full: try again when the socket is ready.")},
    {ENOBUFS, "ENOBUFS", QT_TRANSLATE_NOOP("ErrnoCatalog", "No buffer space available"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "The kernel ran out of socket memory.")},
    {EMFILE, "EMFILE", QT_TRANSLATE_NOOP("ErrnoCatalog", "Too many open files"),
     QT_TRANSLATE_NOOP(
         "ErrnoCatalog",
         "The process reached its file descriptor limit (ulimit -n), e.g. half-open connections piling up.")},
    {ENETDOWN, "ENETDOWN", QT_TRANSLATE_NOOP("ErrnoCatalog", "Network is down"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "The interface towards the peer is down.")},
    {EHOSTDOWN, "EHOSTDOWN", QT_TRANSLATE_NOOP("ErrnoCatalog", "Host is down"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "The peer host is known to be down.")},
    {EPROTO, "EPROTO", QT_TRANSLATE_NOOP("ErrnoCatalog", "Protocol error"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "An ICMP parameter problem or similar protocol error was reported.")},
    {EMSGSIZE, "EMSGSIZE", QT_TRANSLATE_NOOP("ErrnoCatalog", "Message too long"),
     QT_TRANSLATE_NOOP("ErrnoCatalog", "An ICMP fragmentation-needed message arrived (path MTU).")},
};

ErrnoInfo toInfo(const Entry &e)
{
    return {e.value, QString::fromLatin1(e.name), QCoreApplication::translate("ErrnoCatalog", e.meaning),
            QCoreApplication::translate("ErrnoCatalog", e.cause)};
}

} // namespace

std::optional<ErrnoInfo> ErrnoCatalog::lookup(int value)
{
    for (const Entry &e : kEntries) {
        if (e.value == value)
            return toInfo(e);
    }
    return std::nullopt;
}

std::optional<ErrnoInfo> ErrnoCatalog::lookup(QStringView name)
{
    for (const Entry &e : kEntries) {
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return toInfo(e);
    }
    return std::nullopt;
}

QList<ErrnoInfo> ErrnoCatalog::all()
{
    QList<ErrnoInfo> list;
    for (const Entry &e : kEntries)
        list.append(toInfo(e));
    return list;
}

QString ErrnoCatalog::name(int value)
{
    if (const auto info = lookup(value))
        return info->name;
    const char *abbrev = ::strerrorname_np(value);
    return abbrev ? QString::fromLatin1(abbrev) : QStringLiteral("E%1").arg(value);
}

QString ErrnoCatalog::describe(int value)
{
    if (const auto info = lookup(value))
        return QStringLiteral("%1 (%2)").arg(info->name, info->meaning);
    return QStringLiteral("%1 (%2)").arg(name(value), QString::fromLocal8Bit(::strerror(value)));
}

} // namespace halfopen::core
