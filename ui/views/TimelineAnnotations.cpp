// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineAnnotations.h"

#include "core/predict/TimeReference.h"
#include "core/tcp/TcpState.h"
#include "models/DurationText.h"
#include "models/TimelineModel.h"
#include "ui/views/EventWords.h"
#include "ui/views/StateColors.h"
#include "ui/views/TimelineChartView.h"

#include <QApplication>
#include <QBrush>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QPen>

#include <algorithm>
#include <limits>
#include <optional>

namespace halfopen::ui {

using models::DetectionSpan;
using models::StateBand;
using models::TimelineMarker;

namespace {
// Stacking among the chart's own items (Qt Charts puts its grid at 2, axes at 3, series from 4,
// the legend at 12): bands and shades over the grid and under the points, markers and labels
// over the points and under the legend.
constexpr qreal kBackZ = 3.5;
constexpr qreal kFrontZ = 11.5;
constexpr double kLaneFill = 0.80; // the part of a lane's height its bands share

QColor faultColor()
{
    return QColor(0xa8, 0x5c, 0xd0); // violet: neither a packet class nor a state
}

QColor optionsColor()
{
    return QColor(0x17, 0xa2, 0xb8); // teal: a setting, not a fault
}
} // namespace

TimelineAnnotations::TimelineAnnotations(TimelineChartView *view, models::TimelineModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_chart(view->chart())
    , m_model(model)
    , m_back(new QGraphicsRectItem(m_chart))
    , m_front(new QGraphicsRectItem(m_chart))
    , m_text(QApplication::palette().color(QPalette::Text))
    , m_background(QApplication::palette().color(QPalette::Base))
{
    for (QGraphicsRectItem *layer : {m_back, m_front}) {
        layer->setPen(Qt::NoPen);
        layer->setBrush(Qt::NoBrush);
        layer->setFlag(QGraphicsItem::ItemClipsChildrenToShape);
        layer->setAcceptedMouseButtons(Qt::NoButton);
        layer->setAcceptHoverEvents(false);
    }
    m_back->setZValue(kBackZ);
    m_front->setZValue(kFrontZ);
}

TimelineAnnotations::~TimelineAnnotations() = default; // the chart owns the items

void TimelineAnnotations::setColors(QColor text, QColor background)
{
    m_text = text;
    m_background = background;
    rebuild();
}

void TimelineAnnotations::setTextScale(double scale)
{
    m_textScale = scale;
    rebuild();
}

void TimelineAnnotations::setMarkerStrip(double height)
{
    m_markerStrip = height;
    layout();
}

double TimelineAnnotations::markerRowHeight() const
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_textScale);
    return QFontMetricsF(font).height() + 6;
}

void TimelineAnnotations::clearItems()
{
    for (QGraphicsRectItem *layer : {m_back, m_front}) {
        const QList<QGraphicsItem *> children = layer->childItems();
        for (QGraphicsItem *child : children)
            delete child;
    }
    m_bands.clear();
    m_markers.clear();
    m_spans.clear();
    m_emptyHint = nullptr;
}

QGraphicsSimpleTextItem *TimelineAnnotations::addLabel(QGraphicsItem *parent, const QString &text,
                                                       QGraphicsRectItem **box)
{
    if (box) {
        *box = new QGraphicsRectItem(parent);
        QColor fill = m_background;
        fill.setAlpha(225);
        (*box)->setBrush(fill);
    }
    auto *label = new QGraphicsSimpleTextItem(text, parent);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_textScale);
    label->setFont(font);
    label->setBrush(m_text);
    return label;
}

QString TimelineAnnotations::spanText(const DetectionSpan &span) const
{
    if (span.open)
        return tr("%1 and counting", "time since the fault, nothing detected yet").arg(span.label);
    if (span.cut)
        return tr("recording incomplete: ends here at %1",
                  "a recording cut by a kill, nothing detected before its last event; %1 its time, \"9.55 s\"")
            .arg(models::secondsText(span.endX));
    if (span.undetected)
        return tr("%1, nothing noticed", "time from the fault until it was undone or the run ended").arg(span.label);
    // The verdict's reference point, so the drawing reads as the headline does.
    const QString measured = span.reference ? tr("%1 %2", "detection time, reference point")
                                                  .arg(span.label, core::timeReferenceDescription(*span.reference))
                                            : span.label;
    if (span.mechanism == core::DetectionMechanism::None)
        return measured;
    return tr("%1 by %2", "detection time, mechanism").arg(measured, mechanismWords(span.mechanism));
}

QString TimelineAnnotations::boundedName(const QString &name, const QFont &font)
{
    QString kept = name;
    if (kept.size() > kMaxNameChars) {
        const qsizetype half = (kMaxNameChars - 1) / 2;
        kept = kept.left(half) + QChar(0x2026) + kept.right(kMaxNameChars - 1 - half);
    }
    const QFontMetrics metrics(font);
    return metrics.elidedText(kept, Qt::ElideMiddle, metrics.averageCharWidth() * kMaxNameEms);
}

