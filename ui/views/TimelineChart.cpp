// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineChart.h"

#include "ui/views/ThemeColors.h"

#include "core/session/MonotonicClock.h"
#include "models/TimelineModel.h"
#include "ui/views/EventWords.h"
#include "ui/views/PacketClassStyle.h"
#include "ui/views/SharedTimeAxis.h"
#include "ui/views/TimelineAnnotations.h"
#include "ui/views/TimelineCallout.h"
#include "ui/views/TimelineChartView.h"
#include "ui/views/TimelineExport.h"
#include "ui/views/TimelineLegend.h"
#include "ui/views/TimelinePoints.h"
#include "ui/views/TimelineToolBar.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QSet>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <QtMath>
#include <algorithm>

#include <cmath>

namespace halfopen::ui {

using models::TimelineModel;
using models::TimelineSeries;
using models::TimelineSeriesKind;

namespace {
constexpr int kLiveTickMs = 250;
// With nothing new to draw the axis only shows time passing: a step a second is enough, and it
// saves most of what an idle window costs (each step lays out and repaints both charts).
constexpr int kQuietTickMs = 1000;
constexpr qint64 kQuietAfterMs = 3000;
const QMargins kChartMargins(4, 2, 12, 2);
constexpr double kHoverPixels = 10;
constexpr double kPixelsPerPoint = 3;
constexpr int kMaxRtoLegendEntries = 6;
constexpr double kHeartbeatOffset = 0.2; // of a lane's height

void styleScatter(QScatterSeries *series, const PacketClassStyle &style, double scale = 1.0)
{
    series->setName(style.legend.isEmpty() ? style.title : style.legend);
    series->setMarkerShape(style.shape);
    series->setMarkerSize(style.size * scale);
    series->setColor(style.color);
    // A see-through symbol (counted, not captured) keeps a solid outline.
    series->setBorderColor(QColor(style.color.rgb()).darker(140));
    if (style.hollow) {
        QPen outline(style.color.darker(115));
        outline.setWidthF(2.5 * scale);
        series->setPen(outline);
        series->setBrush(Qt::NoBrush);
    }
}

// How a lane's points look: by packet class, heartbeat phase, or counted from tcp_info.
PacketClassStyle laneStyle(const TimelineSeries &series)
{
    switch (series.kind()) {
    case TimelineSeriesKind::Heartbeat:
        return heartbeatPhaseStyle(series.name());
    case TimelineSeriesKind::Counted:
        return countedPacketStyle(series.name());
    default:
        return packetClassStyle(series.name());
    }
}

QString rtoLineName(const TimelineSeries &series)
{
    // "RTO client :60044": the host and the socket's local port tell the lines apart.
    const QStringList parts = series.socketKey().split(QLatin1Char('|'));
    const QString local = parts.value(1);
    return TimelineChart::tr("RTO %1 :%2", "legend of a socket's RTO line: host, local port")
        .arg(hostWords(series.host()), local.section(QLatin1Char(':'), -1));
}
} // namespace

TimelineChart::TimelineChart(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_laneChart(new QChart)
    , m_rtoChart(new QChart)
    , m_laneAxis(new QCategoryAxis)
    , m_rtoY(new QCategoryAxis)
    , m_liveTimer(new QTimer(this))
{
    for (QChart *chart : {m_laneChart, m_rtoChart}) {
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundRoundness(0);
        chart->layout()->setContentsMargins(0, 0, 0, 0); // every pixel for the plot in a small window
        chart->legend()->setAlignment(Qt::AlignTop);
        chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // triangles for probes, as drawn
    }
    m_time = new SharedTimeAxis(m_laneChart, m_rtoChart, kChartMargins, this);
    m_x = m_time->topAxis();
    m_laneView = new TimelineChartView(m_laneChart, m_x, this);
    m_rtoView = new TimelineChartView(m_rtoChart, m_time->bottomAxis(), this);
    m_laneView->setObjectName(QStringLiteral("laneView"));
    m_rtoView->setObjectName(QStringLiteral("rtoView"));

    // No axis titles: a short plot cuts them (and then its labels) to "..."; the labels carry
    // their units instead ("2.5 s", "512 ms").
    m_laneAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    // The unit on every label instead of an axis title, which a short plot would cut.
    m_rtoY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setRtoScale(RtoScale::around(200, 1000, 4));
    m_rtoChart->legend()->setAlignment(Qt::AlignTop);
    m_laneChart->addAxis(m_laneAxis, Qt::AlignLeft);
    m_rtoChart->addAxis(m_rtoY, Qt::AlignLeft);

    m_annotations = new TimelineAnnotations(m_laneView, model, this);
    m_callout = new TimelineCallout(m_laneChart);
    m_callout->hide();
    // The lanes' legend wraps onto more rows where the chart's own would cut its labels.
    m_laneChart->legend()->hide();
    m_legend = new TimelineLegend;
    m_legend->setAutoFillBackground(false);
    auto *lanes = new QWidget;
    auto *lanesLayout = new QVBoxLayout(lanes);
    lanesLayout->setContentsMargins(0, 0, 0, 0);
    lanesLayout->setSpacing(0);
    lanesLayout->addWidget(m_legend);
    lanesLayout->addWidget(m_laneView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    splitter->addWidget(lanes);
    splitter->addWidget(m_rtoView);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_rtoView->setMinimumHeight(110); // below, Qt Charts cuts the time labels to "…"
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_toolBar = new TimelineToolBar(this, this);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);
    connect(m_toolBar, &TimelineToolBar::pauseRequested, this, &TimelineChart::pause);
    connect(m_toolBar, &TimelineToolBar::followRequested, this, &TimelineChart::follow);
    connect(m_toolBar, &TimelineToolBar::showAllRequested, this, &TimelineChart::showAll);
    connect(m_toolBar, &TimelineToolBar::exportPngRequested, this, &TimelineChart::exportPng);
    connect(m_toolBar, &TimelineToolBar::exportSvgRequested, this, &TimelineChart::exportSvg);

    applyTheme();
    updateLanes();
    setRangeQuietly(0, 1);

    connect(model, &TimelineModel::seriesChanged, this, &TimelineChart::onSeriesChanged);
    connect(model, &TimelineModel::annotationsChanged, this, &TimelineChart::onAnnotationsChanged);
    connect(model, &TimelineModel::cleared, this, &TimelineChart::onCleared);
    connect(m_time, &SharedTimeAxis::rangeChanged, this, &TimelineChart::onRangeChanged);
    for (TimelineChartView *view : {m_laneView, m_rtoView})
        connect(view, &TimelineChartView::userMovedRange, this, &TimelineChart::pause);
    connect(m_laneView, &TimelineChartView::hoveredAt, this, &TimelineChart::onHover);
    connect(m_laneView, &TimelineChartView::hoverLeft, this, &TimelineChart::hideCallout);
    connect(m_laneChart, &QChart::plotAreaChanged, m_annotations, &TimelineAnnotations::layout);
    // What the legend and the time labels take is known once laid out (after the layout).
    connect(m_laneChart, &QChart::plotAreaChanged, this, &TimelineChart::updateLaneMinimum, Qt::QueuedConnection);
    connect(m_laneChart, &QChart::plotAreaChanged, this, &TimelineChart::updateLaneTimeLabels, Qt::QueuedConnection);
    // A taller or shorter plot holds more or fewer RTO labels (after the layout, not inside it).
    connect(m_rtoChart, &QChart::plotAreaChanged, this, &TimelineChart::updateRtoRange, Qt::QueuedConnection);
    m_liveTimer->setInterval(kLiveTickMs);
    connect(m_liveTimer, &QTimer::timeout, this, [this] {
        updateFollowRange();
        if (m_sinceChange.elapsed() > kQuietAfterMs && m_liveTimer->interval() != kQuietTickMs)
            m_liveTimer->setInterval(kQuietTickMs);
    });
    m_sinceChange.start();

    // What the model already holds (a recording opened before the chart).
    QList<int> all;
    for (int i = 0; i < model->seriesCount(); ++i)
        all.append(i);
    if (!all.isEmpty())
        onSeriesChanged(all);
    onAnnotationsChanged();
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::applyFonts()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_markerScale);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_laneAxis), static_cast<QAbstractAxis *>(m_rtoY),
          static_cast<QAbstractAxis *>(m_time->topAxis()), static_cast<QAbstractAxis *>(m_time->bottomAxis())})
        axis->setLabelsFont(font);
    for (QChart *chart : {m_laneChart, m_rtoChart})
        chart->legend()->setFont(font);
    m_legend->setFont(font);
    // Marker labels above the lanes, not over the top lane's packets.
    const int strip = qCeil(m_annotations->markerRowHeight());
    m_annotations->setMarkerStrip(strip);
    m_time->setExtraTop(m_laneChart, strip);
    updateLaneMinimum();
}

