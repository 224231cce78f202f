// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TimelineSeries.h"

#include <cmath>

#include <algorithm>
#include <utility>

namespace halfopen::models {

namespace {
bool xBefore(const QPointF &a, const QPointF &b)
{
    return a.x() < b.x();
}
} // namespace

TimelineSeries::TimelineSeries(TimelineSeriesKind kind, QString name, core::Host host, QString socketKey,
                               qsizetype capacity)
    : m_kind(kind)
    , m_name(std::move(name))
    , m_host(std::move(host))
    , m_socketKey(std::move(socketKey))
    , m_capacity(qMax<qsizetype>(1, capacity))
{ }

void TimelineSeries::add(QPointF point)
{
    if (m_points.isEmpty() || m_points.last().x() <= point.x()) {
        m_points.append(point);
    } else {
        // A late event from another process: to its place in time (rare, so a plain insert).
        const auto it = std::upper_bound(m_points.begin(), m_points.end(), point, xBefore);
        m_points.insert(it - m_points.begin(), point);
    }
    dropOldest();
}

void TimelineSeries::setCapacity(qsizetype capacity)
{
    m_capacity = qMax<qsizetype>(1, capacity);
    dropOldest();
}

void TimelineSeries::dropOldest()
{
    const qsizetype excess = m_points.size() - m_capacity;
    if (excess <= 0)
        return;
    m_points.remove(0, excess);
    m_dropped += excess;
}

QList<QPointF> TimelineSeries::pointsIn(double xMin, double xMax) const
{
    const auto first = std::lower_bound(m_points.cbegin(), m_points.cend(), QPointF(xMin, 0), xBefore);
    const auto last = std::upper_bound(first, m_points.cend(), QPointF(xMax, 0), xBefore);
    return QList<QPointF>(first, last);
}

bool TimelineSeries::shiftLanesFrom(int lane)
{
    bool moved = false;
    for (QPointF &p : m_points) {
        // y is the lane plus a small offset for heartbeats (< 0.5): compare the rounded lane.
        if (std::lround(p.y()) >= lane) {
            p.ry() += 1;
            moved = true;
        }
    }
    return moved;
}

} // namespace halfopen::models
