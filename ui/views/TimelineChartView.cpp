// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineChartView.h"

#include <QAbstractAxis>
#include <QMouseEvent>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace halfopen::ui {

namespace {
// Closer than this (seconds) and the axis labels stop meaning anything.
constexpr double kMinSpan = 0.01;
} // namespace

TimelineChartView::TimelineChartView(QChart *chart, QValueAxis *xAxis, QWidget *parent)
    : QChartView(chart, parent)
    , m_x(xAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setDragMode(QGraphicsView::NoDrag);
    // The whole view, not only what Qt Charts reports as changed: its axis labels, moved as the
    // time range moves, left their old places on screen in pieces until a full repaint (the
    // live RTO plot in fragments, issue 13). Live, the range moves every step: all of the view
    // changes anyway.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
}

QPointF TimelineChartView::valueAt(QPointF viewPos) const
{
    const QRectF plot = chart()->plotArea();
    const QPointF p = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    const double x = m_x->min() + (p.x() - plot.left()) / plot.width() * (m_x->max() - m_x->min());
    double y = 0;
    const QList<QAbstractAxis *> vertical = chart()->axes(Qt::Vertical);
    if (!vertical.isEmpty()) {
        if (const auto *axis = qobject_cast<const QValueAxis *>(vertical.first()))
            y = axis->max() - (p.y() - plot.top()) / plot.height() * (axis->max() - axis->min());
    }
    return {x, y};
}

QPointF TimelineChartView::positionOf(QPointF value) const
{
    const QRectF plot = chart()->plotArea();
    double y = plot.center().y();
    const QList<QAbstractAxis *> vertical = chart()->axes(Qt::Vertical);
    if (!vertical.isEmpty()) {
        if (const auto *axis = qobject_cast<const QValueAxis *>(vertical.first()))
            y = plot.top() + (axis->max() - value.y()) / (axis->max() - axis->min()) * plot.height();
    }
    return {plot.left() + (value.x() - m_x->min()) / (m_x->max() - m_x->min()) * plot.width(), y};
}

void TimelineChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    const double factor = std::pow(0.8, steps); // < 1 zooms in
    const double at = valueAt(event->position()).x();
    const double min = at - (at - m_x->min()) * factor;
    const double max = at + (m_x->max() - at) * factor;
    if (max - min < kMinSpan)
        return;
    m_x->setRange(min, max);
    emit userMovedRange();
    event->accept();
}

void TimelineChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        m_panning = true;
        m_panLast = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        event->accept(); // zooms out on release
        return;
    }
    m_banding = event->button() == Qt::LeftButton;
    QChartView::mousePressEvent(event);
}

void TimelineChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const double dx = valueAt(event->position()).x() - valueAt(m_panLast).x();
        m_panLast = event->position();
        if (dx != 0) {
            m_x->setRange(m_x->min() - dx, m_x->max() - dx);
            emit userMovedRange();
        }
        event->accept();
        return;
    }
    if (chart()->plotArea().contains(chart()->mapFromScene(mapToScene(event->position().toPoint()))))
        emit hoveredAt(valueAt(event->position()), chart()->mapFromScene(mapToScene(event->position().toPoint())));
    else
        emit hoverLeft();
    QChartView::mouseMoveEvent(event);
}

void TimelineChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::LeftButton) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        // Twice the span around the same centre; QChart::zoomOut() would move the lanes too.
        const double centre = (m_x->min() + m_x->max()) / 2;
        const double half = m_x->max() - m_x->min();
        m_x->setRange(centre - half, centre + half);
        emit userMovedRange();
        event->accept();
        return;
    }
    const bool banded = m_banding;
    m_banding = false;
    QChartView::mouseReleaseEvent(event);
    if (banded)
        emit userMovedRange();
}

void TimelineChartView::leaveEvent(QEvent *event)
{
    emit hoverLeft();
    QChartView::leaveEvent(event);
}

} // namespace halfopen::ui
