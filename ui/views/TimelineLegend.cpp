// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineLegend.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <QtMath>

namespace halfopen::ui {

namespace {
constexpr int kMargin = 2; // around the rows, as Qt Charts' legend leaves

QPolygonF regularPolygon(const QRectF &box, int corners, double innerRatio)
{
    // Corners (and, for a star, inner points between them) on circles around the centre, the
    // first one pointing up.
    QPolygonF polygon;
    const QPointF c = box.center();
    const double r = box.width() / 2;
    const int points = innerRatio > 0 ? 2 * corners : corners;
    for (int i = 0; i < points; ++i) {
        const double angle = -M_PI / 2 + i * 2 * M_PI / points;
        const double radius = innerRatio > 0 && i % 2 ? r * innerRatio : r;
        polygon << c + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}
} // namespace

void drawScatterMarker(QPainter *painter, const QRectF &box, QScatterSeries::MarkerShape shape, const QColor &fill,
                       const QColor &border, qreal borderWidth)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    switch (shape) {
    case QScatterSeries::MarkerShapeCircle:
        painter->drawEllipse(box);
        break;
    case QScatterSeries::MarkerShapeRectangle:
        painter->drawRect(box);
        break;
    case QScatterSeries::MarkerShapeRotatedRectangle:
        painter->drawPolygon(regularPolygon(box, 4, 0));
        break;
    case QScatterSeries::MarkerShapeTriangle:
        painter->drawPolygon(regularPolygon(box, 3, 0));
        break;
    case QScatterSeries::MarkerShapeStar:
        painter->drawPolygon(regularPolygon(box, 5, 0.45));
        break;
    case QScatterSeries::MarkerShapePentagon:
        painter->drawPolygon(regularPolygon(box, 5, 0));
        break;
    }
    painter->restore();
}

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineLegend"));
    // At least its rows for the width it gets (heightForWidth); the lanes below take the rest.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TimelineLegend::setEntries(const QList<Entry> &entries)
{
    if (entries == m_entries)
        return;
    m_entries = entries;
    updateGeometry();
    update();
}

int TimelineLegend::rowHeight() const
{
    // The largest symbol decides, so a big RST star does not touch the next row.
    int height = fontMetrics().height();
    for (const Entry &e : m_entries)
        height = qMax(height, qCeil(e.size) + 2);
    return height;
}

int TimelineLegend::entryWidth(const Entry &entry) const
{
    const QFontMetrics fm = fontMetrics();
    const int symbol = qMax(qCeil(entry.size), fm.height() / 2);
    return symbol + fm.height() / 3 + fm.horizontalAdvance(entry.label) + fm.height();
}

QList<QRect> TimelineLegend::entryRects(int width) const
{
    QList<QRect> rects;
    const int available = qMax(1, width - 2 * kMargin);
    const int height = rowHeight();
    int top = kMargin;
    qsizetype rowStart = 0;
    int rowWidth = 0;
    const auto closeRow = [&](qsizetype end) {
        // Centre the row, as the chart's own legend did.
        int x = kMargin + qMax(0, (available - rowWidth) / 2);
        for (qsizetype i = rowStart; i < end; ++i) {
            const int w = entryWidth(m_entries.at(i));
            rects.append(QRect(x, top, w, height));
            x += w;
        }
        top += height;
        rowStart = end;
        rowWidth = 0;
    };
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const int w = entryWidth(m_entries.at(i));
        // A full row wraps; an entry wider than the whole width still gets a row of its own.
        if (rowWidth > 0 && rowWidth + w > available)
            closeRow(i);
        rowWidth += w;
    }
    if (rowStart < m_entries.size())
        closeRow(m_entries.size());
    return rects;
}

int TimelineLegend::rowCount(int width) const
{
    QList<int> tops;
    for (const QRect &r : entryRects(width)) {
        if (!tops.contains(r.top()))
            tops.append(r.top());
    }
    return int(tops.size());
}

int TimelineLegend::heightForWidth(int width) const
{
    if (m_entries.isEmpty())
        return 0;
    return rowCount(width) * rowHeight() + 2 * kMargin;
}

QSize TimelineLegend::sizeHint() const
{
    int width = 2 * kMargin;
    for (const Entry &e : m_entries)
        width += entryWidth(e);
    return {width, heightForWidth(width)};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {0, m_entries.isEmpty() ? 0 : rowHeight() + 2 * kMargin};
}

void TimelineLegend::paint(QPainter *painter, const QRect &rect) const
{
    const QList<QRect> rects = entryRects(rect.width());
    const QFontMetrics fm = fontMetrics();
    painter->save();
    painter->setFont(font());
    painter->translate(rect.topLeft());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const Entry &e = m_entries.at(i);
        const QRect r = rects.at(i);
        const qreal symbol = qMax<qreal>(e.size, fm.height() / 2.0);
        const QRectF box(r.left() + (symbol - e.size) / 2, r.center().y() - e.size / 2 + 0.5, e.size, e.size);
        drawScatterMarker(painter, box, e.shape, e.color, e.borderColor, e.borderWidth);
        painter->setPen(palette().color(QPalette::WindowText));
        const QRect text(r.left() + qCeil(symbol) + fm.height() / 3, r.top(), r.width(), r.height());
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
    painter->restore();
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    paint(&painter, rect());
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace halfopen::ui