QString TimelineAnnotations::markerText(const TimelineMarker &given) const
{
    // Names of any length come in: drawn bounded.
    TimelineMarker m = given;
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_textScale);
    if (m.kind != TimelineMarker::Kind::Options) // the options' own summary is ours, not a name
        m.label = boundedName(m.label, font);
    if (m.kind == TimelineMarker::Kind::Fault)
        return m.host == core::Host::None ? faultTitle(m.label)
                                          : tr("%1 %2", "fault name, host").arg(faultTitle(m.label), hostWords(m.host));
    if (m.kind == TimelineMarker::Kind::Options)
        return tr("%1: %2", "host, socket options set on its open connections").arg(hostWords(m.host), m.label);
    // "soft": an error the connection survived.
    if (m.mechanism == core::DetectionMechanism::None)
        return m.fatal ? tr("%1 on %2", "errno name, host").arg(m.label, hostWords(m.host))
                       : tr("%1 on %2, soft", "errno name, host").arg(m.label, hostWords(m.host));
    const QString how = mechanismWords(m.mechanism);
    return m.fatal
        ? tr("%1 on %2 (%3)", "errno name, host, detection mechanism").arg(m.label, hostWords(m.host), how)
        : tr("%1 on %2 (%3), soft", "errno name, host, detection mechanism").arg(m.label, hostWords(m.host), how);
}

QHash<QString, int> TimelineAnnotations::packSlots(const QList<StateBand> &bands)
{
    struct Life
    {
        core::Host host = core::Host::None;
        double start = 0;
        double end = 0;
        bool open = false;
    };
    QHash<QString, Life> lives; // socket -> first start, last end
    QStringList order;
    for (const StateBand &band : bands) {
        auto it = lives.find(band.socketKey);
        if (it == lives.end()) {
            lives.insert(band.socketKey, {band.host, band.startX, band.endX, band.open});
            order.append(band.socketKey);
        } else {
            it->start = qMin(it->start, band.startX);
            it->end = qMax(it->end, band.endX);
            it->open = it->open || band.open;
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&lives](const QString &a, const QString &b) { return lives[a].start < lives[b].start; });
    QHash<core::Host, QList<double>> slotEnds; // host -> per slot, when its socket's life ends
    QHash<QString, int> slotOf;
    for (const QString &socket : std::as_const(order)) {
        const Life &life = lives[socket];
        QList<double> &ends = slotEnds[life.host];
        int slot = 0;
        while (slot < ends.size() && ends[slot] > life.start)
            ++slot;
        if (slot == ends.size())
            ends.append(0);
        ends[slot] = life.open ? std::numeric_limits<double>::infinity() : life.end;
        slotOf.insert(socket, slot);
    }
    return slotOf;
}

