// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/PacketClass.h"

#include <iterator>

namespace halfopen::lab {

namespace {

// Indexed by PacketClass.
constexpr const char *kNames[] = {
    "syn",
    "syn-ack",
    "data",
    "ack",
    "keepalive-probe",
    "keepalive-ack",
    "retransmission",
    "tail-loss-probe",
    "fin",
    "rst",
    "icmp-unreachable",
    "icmp",
    "arp",
    "heartbeat-ping",
    "heartbeat-pong",
    "other",
};
static_assert(std::size(kNames) == size_t(PacketClass::Other) + 1);

} // namespace

QString packetClassName(PacketClass packetClass)
{
    return QLatin1String(kNames[size_t(packetClass)]);
}

std::optional<PacketClass> packetClassFromName(QStringView name)
{
    for (size_t i = 0; i < std::size(kNames); ++i) {
        if (name == QLatin1String(kNames[i]))
            return PacketClass(i);
    }
    return std::nullopt;
}

} // namespace halfopen::lab