void TimelineChart::updateLaneMinimum()
{
    // Qt Charts hides a lane's name when the lane is shorter than the name: each lane gets room
    // for its name twice over (the packets and the state bands need it too), and the chart the
    // legend's row, the time labels and its margins on top. A small window (1366×768) takes
    // the room from the views above rather than hide which lane is which.
    const qreal line = QFontMetricsF(m_laneAxis->labelsFont()).height();
    const int lanes = qMax(2, m_laneCount);
    // Around the plot: as measured once laid out, else as estimated.
    const QRectF plot = m_laneChart->plotArea();
    const qreal around = plot.height() > 0 ? m_laneView->height() - plot.height() : 3 * line + 20;
    const int needed = qCeil(lanes * 2 * line + around);
    if (m_laneView->minimumHeight() != qMax(qRound(100 * m_markerScale), needed))
        m_laneView->setMinimumHeight(qMax(qRound(100 * m_markerScale), needed));
}

void TimelineChart::updateLaneTimeLabels()
{
    // At 1366×768 the legend, the marker labels' strip and the RTO plot left each lane about
    // 28 px: a name and hardly a packet. While the lanes have less than three lines each and the
    // RTO plot under them labels the same times on the same grid, their own labels give way.
    // Decided from what the view would hold with the labels (measured while they are shown), so
    // hiding them does not bring them back.
    const QRectF plot = m_laneChart->plotArea();
    if (m_x->labelsVisible() && plot.height() > 0)
        m_aroundLanesWithLabels = m_laneView->height() - plot.height();
    const qreal line = QFontMetricsF(m_laneAxis->labelsFont()).height();
    const qreal around = m_aroundLanesWithLabels > 0 ? m_aroundLanesWithLabels : 3 * line + 20;
    const bool cramped = m_laneView->height() - around < qMax(1, m_laneCount) * 3 * line;
    const bool shown = m_laneTimeLabelsAlways || !cramped || !m_rtoView->isVisibleTo(this);
    if (m_x->labelsVisible() != shown)
        m_x->setLabelsVisible(shown);
}

