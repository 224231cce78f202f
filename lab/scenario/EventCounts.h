// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/scenario/Expectation.h"

#include <QHash>
#include <QJsonObject>

namespace halfopen::lab {

// Per host, how many keepalive probes, retransmissions, tail-loss probes, RSTs and FINs it sent
// (from the cable's `packet` events, delivered or dropped) and how many heartbeat answers it
// missed. A tail-loss probe is not a retransmission here, as in tcp_info's retransmits.
class EventCounts
{
public:
    void feed(const core::Event &event);

    qint64 value(core::Host host, CountKind kind) const;
    // {"keepalive_probes": n, "retransmissions": n, "rst": n, "fin": n, "heartbeats_missed": n,
    //  "tail_loss_probes": n}
    QJsonObject toJson(core::Host host) const;

private:
    QHash<core::Host, QHash<CountKind, qint64>> m_counts;
};

} // namespace halfopen::lab
