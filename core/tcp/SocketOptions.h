// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace halfopen::core {

// A problem with one setting, named as the user typed it ("keepalive idle") with the allowed range.
struct SettingError
{
    QString field;
    QString message;
};

// SO_KEEPALIVE with its three per-socket timers (tcp(7)).
struct KeepaliveSettings
{
    // The kernel's limits (include/net/tcp.h MAX_TCP_KEEPIDLE/KEEPINTVL/KEEPCNT).
    static constexpr int kMaxIdleS = 32767;
    static constexpr int kMaxIntervalS = 32767;
    static constexpr int kMaxCount = 127;

    bool enabled = false;
    int idleS = 7200;   // TCP_KEEPIDLE: idle time before the first probe
    int intervalS = 75; // TCP_KEEPINTVL: time between unanswered probes
    int count = 9;      // TCP_KEEPCNT: unanswered probes before the connection is dropped

    QList<SettingError> validate() const;
    bool operator==(const KeepaliveSettings &) const = default;
};

// Every option HalfOpen sets on a test socket. Applied after socket() (before connect/listen
// where it matters) and read back with getsockopt so the user sees what the kernel really has.
struct SocketOptions
{
    static constexpr int kMaxUserTimeoutMs = 2147483647;

    KeepaliveSettings keepalive;
    int userTimeoutMs = 0;    // TCP_USER_TIMEOUT, 0 = kernel default (off)
    bool lingerAbort = false; // SO_LINGER {on, 0}: close() sends RST instead of FIN
    bool noDelay = false;     // TCP_NODELAY
    bool recvErr = false;     // IP_RECVERR / IPV6_RECVERR: ICMP errors reported at once

    QList<SettingError> validate() const;

    // Applies every option; returns the options that failed with the errno name, empty on success.
    QList<SettingError> applyTo(int fd) const;

    // What the kernel reports for the socket now.
    static SocketOptions readFrom(int fd);

    QJsonObject toJson() const;
    static SocketOptions fromJson(const QJsonObject &json);
    // For commands (the supervisor's `options`): every key known, every value typed and in range.
    static std::optional<SocketOptions> fromJsonStrict(const QJsonObject &json, const QString &path, QString *error);
    bool operator==(const SocketOptions &) const = default;
};

} // namespace halfopen::core