void TimelineChart::setLaneTimeLabelsAlways(bool always)
{
    m_laneTimeLabelsAlways = always;
    updateLaneTimeLabels();
}

bool TimelineChart::laneTimeLabelsShown() const
{
    return m_x->labelsVisible();
}

void TimelineChart::shareSplitter()
{
    // The lanes keep most of the room (5 : 2), whatever the text size made the RTO plot need.
    const int total = m_splitter->height();
    if (total > 0)
        m_splitter->setSizes({qMax(total * 5 / 7, total - m_rtoView->minimumHeight()), m_rtoView->minimumHeight()});
}

void TimelineChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_splitterMoved)
        shareSplitter();
}

void TimelineChart::setTextScale(double scale)
{
    // Packet markers grow with the text, so a probe stays visible beside its label.
    m_markerScale = scale;
    // Below this, Qt Charts cuts the time labels to "…".
    m_rtoView->setMinimumHeight(qRound(110 * scale));
    m_annotations->setTextScale(scale); // first: the marker labels' strip follows their size
    applyTheme();                       // the fonts, and with them the lanes' minimum height
    shareSplitter();
    updateRtoRange();
}

void TimelineChart::setRtoPlotVisible(bool visible)
{
    m_rtoView->setVisible(visible);
    updateLaneTimeLabels();
}

