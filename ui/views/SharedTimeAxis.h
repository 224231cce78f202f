// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMargins>
#include <QObject>
#include <QPair>

class QChart;
class QValueAxis;

namespace halfopen::ui {

// One time axis for two charts stacked one above the other: each chart gets its own x axis
// (Qt Charts axes belong to one chart), kept at the same range whichever the user zooms or
// pans, with round tick steps, and with the plot areas lined up (each chart's margin makes up
// for the other's wider axis labels or legend) so a moment is at the same x in both.
class SharedTimeAxis : public QObject
{
    Q_OBJECT
public:
    SharedTimeAxis(QChart *top, QChart *bottom, QMargins baseMargins, QObject *parent = nullptr);

    QValueAxis *topAxis() const { return m_top; }
    QValueAxis *bottomAxis() const { return m_bottom; }
    double min() const;
    double max() const;
    void setRange(double min, double max);
    // Room above one chart's plot beyond the base margin (the lanes' strip for marker labels).
    void setExtraTop(QChart *chart, int pixels);

signals:
    // After any change of the range: ours, or a zoom or pan in either chart.
    void rangeChanged();

private:
    void onAxisMoved(QValueAxis *moved);
    void updateTicks();
    void noteAxisSpace(QChart *chart);
    void alignPlotAreas();

    QChart *m_topChart;
    QChart *m_bottomChart;
    QValueAxis *m_top;
    QValueAxis *m_bottom;
    QMargins m_baseMargins;
    bool m_moving = false;
    QHash<QChart *, QPair<double, double>> m_axisSpace; // left and right of the plot, margins aside
    QHash<QChart *, int> m_extraTop;
};

} // namespace halfopen::ui
