// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/PacketClass.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by PacketClass.
constexpr QLatin1StringView kNames[] = {
    QLatin1StringView("syn"),
    QLatin1StringView("syn-ack"),
    QLatin1StringView("data"),
    QLatin1StringView("ack"),
    QLatin1StringView("keepalive-probe"),
    QLatin1StringView("keepalive-ack"),
    QLatin1StringView("retransmission"),
    QLatin1StringView("tail-loss-probe"),
    QLatin1StringView("fin"),
    QLatin1StringView("rst"),
    QLatin1StringView("icmp-unreachable"),
    QLatin1StringView("icmp"),
    QLatin1StringView("arp"),
    QLatin1StringView("heartbeat-ping"),
    QLatin1StringView("heartbeat-pong"),
    QLatin1StringView("other"),
};
static_assert(std::size(kNames) == size_t(PacketClass::Other) + 1);

} // namespace

QLatin1StringView packetClassName(PacketClass packetClass)
{
    return kNames[size_t(packetClass)];
}

std::optional<PacketClass> packetClassFromName(QStringView name)
{
    return enumFromName<PacketClass>(kNames, name);
}

} // namespace halfopen::core
