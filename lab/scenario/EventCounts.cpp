// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/EventCounts.h"

#include "lab/scenario/CablePacket.h"

namespace halfopen::lab {

using core::Event;
using core::EventKind;

void EventCounts::feed(const Event &e)
{
    if (e.kind == EventKind::Heartbeat && e.what == QLatin1String("missed")) {
        ++m_counts[e.host][CountKind::HeartbeatsMissed];
        return;
    }
    if (e.kind != EventKind::Packet)
        return;
    std::optional<CountKind> kind;
    if (e.what == QLatin1String("keepalive-probe"))
        kind = CountKind::KeepaliveProbes;
    else if (e.what == QLatin1String("retransmission"))
        kind = CountKind::Retransmissions;
    else if (e.what == QLatin1String("tail-loss-probe"))
        kind = CountKind::TailLossProbes;
    else if (e.what == QLatin1String("rst"))
        kind = CountKind::Rst;
    else if (e.what == QLatin1String("fin"))
        kind = CountKind::Fin;
    if (kind)
        ++m_counts[CablePacket::sender(e)][*kind];
}

qint64 EventCounts::value(const QString &host, CountKind kind) const
{
    return m_counts.value(host).value(kind, 0);
}

QJsonObject EventCounts::toJson(const QString &host) const
{
    QJsonObject j;
    for (CountKind kind : allCountKinds())
        j.insert(countKindName(kind), value(host, kind));
    return j;
}

} // namespace halfopen::lab
