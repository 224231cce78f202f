// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/SocketOptions.h"
#include "core/tcp/JsonFields.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>

namespace halfopen::core {

namespace {

// In the words every settings reader uses (JsonFields): "keepalive idle (TCP_KEEPIDLE): must be a
// whole number from 1 to 32767 s, not 0".
QString rangeMessage(const char *field, int minimum, int maximum, const char *unit, int value)
{
    return JsonFields::problem(
        QCoreApplication::translate("SocketOptions", field),
        JsonFields::wholeNumberRule(minimum, maximum, QString::number(value),
                                    *unit ? QLatin1Char(' ') + QCoreApplication::translate("SocketOptions", unit)
                                          : QString()));
}

bool setInt(int fd, int level, int name, int value)
{
    return ::setsockopt(fd, level, name, &value, sizeof value) == 0;
}

int getInt(int fd, int level, int name)
{
    int value = 0;
    socklen_t length = sizeof value;
    ::getsockopt(fd, level, name, &value, &length);
    return value;
}

int familyOf(int fd)
{
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length);
    return addr.ss_family;
}

} // namespace

QList<SettingError> KeepaliveSettings::validate() const
{
    QList<SettingError> errors;
    if (!enabled)
        return errors;
    if (idleS < 1 || idleS > kMaxIdleS)
        errors.append({QStringLiteral("keepalive idle"),
                       rangeMessage(QT_TRANSLATE_NOOP("SocketOptions", "keepalive idle (TCP_KEEPIDLE)"), 1, kMaxIdleS,
                                    QT_TRANSLATE_NOOP("SocketOptions", "s"), idleS)});
    if (intervalS < 1 || intervalS > kMaxIntervalS)
        errors.append({QStringLiteral("keepalive interval"),
                       rangeMessage(QT_TRANSLATE_NOOP("SocketOptions", "keepalive interval (TCP_KEEPINTVL)"), 1,
                                    kMaxIntervalS, QT_TRANSLATE_NOOP("SocketOptions", "s"), intervalS)});
    if (count < 1 || count > kMaxCount)
        errors.append({QStringLiteral("keepalive count"),
                       rangeMessage(QT_TRANSLATE_NOOP("SocketOptions", "keepalive count (TCP_KEEPCNT)"), 1, kMaxCount,
                                    "", count)});
    return errors;
}

QList<SettingError> SocketOptions::validate() const
{
    QList<SettingError> errors = keepalive.validate();
    if (userTimeoutMs < 0)
        errors.append({QStringLiteral("user timeout"),
                       rangeMessage(QT_TRANSLATE_NOOP("SocketOptions", "user timeout (TCP_USER_TIMEOUT)"), 0,
                                    kMaxUserTimeoutMs, QT_TRANSLATE_NOOP("SocketOptions", "ms"), userTimeoutMs)});
    return errors;
}

QList<SettingError> SocketOptions::applyTo(int fd) const
{
    QList<SettingError> failures;
    auto check = [&](bool ok, const char *option) {
        if (!ok)
            failures.append({QString::fromLatin1(option), ErrnoCatalog::describe(errno)});
    };
    check(setInt(fd, SOL_SOCKET, SO_KEEPALIVE, keepalive.enabled ? 1 : 0), "SO_KEEPALIVE");
    if (keepalive.enabled) {
        check(setInt(fd, IPPROTO_TCP, TCP_KEEPIDLE, keepalive.idleS), "TCP_KEEPIDLE");
        check(setInt(fd, IPPROTO_TCP, TCP_KEEPINTVL, keepalive.intervalS), "TCP_KEEPINTVL");
        check(setInt(fd, IPPROTO_TCP, TCP_KEEPCNT, keepalive.count), "TCP_KEEPCNT");
    }
    check(setInt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, userTimeoutMs), "TCP_USER_TIMEOUT");
    const linger abortive{lingerAbort ? 1 : 0, 0};
    check(::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive) == 0, "SO_LINGER");
    check(setInt(fd, IPPROTO_TCP, TCP_NODELAY, noDelay ? 1 : 0), "TCP_NODELAY");
    if (familyOf(fd) == AF_INET6)
        check(setInt(fd, IPPROTO_IPV6, IPV6_RECVERR, recvErr ? 1 : 0), "IPV6_RECVERR");
    else
        check(setInt(fd, IPPROTO_IP, IP_RECVERR, recvErr ? 1 : 0), "IP_RECVERR");
    return failures;
}