double TimelineChart::textScale() const
{
    return m_annotations->textScale();
}

void TimelineChart::applyTheme()
{
    const bool dark = isDark(palette());
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    // The theme's text and grid, on the palette's own base rather than the theme's gradient:
    // the charts sit among the other views (and an exported picture takes this colour).
    const QColor base = palette().color(QPalette::Base);
    for (QChart *chart : {m_laneChart, m_rtoChart}) {
        if (chart->theme() != theme)
            chart->setTheme(theme);
        chart->setBackgroundBrush(base);
    }
    applyFonts(); // a theme brings its own fonts
    // A theme repaints every series in its own colours: ours again.
    for (auto it = m_chartSeries.cbegin(); it != m_chartSeries.cend(); ++it) {
        const TimelineSeries &source = m_model->series(it.key());
        if (source.kind() != TimelineSeriesKind::Rto)
            styleScatter(static_cast<QScatterSeries *>(it.value()), laneStyle(source), m_markerScale);
    }
    for (QAbstractSeries *series : m_rtoChart->series()) {
        auto *rto = static_cast<QLineSeries *>(series);
        rto->setPen(QPen(socketLineColor(m_rtoColour.value(series)), 2));
    }
    m_annotations->setColors(m_x->labelsColor(), base);
    updateLegend();
}

void TimelineChart::updateLegend()
{
    // One entry per symbol: the series drawn alike (the heartbeat's steps) share the first one's.
    QSet<QString> shown;
    QList<TimelineLegend::Entry> entries;
    for (QAbstractSeries *series : m_laneChart->series()) {
        auto *scatter = qobject_cast<QScatterSeries *>(series);
        if (!scatter || shown.contains(series->name()))
            continue;
        shown.insert(series->name());
        if (scatter->brush().style() == Qt::NoBrush) // drawn as an outline (the tail-loss probe)
            entries.append({scatter->name(), scatter->markerShape(), Qt::transparent, scatter->pen().color(),
                            scatter->markerSize(), scatter->pen().widthF()});
        else
            entries.append({scatter->name(), scatter->markerShape(), scatter->color(), scatter->borderColor(),
                            scatter->markerSize()});
    }
    m_legend->setEntries(entries);
}

void TimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

QXYSeries *TimelineChart::ensureChartSeries(int index)
{
    if (QXYSeries *series = m_chartSeries.value(index))
        return series;
    const TimelineSeries &source = m_model->series(index);
    QXYSeries *series = nullptr;
    switch (source.kind()) {
    case TimelineSeriesKind::Packet:
    case TimelineSeriesKind::Heartbeat:
    case TimelineSeriesKind::Counted: {
        // Made as they first arrive: the legend lists them in the story's order.
        auto *scatter = new QScatterSeries;
        m_laneChart->addSeries(scatter);
        styleScatter(scatter, laneStyle(source), m_markerScale);
        scatter->attachAxis(m_x);
        scatter->attachAxis(m_laneAxis);
        updateLegend();
        series = scatter;
        break;
    }
    case TimelineSeriesKind::Rto: {
        auto *line = new QLineSeries;
        line->setName(rtoLineName(source));
        m_rtoChart->addSeries(line);
        // The client's sockets in the even colours, the server's in the odd ones: a host keeps
        // its colour from run to run, whichever side's socket is sampled first.
        const core::Host host = source.host();
        const int nth = m_rtoLinesOf[host]++;
        const int colour = host == core::Host::Client ? 2 * nth : host == core::Host::Server ? 2 * nth + 1 : m_rtoLines;
        ++m_rtoLines;
        m_rtoColour.insert(line, colour);
        line->setPen(QPen(socketLineColor(colour), 2));
        line->setMarkerSize(6);
        // Past a handful of sockets the legend would be a row of "RTO client :4...": the
        // lines' tooltips name them instead.
        m_rtoChart->legend()->setVisible(m_rtoLines <= kMaxRtoLegendEntries);
        line->attachAxis(m_time->bottomAxis());
        line->attachAxis(m_rtoY);
        connect(line, &QLineSeries::hovered, this, [line](const QPointF &point, bool entered) {
            if (entered)
                QToolTip::showText(QCursor::pos(),
                                   tr("%1: RTO %2 ms at %3 s", "socket, milliseconds, seconds")
                                       .arg(line->name())
                                       .arg(RtoScale::ms(point.y()), 0, 'f', 0)
                                       .arg(point.x(), 0, 'f', 2));
            else
                QToolTip::hideText();
        });
        series = line;
        break;
    }
    }
    m_chartSeries.insert(index, series);
    return series;
}

