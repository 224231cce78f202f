// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QGraphicsItem>

namespace halfopen::ui {

// A small box with a pointer, drawn in the chart's scene next to the event under the mouse
// (after the Qt Charts callout example).
class TimelineCallout : public QGraphicsItem
{
public:
    explicit TimelineCallout(QGraphicsItem *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // The event's position and the area the box must stay inside, in the parent's coordinates.
    void setAnchor(QPointF anchor, const QRectF &bounds);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void layoutBox();

    QString m_text;
    QFont m_font;
    QPointF m_anchor;
    QRectF m_bounds;
    QRectF m_textRect;
    QRectF m_box;
};

} // namespace halfopen::ui