SocketOptions SocketOptions::readFrom(int fd)
{
    SocketOptions o;
    o.keepalive.enabled = getInt(fd, SOL_SOCKET, SO_KEEPALIVE) != 0;
    o.keepalive.idleS = getInt(fd, IPPROTO_TCP, TCP_KEEPIDLE);
    o.keepalive.intervalS = getInt(fd, IPPROTO_TCP, TCP_KEEPINTVL);
    o.keepalive.count = getInt(fd, IPPROTO_TCP, TCP_KEEPCNT);
    o.userTimeoutMs = getInt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT);
    linger current{};
    socklen_t length = sizeof current;
    ::getsockopt(fd, SOL_SOCKET, SO_LINGER, &current, &length);
    o.lingerAbort = current.l_onoff != 0 && current.l_linger == 0;
    o.noDelay = getInt(fd, IPPROTO_TCP, TCP_NODELAY) != 0;
    o.recvErr = familyOf(fd) == AF_INET6 ? getInt(fd, IPPROTO_IPV6, IPV6_RECVERR) != 0
                                         : getInt(fd, IPPROTO_IP, IP_RECVERR) != 0;
    return o;
}

QJsonObject SocketOptions::toJson() const
{
    return {
        {QStringLiteral("keepalive"), keepalive.enabled},
        {QStringLiteral("keepalive_idle_s"), keepalive.idleS},
        {QStringLiteral("keepalive_interval_s"), keepalive.intervalS},
        {QStringLiteral("keepalive_count"), keepalive.count},
        {QStringLiteral("user_timeout_ms"), userTimeoutMs},
        {QStringLiteral("linger_abort"), lingerAbort},
        {QStringLiteral("nodelay"), noDelay},
        {QStringLiteral("recverr"), recvErr},
    };
}

SocketOptions SocketOptions::fromJson(const QJsonObject &j)
{
    SocketOptions o;
    o.keepalive.enabled = j.value(QStringLiteral("keepalive")).toBool();
    o.keepalive.idleS = j.value(QStringLiteral("keepalive_idle_s")).toInt(o.keepalive.idleS);
    o.keepalive.intervalS = j.value(QStringLiteral("keepalive_interval_s")).toInt(o.keepalive.intervalS);
    o.keepalive.count = j.value(QStringLiteral("keepalive_count")).toInt(o.keepalive.count);
    o.userTimeoutMs = j.value(QStringLiteral("user_timeout_ms")).toInt();
    o.lingerAbort = j.value(QStringLiteral("linger_abort")).toBool();
    o.noDelay = j.value(QStringLiteral("nodelay")).toBool();
    o.recvErr = j.value(QStringLiteral("recverr")).toBool();
    return o;
}

std::optional<SocketOptions> SocketOptions::fromJsonStrict(const QJsonObject &j, const QString &path, QString *error)
{
    SocketOptions o;
    JsonFields f(j, path, error);
    if (!f.onlyKeys({QStringLiteral("keepalive"), QStringLiteral("keepalive_idle_s"),
                     QStringLiteral("keepalive_interval_s"), QStringLiteral("keepalive_count"),
                     QStringLiteral("user_timeout_ms"), QStringLiteral("linger_abort"), QStringLiteral("nodelay"),
                     QStringLiteral("recverr")})
        || !f.boolean(QStringLiteral("keepalive"), &o.keepalive.enabled)
        || !f.integer(QStringLiteral("keepalive_idle_s"), 1, KeepaliveSettings::kMaxIdleS, &o.keepalive.idleS)
        || !f.integer(QStringLiteral("keepalive_interval_s"), 1, KeepaliveSettings::kMaxIntervalS,
                      &o.keepalive.intervalS)
        || !f.integer(QStringLiteral("keepalive_count"), 1, KeepaliveSettings::kMaxCount, &o.keepalive.count)
        || !f.integer(QStringLiteral("user_timeout_ms"), 0, kMaxUserTimeoutMs, &o.userTimeoutMs)
        || !f.boolean(QStringLiteral("linger_abort"), &o.lingerAbort)
        || !f.boolean(QStringLiteral("nodelay"), &o.noDelay) || !f.boolean(QStringLiteral("recverr"), &o.recvErr))
        return std::nullopt;
    return o;
}

} // namespace halfopen::core
