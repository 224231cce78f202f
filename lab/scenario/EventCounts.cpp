// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/EventCounts.h"

#include "lab/scenario/CablePacket.h"

namespace halfopen::lab {

using core::Event;
using core::EventKind;

void EventCounts::feed(const Event &e)
{
    if (e.is(core::HeartbeatPhase::Missed)) {
        ++m_counts[e.host][CountKind::HeartbeatsMissed];
        return;
    }
    const std::optional<core::PacketClass> packet = e.packetClass();
    if (!packet)
        return;
    std::optional<CountKind> kind;
    switch (*packet) {
    case core::PacketClass::KeepaliveProbe:
        kind = CountKind::KeepaliveProbes;
        break;
    case core::PacketClass::Retransmission:
        kind = CountKind::Retransmissions;
        break;
    case core::PacketClass::TailLossProbe:
        kind = CountKind::TailLossProbes;
        break;
    case core::PacketClass::Rst:
        kind = CountKind::Rst;
        break;
    case core::PacketClass::Fin:
        kind = CountKind::Fin;
        break;
    default:
        break;
    }
    if (kind)
        ++m_counts[CablePacket::sender(e)][*kind];
}

qint64 EventCounts::value(core::Host host, CountKind kind) const
{
    return m_counts.value(host).value(kind, 0);
}

QJsonObject EventCounts::toJson(core::Host host) const
{
    QJsonObject j;
    for (CountKind kind : allCountKinds())
        j.insert(countKindName(kind), value(host, kind));
    return j;
}

} // namespace halfopen::lab
