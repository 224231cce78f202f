// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Host.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace halfopen::models {

enum class TimelineSeriesKind : quint8 {
    Packet,    // frames of one class on the cable; y = lane of the sending host
    Heartbeat, // the endpoint's heartbeat phases (sent, answered, missed, dead); y = lane
    Rto,       // one socket's retransmission timeout over time; y = RTO in ms
    // Without a capture (real network, no pcap rights): keepalive probes and retransmissions
    // the endpoint's tcp_info counted since its previous sample, at that sample; y = lane.
    Counted,
};

// One series of points ordered by x, holding at most `capacity` of them: past that the oldest go
// (the chart shows the recent past; the session keeps everything). Dropping from the front of a
// Qt 6 QList moves its begin pointer, so a full buffer costs O(1) per point.
class TimelineSeries
{
public:
    TimelineSeries(TimelineSeriesKind kind, QString name, core::Host host, QString socketKey, qsizetype capacity);

    TimelineSeriesKind kind() const { return m_kind; }
    // Packet class ("keepalive-probe"; also of a Counted series), heartbeat phase ("missed"), or "rto".
    const QString &name() const { return m_name; }
    // Rto: the socket's host and key; empty for packet and heartbeat series (all lanes).
    core::Host host() const { return m_host; }
    const QString &socketKey() const { return m_socketKey; }

    void add(QPointF point);
    const QList<QPointF> &points() const { return m_points; }
    QList<QPointF> pointsIn(double xMin, double xMax) const;
    qint64 droppedCount() const { return m_dropped; }

    // A lane inserted at `lane`: points at that lane or below it move down one (packet and
    // heartbeat series, whose y is the lane). Returns true when a point moved.
    bool shiftLanesFrom(int lane);

    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity);

private:
    void dropOldest();

    TimelineSeriesKind m_kind;
    QString m_name;
    core::Host m_host = core::Host::None;
    QString m_socketKey;
    qsizetype m_capacity;
    QList<QPointF> m_points;
    qint64 m_dropped = 0;
};

} // namespace halfopen::models
