// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/DetectionMechanism.h"

#include <array>

namespace halfopen::core {

namespace {
constexpr std::array<const char *, 12> kNames = {
    "none", "keepalive",   "retransmission_timeout", "user_timeout",          "syn_timeout", "heartbeat", "rst", "fin",
    "icmp", "local_error", "neighbour_unreachable",  "application_keepalive",
};
} // namespace

QString mechanismName(DetectionMechanism mechanism)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(mechanism)]);
}

std::optional<DetectionMechanism> mechanismFromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return static_cast<DetectionMechanism>(i);
    }
    return std::nullopt;
}

} // namespace halfopen::core
