// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineCallout.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace halfopen::ui {

TimelineCallout::TimelineCallout(QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_font(QApplication::font())
{
    setZValue(100);
}

void TimelineCallout::setText(const QString &text)
{
    prepareGeometryChange();
    m_text = text;
    const QFontMetricsF metrics(m_font);
    m_textRect = metrics.boundingRect(QRectF(0, 0, 420, 400), Qt::AlignLeft | Qt::TextWordWrap, m_text);
    layoutBox();
}

void TimelineCallout::setAnchor(QPointF anchor, const QRectF &bounds)
{
    prepareGeometryChange();
    m_anchor = anchor;
    m_bounds = bounds;
    layoutBox();
}

void TimelineCallout::layoutBox()
{
    // Above and right of the event; flipped where that leaves the plot.
    const QSizeF size = m_textRect.size() + QSizeF(16, 12);
    QPointF topLeft = m_anchor + QPointF(12, -12 - size.height());
    if (topLeft.x() + size.width() > m_bounds.right())
        topLeft.setX(m_anchor.x() - 12 - size.width());
    if (topLeft.y() < m_bounds.top())
        topLeft.setY(m_anchor.y() + 12);
    topLeft.setX(qMax(topLeft.x(), m_bounds.left()));
    m_box = QRectF(topLeft, size);
}

QRectF TimelineCallout::boundingRect() const
{
    QRectF r = m_box;
    r = r.united(QRectF(m_anchor, QSizeF(1, 1)));
    return r.adjusted(-2, -2, 2, 2);
}

void TimelineCallout::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    QColor background = palette.color(QPalette::ToolTipBase);
    background.setAlpha(240);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::ToolTipText), 1));
    painter->drawLine(m_anchor,
                      QPointF(qBound(m_box.left() + 6, m_anchor.x(), m_box.right() - 6),
                              m_anchor.y() < m_box.top() ? m_box.top() : m_box.bottom()));
    painter->setBrush(background);
    painter->drawRoundedRect(m_box, 5, 5);
    painter->setFont(m_font);
    painter->drawText(m_box.adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::TextWordWrap, m_text);
}

} // namespace halfopen::ui