void TimelineAnnotations::rebuild()
{
    clearItems();
    QFont base = QApplication::font();
    base.setPointSizeF(base.pointSizeF() * m_textScale);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);

    // Bands: each socket gets a slot in its host's lane for its lifetime; a slot freed by a
    // socket that closed is reused by the next one, so a lane stays as tall as the most
    // sockets alive at once.
    const QList<StateBand> bands = m_model->stateBands();
    const QHash<QString, int> slotOf = packSlots(bands);
    QHash<core::Host, int> slotsOfHost;
    for (const StateBand &band : bands)
        slotsOfHost[band.host] = qMax(slotsOfHost.value(band.host), slotOf.value(band.socketKey) + 1);
    for (const StateBand &band : bands) {
        Band b;
        b.band = band;
        b.slot = slotOf.value(band.socketKey);
        b.slotCount = slotsOfHost.value(band.host, 1);
        b.rect = new QGraphicsRectItem(m_back);
        QColor fill = stateColor(band.state);
        fill.setAlphaF(0.22);
        b.rect->setBrush(fill);
        QColor edge = stateColor(band.state);
        edge.setAlphaF(0.7);
        b.rect->setPen(QPen(edge, 1));
        b.text = addLabel(m_back, core::tcpStateName(band.state), nullptr);
        b.text->setFont(small);
        m_bands.append(b);
    }

    const QColor alarm = alarmColor();
    for (const DetectionSpan &span : m_model->detectionSpans()) {
        Span s;
        s.span = span;
        s.shade = new QGraphicsRectItem(m_back);
        QColor shade = alarm;
        shade.setAlphaF(span.open || span.cut ? 0.05 : 0.08);
        s.shade->setBrush(shade);
        s.shade->setPen(Qt::NoPen);
        s.arrow = new QGraphicsLineItem(m_front);
        s.arrow->setPen(QPen(alarm, 2, span.open || span.cut ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        s.text = addLabel(m_front, spanText(span), &s.box);
        QFont bold = base;
        bold.setBold(true);
        s.text->setFont(bold);
        s.box->setPen(QPen(alarm, 1));
        m_spans.append(s);
    }

    if (m_model->lanes().isEmpty()) {
        m_emptyHint = addLabel(m_front,
                               tr("Nothing to draw yet: start a session or open a recording.\n"
                                  "Each host gets a lane here: its packets, its sockets' states,\n"
                                  "the faults, and the time it took to notice."),
                               nullptr);
        QColor hint = m_text;
        hint.setAlphaF(0.6);
        m_emptyHint->setBrush(hint);
    }

    QList<TimelineMarker> markers = m_model->faultMarkers();
    markers += m_model->errorMarkers();
    markers += m_model->optionsMarkers();
    std::stable_sort(markers.begin(), markers.end(),
                     [](const TimelineMarker &a, const TimelineMarker &b) { return a.x < b.x; });
    for (const TimelineMarker &marker : std::as_const(markers)) {
        Marker m;
        m.marker = marker;
        const bool fault = marker.kind == TimelineMarker::Kind::Fault;
        const bool options = marker.kind == TimelineMarker::Kind::Options;
        const QColor color = fault ? faultColor() : options ? optionsColor() : alarm;
        m.line = new QGraphicsLineItem(m_front);
        m.line->setPen(QPen(color, 2, fault ? Qt::DashLine : options ? Qt::DotLine : Qt::SolidLine));
        m.text = addLabel(m_front, markerText(marker), &m.box);
        m.text->setFont(small);
        m.box->setPen(QPen(color, 1));
        m_markers.append(m);
    }
    layout();
}

void TimelineAnnotations::layout()
{
    const QRectF plot = m_chart->plotArea();
    m_back->setRect(plot);
    m_front->setRect(plot.adjusted(0, -m_markerStrip, 0, 0)); // the marker labels' strip too
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    if (m_emptyHint) {
        const QRectF r = m_emptyHint->boundingRect();
        m_emptyHint->setPos(plot.center() - QPointF(r.width() / 2, r.height() / 2));
    }
    const double nowX = qMax(m_model->lastX(), m_nowX);
    const auto px = [this](double x) { return m_view->positionOf({x, 0}).x(); };
    const auto py = [this](double y) { return m_view->positionOf({0, y}).y(); };

    // Label boxes placed so far: the state names go where none of them is.
    QList<QRectF> taken;
    // Marker labels along the top in rows, each in the first row where it does not overlap.
    QList<double> rowEnds;
    for (Marker &m : m_markers) {
        const double x = px(m.marker.x);
        m.line->setLine(QLineF(x, plot.top(), x, plot.bottom()));
        const QRectF textRect = m.text->boundingRect();
        const double left = qBound(plot.left() + 2, x + 4, plot.right() - textRect.width() - 6);
        int row = 0;
        while (row < rowEnds.size() && rowEnds[row] > left - 4)
            ++row;
        if (row == rowEnds.size())
            rowEnds.append(0);
        rowEnds[row] = left + textRect.width() + 4;
        // The first row in the strip above the plot, further rows inside it.
        const double firstTop = m_markerStrip > 0 ? plot.top() - m_markerStrip + 3 : plot.top() + 4;
        const double top = firstTop + row * (textRect.height() + 6);
        m.text->setPos(left, top);
        m.box->setRect(QRectF(left - 3, top - 1, textRect.width() + 6, textRect.height() + 2));
        m.text->setVisible(true);
        m.box->setVisible(true);
        taken.append(m.box->rect());
    }

    // Spans: shaded over every lane, an arrow with the duration along the bottom; labels that
    // would overlap go a row up.
    QList<double> spanRowEnds;
    for (Span &s : m_spans) {
        const double end = s.span.open ? qMax(s.span.endX, nowX) : s.span.endX;
        if (s.span.open && end != s.span.endX) {
            // Still waiting: the count goes on with the latest time.
            s.span.endX = end;
            s.span.seconds = end - s.span.startX;
            s.span.label = models::secondsText(s.span.seconds);
            s.text->setText(spanText(s.span));
        }
        const double x0 = px(s.span.startX);
        const double x1 = px(end);
        // In the lane of the host that noticed (or is expected to); the whole plot when it has none.
        const int lane = m_model->laneOf(s.span.host);
        const double laneTop = lane >= 0 ? qMax(plot.top(), py(laneY(lane) + 0.5)) : plot.top();
        const double laneBottom = lane >= 0 ? qMin(plot.bottom(), py(laneY(lane) - 0.5)) : plot.bottom();
        s.shade->setRect(QRectF(QPointF(x0, laneTop), QPointF(x1, laneBottom)).normalized());
        const QRectF textRect = s.text->boundingRect();
        const double visibleMid = (qMax(x0, plot.left()) + qMin(x1, plot.right())) / 2;
        // A span narrower than its label has it beside the detection, not over the marker lines.
        const double wanted = x1 - x0 >= textRect.width() + 8 ? visibleMid - textRect.width() / 2 : x1 + 6;
        double left = qBound(plot.left() + 4, wanted, plot.right() - textRect.width() - 6);
        int row = 0;
        while (row < spanRowEnds.size() && spanRowEnds[row] > left - 8)
            ++row;
        if (row == spanRowEnds.size())
            spanRowEnds.append(0);
        spanRowEnds[row] = left + textRect.width() + 8;
        const double arrowY = qMax(laneTop + textRect.height() + 8, laneBottom - 8 - row * (textRect.height() + 14));
        s.arrow->setLine(QLineF(x0, arrowY, x1, arrowY));
        const double top = arrowY - 6 - textRect.height();
        // Clear of the marker labels: past them to the right while there is room, else to their
        // left.
        for (int tries = 0; tries < 6; ++tries) {
            const QRectF box(left - 4, top - 2, textRect.width() + 8, textRect.height() + 4);
            const auto hit
                = std::find_if(taken.cbegin(), taken.cend(), [&box](const QRectF &t) { return t.intersects(box); });
            if (hit == taken.cend())
                break;
            if (hit->right() + 8 + textRect.width() <= plot.right() - 6)
                left = hit->right() + 8;
            else if (hit->left() - 8 - textRect.width() >= plot.left() + 4 && hit->left() - 8 - textRect.width() < left)
                left = hit->left() - 8 - textRect.width();
            else
                break;
        }
        s.text->setPos(left, top);
        s.box->setRect(QRectF(left - 4, top - 2, textRect.width() + 8, textRect.height() + 4));
        // No room anywhere (a small window): the span is the answer, a marker's label only names
        // the line under it, so the label gives way (its line stays; hovering it still tells).
        for (Marker &m : m_markers) {
            // Their texts, not the boxes' margins: touching boxes still read.
            if (m.box->isVisible()
                && m.box->rect().adjusted(3, 1, -3, -1).intersects(s.box->rect().adjusted(4, 2, -4, -2))) {
                m.text->setVisible(false);
                m.box->setVisible(false);
                taken.removeOne(m.box->rect());
            }
        }
        taken.append(s.box->rect());
    }

    // State names last, where no marker or span label is: top left of the band, else its
    // bottom left, else further right; hidden when no place in the band is free.
    for (Band &b : m_bands) {
        const int lane = m_model->laneOf(b.band.host);
        const double end = b.band.open ? qMax(b.band.endX, nowX) : b.band.endX;
        const double slotHeight = kLaneFill / b.slotCount;
        const double top = laneY(lane) + kLaneFill / 2 - b.slot * slotHeight;
        const QRectF r = QRectF(QPointF(px(b.band.startX), py(top)), QPointF(px(end), py(top - slotHeight)))
                             .normalized()
                             .adjusted(0, 1, 0, -1);
        b.rect->setRect(r);
        const QRectF visible = r.intersected(plot);
        const QRectF textRect = b.text->boundingRect();
        std::optional<QRectF> place;
        if (visible.height() >= textRect.height() * 0.8) {
            for (const double y : {visible.top() + 1, visible.bottom() - textRect.height() - 1}) {
                double x = visible.left() + 4;
                // Step right past whatever is in the way, as far as the band goes.
                for (int tries = 0; tries < 8 && !place; ++tries) {
                    const QRectF candidate(x, y, textRect.width(), textRect.height());
                    if (candidate.right() > visible.right() - 4)
                        break;
                    const auto hit = std::find_if(taken.cbegin(), taken.cend(),
                                                  [&candidate](const QRectF &t) { return t.intersects(candidate); });
                    if (hit == taken.cend())
                        place = candidate;
                    else
                        x = hit->right() + 4;
                }
                if (place)
                    break;
            }
        }
        b.text->setVisible(place.has_value());
        if (place) {
            b.text->setPos(place->topLeft());
            taken.append(place->adjusted(-2, 0, 2, 0));
        }
    }
}

QStringList TimelineAnnotations::bandLabels() const
{
    QStringList labels;
    for (const Band &b : m_bands)
        labels.append(b.text->text());
    return labels;
}

QStringList TimelineAnnotations::markerLabels() const
{
    QStringList labels;
    for (const Marker &m : m_markers)
        labels.append(m.text->text());
    return labels;
}

QStringList TimelineAnnotations::spanLabels() const
{
    QStringList labels;
    for (const Span &s : m_spans)
        labels.append(s.text->text());
    return labels;
}

} // namespace halfopen::ui
