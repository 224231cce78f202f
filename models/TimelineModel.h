// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/DetectionSpans.h"
#include "models/StateBands.h"
#include "models/TimelineMarker.h"
#include "models/TimelineSeries.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace halfopen::core {
class Session;
struct Event;
} // namespace halfopen::core

namespace halfopen::models {

// What the timeline chart draws, without any chart code. x is seconds since the session's
// origin; each host has a lane (y = lane index) where its packets, heartbeats and state bands go;
// faults and errors are vertical markers; detection spans shade fault -> detection; one RTO
// series per socket shows the backoff doubling. Series hold a bounded number of points and
// changes are announced in batches (at most one seriesChanged per notify interval), so the
// chart calls `series->replace(points)` once per update and a recording of hundreds of
// thousands of events replays in linear time.
class TimelineModel : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kDefaultMaxPoints = 50'000;
    static constexpr int kDefaultNotifyMs = 50;
    // Options reports of one host this close together are one change (each connection reports).
    static constexpr double kOptionsMergeS = 1.0;

    explicit TimelineModel(core::Session *session, QObject *parent = nullptr);

    // Points kept per series; the oldest go first.
    qsizetype maxPointsPerSeries() const { return m_maxPoints; }
    void setMaxPointsPerSeries(qsizetype points);
    int notifyIntervalMs() const { return m_notifyTimer.interval(); }
    void setNotifyIntervalMs(int ms) { m_notifyTimer.setInterval(ms); }

    // Time zero: the session's origin when the first event arrived.
    qint64 originUs() const { return m_originUs; }
    double xOf(qint64 tUs) const { return (tUs - m_originUs) / 1e6; }
    // The latest time any event reached: where open bands and spans end.
    double lastX() const { return m_lastX; }

    QList<core::Host> lanes() const { return m_lanes; }
    int laneOf(core::Host host) const { return m_laneOf.value(host, -1); }

    int seriesCount() const { return int(m_series.size()); }
    const TimelineSeries &series(int index) const { return m_series.at(index); }
    // Index of a packet class's series ("keepalive-probe"), a heartbeat phase's ("missed"),
    // or a socket's RTO series; -1 when nothing of it arrived yet.
    int packetSeries(const QString &packetClass) const;
    int heartbeatSeries(const QString &phase) const;
    int rtoSeries(const QString &socketKey) const;
    // Keepalive probes ("keepalive-probe") or retransmissions ("retransmission") counted from
    // tcp_info samples while no capture delivered packets; -1 when none were counted.
    int countedSeries(const QString &packetClass) const;
    QList<QPointF> pointsIn(int series, double xMin, double xMax) const;

    QList<StateBand> stateBands() const { return m_bands.bands(m_lastX); }
    QList<TimelineMarker> faultMarkers() const { return m_faults; }
    QList<TimelineMarker> errorMarkers() const { return m_errors; }
    // Socket options changed on a host's open connections (one marker per host and change).
    QList<TimelineMarker> optionsMarkers() const { return m_options; }
    QList<DetectionSpan> detectionSpans() const { return m_spans.spans(m_lastX, m_sessionEnd); }
    // A replayed recording's end (RecordingMarks): a fault nothing noticed ends with it, as
    // "nothing noticed" (an orderly end) or "recording incomplete" (cut). Running until told;
    // a cleared session runs again.
    using SessionEnd = DetectionSpans::SessionEnd;
    void setSessionEnd(SessionEnd end);
    SessionEnd sessionEnd() const { return m_sessionEnd; }

    // The drawn event nearest to x in a lane (faults and verdicts span every lane), at most
    // maxDx seconds away: what a hover tooltip shows.
    std::optional<core::Event> eventNear(double x, int lane, double maxDx) const;

    // Emits the queued notifications now instead of at the end of the notify interval.
    void flush();

signals:
    // Series whose points changed (new series included: indices up to seriesCount() - 1).
    void seriesChanged(const QList<int> &series);
    // Lanes, state bands, markers or detection spans changed.
    void annotationsChanged();
    // The session was cleared: every series, lane and marker is gone.
    void cleared();

private:
    void add(const core::Event &event);
    void addOptionsMarker(const core::Event &event, double x);
    void addCounted(const core::Event &sample, double x);
    void onCleared();
    int ensureLane(core::Host host);
    int ensureSeries(TimelineSeriesKind kind, const QString &name, core::Host host, const QString &socketKey);
    void addPoint(int series, QPointF point);
    void markSeries(int series);
    void markAnnotations();
    void scheduleNotify();

    core::Session *m_session;
    qint64 m_originUs = 0;
    bool m_originKnown = false;
    double m_lastX = 0;
    qsizetype m_maxPoints = kDefaultMaxPoints;

    QList<core::Host> m_lanes;
    QHash<core::Host, int> m_laneOf;
    QList<TimelineSeries> m_series;
    QHash<QString, int> m_seriesOf[4]; // per kind: packet class, heartbeat phase, socket key, counted class
    QList<bool> m_seriesDirty;
    QList<int> m_dirtySeries;
    bool m_annotationsDirty = false;

    StateBands m_bands;
    DetectionSpans m_spans;
    SessionEnd m_sessionEnd = SessionEnd::Running;
    QList<TimelineMarker> m_faults;
    QList<TimelineMarker> m_errors;
    QList<TimelineMarker> m_options;
    // Counting from samples lasts until the first captured packet: then the wire tells.
    bool m_packetsSeen = false;
    struct Counters
    {
        quint8 probes = 0;
        quint32 totalRetrans = 0;
        quint8 retransmits = 0;
    };
    QHash<QString, Counters> m_counters; // per socket: its previous sample's counters
    QSet<qint64> m_countedAt;            // samples drawn as counted points: the hover finds them
    QTimer m_notifyTimer;
};

} // namespace halfopen::models
