// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/TcpState.h"

#include <array>

namespace halfopen::core {

namespace {

constexpr std::array<const char *, 13> kStateNames = {
    "UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT_1", "FIN_WAIT_2",   "TIME_WAIT",
    "CLOSED",  "CLOSE_WAIT",  "LAST_ACK", "LISTEN",   "CLOSING",    "NEW_SYN_RECV",
};

// ss's spelling, accepted on input so users can paste what ss printed.
constexpr std::array<const char *, 13> kSsNames = {
    "UNKNOWN", "ESTAB",      "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",   "TIME-WAIT",
    "UNCONN",  "CLOSE-WAIT", "LAST-ACK", "LISTEN",   "CLOSING",    "NEW-SYN-RECV",
};

constexpr std::array<const char *, 5> kTimerNames = {"off", "on", "keepalive", "timewait", "persist"};

QString normalized(QStringView name)
{
    return name.toString().toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace

QString tcpStateName(TcpState state)
{
    const auto index = static_cast<size_t>(state);
    return QString::fromLatin1(index < kStateNames.size() ? kStateNames[index] : kStateNames[0]);
}

std::optional<TcpState> tcpStateFromName(QStringView name)
{
    const QString wanted = normalized(name);
    for (size_t i = 1; i < kStateNames.size(); ++i) {
        if (wanted == QLatin1String(kStateNames[i]) || wanted == normalized(QString::fromLatin1(kSsNames[i])))
            return static_cast<TcpState>(i);
    }
    if (wanted == QLatin1String("CLOSE"))
        return TcpState::Closed;
    return std::nullopt;
}

TcpState tcpStateFromKernel(int value)
{
    if (value < 1 || value >= static_cast<int>(kStateNames.size()))
        return TcpState::Unknown;
    return static_cast<TcpState>(value);
}

QString tcpTimerName(TcpTimer timer)
{
    const auto index = static_cast<size_t>(timer);
    return QString::fromLatin1(index < kTimerNames.size() ? kTimerNames[index] : "unknown");
}

std::optional<TcpTimer> tcpTimerFromName(QStringView name)
{
    for (size_t i = 0; i < kTimerNames.size(); ++i) {
        if (name == QLatin1String(kTimerNames[i]))
            return static_cast<TcpTimer>(i);
    }
    return std::nullopt;
}

} // namespace halfopen::core