int TimelineChart::liveStepMs() const
{
    return m_liveTimer->interval();
}

void TimelineChart::noteChange()
{
    m_sinceChange.restart();
    if (m_liveTimer->isActive() && m_liveTimer->interval() != kLiveTickMs)
        m_liveTimer->setInterval(kLiveTickMs);
}

void TimelineChart::onSeriesChanged(const QList<int> &changed)
{
    noteChange();
    for (int index : changed)
        ensureChartSeries(index);
    if (m_following) {
        updateFollowRange(); // redraws every series for the new range
        return;
    }
    // An open socket's RTO line runs on to the latest time, which moved with these events.
    QList<int> indices = changed;
    for (const QString &socket : std::as_const(m_openSockets)) {
        const int rto = m_model->rtoSeries(socket);
        if (rto >= 0 && !indices.contains(rto))
            indices.append(rto);
    }
    redraw(indices);
    m_annotations->layout(); // open bands and spans reach the latest time
}

void TimelineChart::redrawAll()
{
    QList<int> all;
    all.reserve(m_chartSeries.size());
    for (auto it = m_chartSeries.cbegin(); it != m_chartSeries.cend(); ++it)
        all.append(it.key());
    redraw(all);
}

void TimelineChart::redraw(const QList<int> &indices)
{
    const double xMin = m_x->min();
    const double xMax = m_x->max();
    const double width = m_laneChart->plotArea().width() > 0 ? m_laneChart->plotArea().width() : 1000;
    bool rtoChanged = false;
    for (int index : indices) {
        QXYSeries *series = m_chartSeries.value(index);
        if (!series)
            continue;
        const TimelineSeries &source = m_model->series(index);
        QList<QPointF> shown;
        if (source.kind() == TimelineSeriesKind::Rto) {
            const bool open = m_openSockets.contains(source.socketKey());
            shown = rtoSteps(source, xMin, xMax, open ? std::optional<double>(m_model->lastX()) : std::nullopt);
            for (QPointF &p : shown)
                p.setY(RtoScale::y(p.y()));
            rtoChanged = true;
        } else {
            // A marker is ~9 px wide: one point per 3 px column looks the same and draws 3x faster.
            // The application's heartbeat steps ride just above the wire's packets.
            const double offset = source.kind() == TimelineSeriesKind::Heartbeat ? kHeartbeatOffset : 0;
            shown = lanePoints(source, xMin, xMax, width / kPixelsPerPoint, &TimelineAnnotations::laneY, offset);
        }
        series->replace(shown);
        if (auto *line = qobject_cast<QLineSeries *>(series))
            line->setPointsVisible(shown.size() < 3); // a lone sample still shows
    }
    if (rtoChanged)
        updateRtoRange();
}

void TimelineChart::onAnnotationsChanged()
{
    noteChange();
    updateLanes();
    m_openSockets.clear();
    for (const models::StateBand &band : m_model->stateBands()) {
        if (band.open)
            m_openSockets.insert(band.socketKey);
    }
    m_annotations->rebuild();
    if (m_following)
        updateFollowRange();
    else
        redrawAll(); // open and closed sockets' RTO lines end differently
}

