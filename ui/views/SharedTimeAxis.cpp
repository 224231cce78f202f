// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/SharedTimeAxis.h"

#include <QChart>
#include <QValueAxis>

#include <cmath>

namespace halfopen::ui {

SharedTimeAxis::SharedTimeAxis(QChart *top, QChart *bottom, QMargins baseMargins, QObject *parent)
    : QObject(parent)
    , m_topChart(top)
    , m_bottomChart(bottom)
    , m_top(new QValueAxis)
    , m_bottom(new QValueAxis)
    , m_baseMargins(baseMargins)
{
    for (QValueAxis *axis : {m_top, m_bottom})
        axis->setTickType(QValueAxis::TicksDynamic);
    top->addAxis(m_top, Qt::AlignBottom);
    bottom->addAxis(m_bottom, Qt::AlignBottom);
    top->setMargins(baseMargins);
    bottom->setMargins(baseMargins);
    connect(m_top, &QValueAxis::rangeChanged, this, [this] { onAxisMoved(m_top); });
    connect(m_bottom, &QValueAxis::rangeChanged, this, [this] { onAxisMoved(m_bottom); });
    for (QChart *chart : {top, bottom})
        connect(chart, &QChart::plotAreaChanged, this, [this, chart] { noteAxisSpace(chart); });
}

double SharedTimeAxis::min() const
{
    return m_top->min();
}

double SharedTimeAxis::max() const
{
    return m_top->max();
}

void SharedTimeAxis::setRange(double min, double max)
{
    m_moving = true;
    m_top->setRange(min, max);
    m_bottom->setRange(min, max);
    m_moving = false;
    updateTicks();
    emit rangeChanged();
}

void SharedTimeAxis::setExtraTop(QChart *chart, int pixels)
{
    if (m_extraTop.value(chart) == pixels)
        return;
    m_extraTop[chart] = pixels;
    QMargins m = chart->margins();
    m.setTop(m_baseMargins.top() + pixels);
    chart->setMargins(m);
}

void SharedTimeAxis::onAxisMoved(QValueAxis *moved)
{
    if (m_moving)
        return;
    // The user moved one chart (or QChart zoomed it): the other follows.
    QValueAxis *other = moved == m_top ? m_bottom : m_top;
    m_moving = true;
    other->setRange(moved->min(), moved->max());
    m_moving = false;
    updateTicks();
    emit rangeChanged();
}

void SharedTimeAxis::updateTicks()
{
    // Round steps (1, 2, 5 x 10^n seconds), about one label per 90 pixels.
    const double span = m_top->max() - m_top->min();
    const double width = qMax(200.0, m_topChart->plotArea().width());
    const double raw = span / qMax(2.0, width / 90);
    if (raw <= 0)
        return;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    const int decimals = qBound(0, int(-std::floor(std::log10(step) + 1e-9)), 6);
    for (QValueAxis *axis : {m_top, m_bottom}) {
        axis->setTickAnchor(0);
        axis->setTickInterval(step);
        axis->setLabelFormat(
            tr("%.%1f s", "time axis label: a printf format for seconds since the start; %1 is the decimals")
                .arg(decimals));
    }
}

void SharedTimeAxis::noteAxisSpace(QChart *chart)
{
    // What the axes and legend take beside the plot, without our margin: read here, where the
    // plot area was just laid out with the margins it reports.
    const QRectF plot = chart->plotArea();
    const QMargins m = chart->margins();
    m_axisSpace[chart] = {plot.left() - m.left(), chart->size().width() - plot.right() - m.right()};
    QMetaObject::invokeMethod(this, &SharedTimeAxis::alignPlotAreas, Qt::QueuedConnection);
}

void SharedTimeAxis::alignPlotAreas()
{
    if (!m_axisSpace.contains(m_topChart) || !m_axisSpace.contains(m_bottomChart))
        return;
    const QPair<double, double> top = m_axisSpace.value(m_topChart);
    const QPair<double, double> bottom = m_axisSpace.value(m_bottomChart);
    const double left = qMax(top.first, bottom.first);
    const double right = qMax(top.second, bottom.second);
    for (QChart *chart : {m_topChart, m_bottomChart}) {
        const QPair<double, double> own = m_axisSpace.value(chart);
        const QMargins wanted(m_baseMargins.left() + qRound(left - own.first),
                              m_baseMargins.top() + m_extraTop.value(chart),
                              m_baseMargins.right() + qRound(right - own.second), m_baseMargins.bottom());
        if (chart->margins() != wanted)
            chart->setMargins(wanted);
    }
}

} // namespace halfopen::ui
