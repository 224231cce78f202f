// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QValueAxis;

namespace halfopen::ui {

// A chart view that moves along time only: the wheel zooms x around the mouse, a drag pans,
// Shift+drag draws a rubber band to zoom into, a right click zooms out. y stays as the chart
// set it (lanes, RTO). It reports where the mouse is, in values, for the hover callout.
class TimelineChartView : public QChartView
{
    Q_OBJECT
public:
    TimelineChartView(QChart *chart, QValueAxis *xAxis, QWidget *parent = nullptr);

    // Plot-area position -> values, from the axes' ranges (needs no series).
    QPointF valueAt(QPointF viewPos) const;
    QPointF positionOf(QPointF value) const;

signals:
    // The user zoomed or panned: the new x range is already set on the axis.
    void userMovedRange();
    void hoveredAt(QPointF value, QPointF chartPos);
    void hoverLeft();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QValueAxis *m_x;
    bool m_panning = false;
    bool m_banding = false;
    QPointF m_panLast;
};

} // namespace halfopen::ui