void TimelineChart::onCleared()
{
    for (QXYSeries *series : std::as_const(m_chartSeries)) {
        series->chart()->removeSeries(series);
        delete series;
    }
    m_chartSeries.clear();
    m_rtoLines = 0;
    m_rtoLinesOf.clear();
    m_rtoColour.clear();
    m_rtoChart->legend()->setVisible(true);
    m_openSockets.clear();
    hideCallout();
    updateLanes();
    m_annotations->rebuild();
    if (m_following)
        updateFollowRange();
}

void TimelineChart::updateLanes()
{
    const QList<core::Host> lanes = m_model->lanes();
    if (lanes.size() == m_laneCount)
        return;
    m_laneCount = int(lanes.size());
    for (const QString &label : m_laneAxis->categoriesLabels())
        m_laneAxis->remove(label);
    const int n = qMax(1, m_laneCount);
    m_laneAxis->setStartValue(TimelineAnnotations::laneY(n - 1) - 0.5);
    // Categories go bottom up; the first host is on top. Labels are keys: two hosts whose
    // words came out alike in a language still get a lane each.
    QStringList labels;
    for (const core::Host host : lanes) {
        const QString words = hostWords(host);
        QString label = words;
        for (int n = 2; labels.contains(label); ++n)
            label = QStringLiteral("%1 (%2)").arg(words).arg(n);
        labels << label;
    }
    for (int lane = m_laneCount - 1; lane >= 0; --lane)
        m_laneAxis->append(labels.at(lane), TimelineAnnotations::laneY(lane) + 0.5);
    m_laneAxis->setRange(TimelineAnnotations::laneY(n - 1) - 0.5, 0.5);
    updateLaneMinimum();
}

void TimelineChart::updateRtoRange()
{
    // From what is drawn (bounded), not from every sample kept.
    double low = 0;
    double high = 0;
    for (QAbstractSeries *series : m_rtoChart->series()) {
        for (const QPointF &p : static_cast<QXYSeries *>(series)->points()) {
            const double ms = RtoScale::ms(p.y());
            low = low == 0 ? ms : qMin(low, ms);
            high = qMax(high, ms);
        }
    }
    if (high <= 0) { // nothing drawn yet: an RTO's usual first values
        low = 200;
        high = 1000;
    }
    // A label per doubling while they fit the plot's height, fewer beyond.
    const double rowHeight = QFontMetricsF(m_rtoY->labelsFont()).height() * 1.5;
    const double plotHeight = m_rtoChart->plotArea().height() > 0 ? m_rtoChart->plotArea().height() : 100;
    setRtoScale(RtoScale::around(low, high, int(plotHeight / rowHeight)));
}

void TimelineChart::setRtoScale(const RtoScale &scale)
{
    if (scale == m_rtoScale)
        return;
    m_rtoScale = scale;
    for (const QString &label : m_rtoY->categoriesLabels())
        m_rtoY->remove(label);
    // Labels sit on their values; the first category starts just below the lowest one.
    m_rtoY->setStartValue(scale.yMin - 1);
    for (const RtoScale::Tick &tick : scale.ticks)
        m_rtoY->append(tick.label, tick.y);
    m_rtoY->setRange(scale.yMin, scale.yMax);
}

double TimelineChart::xMin() const
{
    return m_x->min();
}

double TimelineChart::xMax() const
{
    return m_x->max();
}

void TimelineChart::setFollowWindowSeconds(double seconds)
{
    m_window = qMax(1.0, seconds);
    if (m_following)
        updateFollowRange();
}

void TimelineChart::setLive(bool live)
{
    m_live = live;
    if (m_live && m_following)
        m_liveTimer->start();
    else
        m_liveTimer->stop();
}

void TimelineChart::updateFollowRange()
{
    double end = m_model->lastX();
    if (m_live && m_model->seriesCount() + m_model->lanes().size() > 0)
        end = qMax(end, m_model->xOf(core::monotonicNowUs()));
    m_annotations->setNowX(end);
    const double start = qMax(0.0, end - m_window);
    // A little room after the latest event, so it is not drawn on the border.
    const double margin = qMax(0.2, 0.03 * (end - start));
    setRangeQuietly(start, qMax(start + 1.0, end + margin));
}

