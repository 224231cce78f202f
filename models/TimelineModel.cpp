// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TimelineModel.h"

#include "core/session/ErrorFields.h"
#include "core/session/OptionsFields.h"
#include "core/session/Session.h"
#include "core/tcp/ErrnoCatalog.h"
#include "models/SocketOptionsText.h"

#include <algorithm>

namespace halfopen::models {

using core::Event;
using core::EventKind;
using core::Session;

TimelineModel::TimelineModel(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(kDefaultNotifyMs);
    connect(&m_notifyTimer, &QTimer::timeout, this, &TimelineModel::flush);
    // A recording opened before the chart: everything is built now and announced once.
    for (const Event &e : session->events())
        add(e);
    connect(session, &Session::eventAdded, this, [this](const Event &e, qsizetype) { add(e); });
    connect(session, &Session::cleared, this, &TimelineModel::onCleared);
}

void TimelineModel::setMaxPointsPerSeries(qsizetype points)
{
    m_maxPoints = qMax<qsizetype>(1, points);
    for (int i = 0; i < m_series.size(); ++i) {
        const qsizetype before = m_series[i].points().size();
        m_series[i].setCapacity(m_maxPoints);
        if (m_series[i].points().size() != before)
            markSeries(i);
    }
}

int TimelineModel::countedSeries(const QString &packetClass) const
{
    return m_seriesOf[int(TimelineSeriesKind::Counted)].value(packetClass, -1);
}

int TimelineModel::packetSeries(const QString &packetClass) const
{
    return m_seriesOf[int(TimelineSeriesKind::Packet)].value(packetClass, -1);
}

int TimelineModel::heartbeatSeries(const QString &phase) const
{
    return m_seriesOf[int(TimelineSeriesKind::Heartbeat)].value(phase, -1);
}

int TimelineModel::rtoSeries(const QString &socketKey) const
{
    return m_seriesOf[int(TimelineSeriesKind::Rto)].value(socketKey, -1);
}

QList<QPointF> TimelineModel::pointsIn(int series, double xMin, double xMax) const
{
    if (series < 0 || series >= m_series.size())
        return {};
    return m_series.at(series).pointsIn(xMin, xMax);
}

void TimelineModel::add(const Event &e)
{
    if (!m_originKnown) {
        m_originUs = m_session->originUs();
        m_originKnown = true;
    }
    const double x = xOf(e.tUs);
    m_lastX = qMax(m_lastX, x);

    switch (e.kind) {
    case EventKind::Packet:
    case EventKind::Heartbeat: {
        const int lane = ensureLane(e.host);
        if (lane < 0)
            return;
        if (e.kind == EventKind::Packet)
            m_packetsSeen = true;
        const auto kind = e.kind == EventKind::Packet ? TimelineSeriesKind::Packet : TimelineSeriesKind::Heartbeat;
        const QString &name = e.what.isEmpty() ? QStringLiteral("other") : e.what;
        addPoint(ensureSeries(kind, name, {}, {}), QPointF(x, lane));
        return;
    }
    case EventKind::Sample:
        if (e.local.isEmpty() || !e.sample)
            return;
        ensureLane(e.host);
        if (m_bands.feed(e, x))
            markAnnotations();
        // A listener has no peer and no RTO worth drawing.
        if (e.sample->rtoUs > 0 && e.sample->state != core::TcpState::Listen)
            addPoint(ensureSeries(TimelineSeriesKind::Rto, QStringLiteral("rto"), e.host, e.socketKey()),
                     QPointF(x, e.sample->rtoMs()));
        addCounted(e, x);
        return;
    case EventKind::State:
        ensureLane(e.host);
        if (m_bands.feed(e, x))
            markAnnotations();
        return;
    case EventKind::Fault:
        ensureLane(e.host);
        m_faults.append({TimelineMarker::Kind::Fault, x, e.host, e.what, 0, core::DetectionMechanism::None, true});
        m_bands.feed(e, x);
        m_spans.feed(e, m_originUs);
        markAnnotations();
        return;
    case EventKind::Error:
        ensureLane(e.host);
        m_errors.append({TimelineMarker::Kind::Error, x, e.host,
                         e.errnoValue != 0 ? core::ErrnoCatalog::name(e.errnoValue) : QStringLiteral("EOF"),
                         e.errnoValue, e.mechanism, core::ErrorFields::of(e).isFatal()});
        m_spans.feed(e, m_originUs);
        markAnnotations();
        return;
    case EventKind::Verdict:
        if (m_spans.feed(e, m_originUs))
            markAnnotations();
        return;
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Options) && isLiveOptionsChange(e.detail))
            addOptionsMarker(e, x);
        else if (m_spans.feed(e, m_originUs))
            markAnnotations();
        return;
    }
}

