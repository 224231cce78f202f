// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/StateBands.h"

namespace halfopen::models {

using core::Event;
using core::EventKind;
using core::TcpState;

bool StateBands::feed(const Event &e, double x)
{
    switch (e.kind) {
    case EventKind::State:
        if (e.local.isEmpty())
            return false;
        return start(e, e.toState, x);
    case EventKind::Sample:
        // Only a socket without a band yet: its state changes come as state events.
        if (e.local.isEmpty() || !e.sample || m_open.contains(e.socketKey()))
            return false;
        return start(e, e.sample->state, x);
    case EventKind::Fault:
        if (e.is(core::FaultKind::PowerOff) || e.is(core::FaultKind::Reboot)) {
            bool changed = false;
            const QList<QString> keys = m_open.keys();
            for (const QString &key : keys) {
                if (m_bands[m_open.value(key)].host == e.host)
                    changed |= end(key, x);
            }
            return changed;
        }
        return false;
    default:
        return false;
    }
}

bool StateBands::start(const Event &e, TcpState state, double x)
{
    const QString key = e.socketKey();
    const auto open = m_open.constFind(key);
    if (open != m_open.constEnd() && m_bands[*open].state == state)
        return false;
    bool changed = end(key, x);
    if (state == TcpState::Unknown || state == TcpState::Closed)
        return changed;
    m_open.insert(key, m_bands.size());
    m_bands.append({e.host, key, state, x, x, true});
    return true;
}

bool StateBands::end(const QString &socketKey, double x)
{
    const auto open = m_open.constFind(socketKey);
    if (open == m_open.constEnd())
        return false;
    StateBand &band = m_bands[*open];
    band.endX = qMax(band.startX, x);
    band.open = false;
    m_open.erase(open);
    return true;
}

QList<StateBand> StateBands::bands(double nowX) const
{
    QList<StateBand> result = m_bands;
    for (const qsizetype i : m_open)
        result[i].endX = qMax(result[i].startX, nowX);
    return result;
}

void StateBands::clear()
{
    m_bands.clear();
    m_open.clear();
}

} // namespace halfopen::models