void TimelineChart::setRangeQuietly(double min, double max)
{
    m_time->setRange(min, max); // onRangeChanged() redraws
}

void TimelineChart::onRangeChanged()
{
    redrawAll();
    m_annotations->layout();
    hideCallout();
}

void TimelineChart::setXRange(double min, double max)
{
    pause();
    setRangeQuietly(min, max);
}

void TimelineChart::pause()
{
    m_liveTimer->stop();
    m_toolBar->setFollowing(false);
    if (!m_following)
        return;
    m_following = false;
    emit followingChanged(false);
}

void TimelineChart::follow()
{
    m_toolBar->setFollowing(true);
    const bool changed = !m_following;
    m_following = true;
    updateFollowRange();
    if (m_live)
        m_liveTimer->start();
    if (changed)
        emit followingChanged(true);
}

void TimelineChart::showAll()
{
    double first = 0;
    const double last = m_model->lastX();
    setXRange(first, qMax(first + 1.0, last + qMax(0.2, 0.03 * last)));
}

QString TimelineChart::calloutText() const
{
    return m_callout->isVisible() ? m_callout->text() : QString();
}

void TimelineChart::showDetailsAt(double x, double y)
{
    onHover(QPointF(x, y), m_laneView->positionOf(QPointF(x, y)));
}

void TimelineChart::onHover(QPointF value, QPointF chartPos)
{
    const QRectF plot = m_laneChart->plotArea();
    if (plot.width() <= 0)
        return;
    const int lane = int(std::lround(-value.y()));
    const double maxDx = kHoverPixels * (m_x->max() - m_x->min()) / plot.width();
    const std::optional<core::Event> event = m_model->eventNear(value.x(), lane, maxDx);
    if (!event) {
        hideCallout();
        return;
    }
    const double ex = m_model->xOf(event->tUs);
    const bool acrossLanes = event->kind == core::EventKind::Fault || event->kind == core::EventKind::Verdict;
    const QPointF anchor = acrossLanes ? QPointF(m_laneView->positionOf({ex, 0}).x(), chartPos.y())
                                       : m_laneView->positionOf({ex, TimelineAnnotations::laneY(lane)});
    // Its names as the lanes show them, and no line longer than a few names (a detail may repeat
    // one): bounded, whatever came in.
    core::Event shown = *event;
    for (QString *name : {&shown.local, &shown.remote, &shown.what})
        *name = TimelineAnnotations::boundedName(*name, m_laneAxis->labelsFont());
    QStringList lines = eventDetailsText(shown, m_model->originUs()).split(QLatin1Char('\n'));
    constexpr qsizetype kMaxLineChars = 3 * TimelineAnnotations::kMaxNameChars;
    for (QString &line : lines) {
        if (line.size() > kMaxLineChars)
            line = line.left(kMaxLineChars / 2) + QChar(0x2026) + line.right(kMaxLineChars / 2);
    }
    m_callout->setText(lines.join(QLatin1Char('\n')));
    m_callout->setAnchor(anchor, plot);
    m_callout->show();
}

void TimelineChart::hideCallout()
{
    m_callout->hide();
}

bool TimelineChart::exportPng(const QString &path) const
{
    // Twice the screen size, so the picture stays sharp on a slide; never the hover callout.
    const bool calloutShown = m_callout->isVisible();
    m_callout->hide();
    const bool ok = renderChartViews({m_laneView, m_rtoView}, 2, m_legend).save(path, "PNG");
    m_callout->setVisible(calloutShown);
    return ok;
}

bool TimelineChart::exportSvg(const QString &path) const
{
    const bool calloutShown = m_callout->isVisible();
    m_callout->hide();
    const bool ok = writeChartViewsSvg({m_laneView, m_rtoView}, path, tr("HalfOpen timeline"), m_legend);
    m_callout->setVisible(calloutShown);
    return ok;
}

} // namespace halfopen::ui