void TimelineModel::addCounted(const Event &e, double x)
{
    // tcpi_probes counts keepalive probes sent unanswered (back to 0 when one is answered);
    // tcpi_total_retrans every retransmission of the connection's life. A rise between two
    // samples happened in between: drawn at the later one, which is when it became known.
    const core::TcpInfoSample &s = *e.sample;
    const auto previous = m_counters.constFind(e.socketKey());
    const Counters now{s.probes, s.totalRetrans, s.retransmits};
    const bool known = previous != m_counters.cend();
    const Counters before = known ? *previous : Counters{};
    m_counters.insert(e.socketKey(), now);
    if (m_packetsSeen || !known)
        return;
    const int lane = laneOf(e.host);
    bool counted = false;
    if (now.probes > before.probes) {
        addPoint(ensureSeries(TimelineSeriesKind::Counted, QStringLiteral("keepalive-probe"), {}, {}),
                 QPointF(x, lane));
        counted = true;
    }
    if (now.totalRetrans > before.totalRetrans) {
        // A segment sent again that no timeout counted (tcpi_retransmits did not rise) while the
        // connection stays in the Open or CWR state is the kernel's tail-loss probe, not one of
        // the retransmissions tcp_retries2 counts: a timeout puts it in Loss, a fast
        // retransmission in Recovery.
        const bool probe = now.retransmits <= before.retransmits && (s.caState == 0 || s.caState == 2);
        addPoint(ensureSeries(TimelineSeriesKind::Counted,
                              probe ? QStringLiteral("tail-loss-probe") : QStringLiteral("retransmission"), {}, {}),
                 QPointF(x, lane));
        counted = true;
    }
    if (counted)
        m_countedAt.insert(e.tUs);
}

void TimelineModel::setSessionEnd(SessionEnd end)
{
    if (end == m_sessionEnd)
        return;
    m_sessionEnd = end;
    markAnnotations();
}

void TimelineModel::addOptionsMarker(const Event &e, double x)
{
    // One change reaches each of the host's connections: one line for all of them.
    const QString label = socketOptionsShort(core::OptionsFields::of(e).applied);
    for (auto it = m_options.crbegin(); it != m_options.crend() && x - it->x < kOptionsMergeS; ++it) {
        if (it->host == e.host && it->label == label)
            return;
    }
    ensureLane(e.host);
    m_options.append({TimelineMarker::Kind::Options, x, e.host, label, 0, core::DetectionMechanism::None, false});
    markAnnotations();
}

int TimelineModel::ensureLane(core::Host host)
{
    if (host == core::Host::None)
        return -1;
    const auto it = m_laneOf.constFind(host);
    if (it != m_laneOf.constEnd())
        return *it;
    // The same order in every run, whoever speaks first: the client on top, then the server,
    // then anything else (this machine's other sockets) as it comes.
    const auto rank = [](core::Host h) { return h == core::Host::Client ? 0 : h == core::Host::Server ? 1 : 2; };
    int lane = int(m_lanes.size());
    while (lane > 0 && rank(m_lanes.at(lane - 1)) > rank(host))
        --lane;
    m_lanes.insert(lane, host);
    if (lane < m_lanes.size() - 1) {
        // The lanes below move down one: so do the points already drawn in them.
        for (int i = 0; i < m_lanes.size(); ++i)
            m_laneOf.insert(m_lanes.at(i), i);
        for (int series = 0; series < m_series.size(); ++series) {
            if (m_series[series].kind() != TimelineSeriesKind::Rto && m_series[series].shiftLanesFrom(lane))
                markSeries(series);
        }
    } else {
        m_laneOf.insert(host, lane);
    }
    markAnnotations();
    return lane;
}

