// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SnapshotDiff.h"

#include "core/observe/SocketTuple.h"

#include <QHash>

#include <utility>

namespace halfopen::core {

SnapshotDiff::SnapshotDiff(Host host)
    : m_host(host)
{ }

Event SnapshotDiff::stateEvent(const SockDiagRow &row, TcpState from, TcpState to, const TcpInfoSample &sample,
                               qint64 tUs) const
{
    Event event;
    event.kind = EventKind::State;
    event.tUs = tUs;
    event.host = m_host;
    event.local = row.local.toString();
    event.remote = row.remote.toString();
    event.fromState = from;
    event.toState = to;
    event.sample = sample;
    return event;
}

QList<Event> SnapshotDiff::stateEvents(const SockDiagSnapshot &before, const SockDiagSnapshot &after) const
{
    constexpr qsizetype kNone = -1;
    QList<qsizetype> partner(after.rows.size(), kNone); // after row -> before row
    QList<bool> beforeMatched(before.rows.size(), false);

    QHash<quint64, qsizetype> byCookie;
    byCookie.reserve(before.rows.size());
    for (qsizetype i = 0; i < before.rows.size(); ++i) {
        if (before.rows[i].cookie != 0)
            byCookie.insert(before.rows[i].cookie, i);
    }
    for (qsizetype i = 0; i < after.rows.size(); ++i) {
        const quint64 cookie = after.rows[i].cookie;
        const auto it = cookie != 0 ? byCookie.constFind(cookie) : byCookie.constEnd();
        if (it != byCookie.constEnd() && !beforeMatched[*it]) {
            partner[i] = *it;
            beforeMatched[*it] = true;
        }
    }

    // Second pass over what the cookie left: same 4-tuple, different kernel object.
    QMultiHash<SocketTuple, qsizetype> byTuple;
    for (qsizetype i = 0; i < before.rows.size(); ++i) {
        if (!beforeMatched[i])
            byTuple.insert(SocketTuple::of(before.rows[i].local, before.rows[i].remote), i);
    }
    if (!byTuple.isEmpty()) {
        for (qsizetype i = 0; i < after.rows.size(); ++i) {
            if (partner[i] != kNone)
                continue;
            const SocketTuple tuple = SocketTuple::of(after.rows[i].local, after.rows[i].remote);
            for (auto it = byTuple.find(tuple); it != byTuple.end() && it.key() == tuple; ++it) {
                if (!beforeMatched[*it]) {
                    partner[i] = *it;
                    beforeMatched[*it] = true;
                    break;
                }
            }
        }
    }

    QList<Event> events;
    const qint64 tUs = after.takenAtUs;
    for (qsizetype i = 0; i < after.rows.size(); ++i) {
        const SockDiagRow &row = after.rows[i];
        const TcpState from = partner[i] == kNone ? TcpState::Unknown : before.rows[partner[i]].sample.state;
        if (from != row.sample.state)
            events.append(stateEvent(row, from, row.sample.state, row.sample, tUs));
    }
    for (qsizetype i = 0; i < before.rows.size(); ++i) {
        if (!beforeMatched[i]) {
            const SockDiagRow &row = before.rows[i];
            events.append(stateEvent(row, row.sample.state, TcpState::Closed, row.sample, tUs));
        }
    }
    return events;
}

} // namespace halfopen::core