int TimelineModel::ensureSeries(TimelineSeriesKind kind, const QString &name, core::Host host, const QString &socketKey)
{
    QHash<QString, int> &index = m_seriesOf[int(kind)];
    const QString &key = kind == TimelineSeriesKind::Rto ? socketKey : name;
    const auto it = index.constFind(key);
    if (it != index.constEnd())
        return *it;
    const int series = int(m_series.size());
    m_series.append(TimelineSeries(kind, name, host, socketKey, m_maxPoints));
    m_seriesDirty.append(false);
    index.insert(key, series);
    return series;
}

void TimelineModel::addPoint(int series, QPointF point)
{
    m_series[series].add(point);
    markSeries(series);
}

void TimelineModel::markSeries(int series)
{
    if (!m_seriesDirty[series]) {
        m_seriesDirty[series] = true;
        m_dirtySeries.append(series);
    }
    scheduleNotify();
}

void TimelineModel::markAnnotations()
{
    m_annotationsDirty = true;
    scheduleNotify();
}

void TimelineModel::scheduleNotify()
{
    // Started by the first change after a notification, not restarted by later ones: at most
    // one notification per interval however fast events come.
    if (!m_notifyTimer.isActive())
        m_notifyTimer.start();
}

void TimelineModel::flush()
{
    m_notifyTimer.stop();
    if (!m_dirtySeries.isEmpty()) {
        QList<int> series;
        series.swap(m_dirtySeries);
        std::sort(series.begin(), series.end());
        for (int i : std::as_const(series))
            m_seriesDirty[i] = false;
        emit seriesChanged(series);
    }
    if (m_annotationsDirty) {
        m_annotationsDirty = false;
        emit annotationsChanged();
    }
}

std::optional<Event> TimelineModel::eventNear(double x, int lane, double maxDx) const
{
    const QList<Event> &events = m_session->events();
    const auto drawnAt = [this, lane](const Event &e) {
        switch (e.kind) {
        case EventKind::Fault:
        case EventKind::Verdict:
            return true; // vertical lines cross every lane
        case EventKind::Endpoint:
            return e.is(core::EndpointStep::Options) && isLiveOptionsChange(e.detail);
        case EventKind::Packet:
        case EventKind::Heartbeat:
        case EventKind::State:
        case EventKind::Error:
            return laneOf(e.host) == lane;
        case EventKind::Sample:
            return m_countedAt.contains(e.tUs) && laneOf(e.host) == lane;
        default:
            return false;
        }
    };
    const qint64 tUs = m_originUs + qint64(x * 1e6);
    const auto pos
        = std::lower_bound(events.cbegin(), events.cend(), tUs, [](const Event &e, qint64 t) { return e.tUs < t; });
    // Outwards from x on both sides, each side stopping at its first match.
    std::optional<qsizetype> best;
    double bestDx = maxDx;
    for (auto it = pos; it != events.cend(); ++it) {
        const double dx = xOf(it->tUs) - x;
        if (dx > bestDx)
            break;
        if (drawnAt(*it)) {
            best = it - events.cbegin();
            bestDx = dx;
            break;
        }
    }
    for (auto it = pos; it != events.cbegin();) {
        --it;
        const double dx = x - xOf(it->tUs);
        if (dx > bestDx || (best && dx == bestDx))
            break;
        if (drawnAt(*it)) {
            best = it - events.cbegin();
            break;
        }
    }
    if (!best)
        return std::nullopt;
    return events.at(*best);
}

void TimelineModel::onCleared()
{
    m_notifyTimer.stop();
    m_originKnown = false;
    m_originUs = 0;
    m_lastX = 0;
    m_lanes.clear();
    m_laneOf.clear();
    m_series.clear();
    for (auto &index : m_seriesOf)
        index.clear();
    m_seriesDirty.clear();
    m_dirtySeries.clear();
    m_annotationsDirty = false;
    m_bands.clear();
    m_spans.clear();
    m_sessionEnd = SessionEnd::Running;
    m_faults.clear();
    m_errors.clear();
    m_options.clear();
    m_packetsSeen = false;
    m_counters.clear();
    m_countedAt.clear();
    emit cleared();
}

} // namespace halfopen::models
