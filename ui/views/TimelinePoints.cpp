// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelinePoints.h"

#include <QVarLengthArray>

#include <algorithm>
#include <climits>

namespace halfopen::ui {

namespace {
bool xBefore(const QPointF &a, const QPointF &b)
{
    return a.x() < b.x();
}
} // namespace

QList<QPointF> lanePoints(const models::TimelineSeries &series, double xMin, double xMax, double columns,
                          double (*laneY)(int lane), double yOffset)
{
    const QList<QPointF> &points = series.points();
    const auto first = std::lower_bound(points.cbegin(), points.cend(), QPointF(xMin, 0), xBefore);
    const auto last = std::upper_bound(first, points.cend(), QPointF(xMax, 0), xBefore);
    const double span = xMax - xMin;
    const double perPixel = span > 0 ? qMax(1.0, columns) / span : 0;
    QList<QPointF> shown;
    shown.reserve(qMin<qsizetype>(last - first, qsizetype(qMax(1.0, columns)) * 4));
    QVarLengthArray<qint64, 8> lastColumn; // per lane
    for (auto it = first; it != last; ++it) {
        const int lane = int(it->y());
        if (lane < 0)
            continue;
        if (lane >= lastColumn.size())
            lastColumn.resize(lane + 1, LLONG_MIN);
        const auto column = qint64((it->x() - xMin) * perPixel);
        if (column == lastColumn[lane])
            continue; // this column of this lane is drawn already
        lastColumn[lane] = column;
        shown.append(QPointF(it->x(), laneY(lane) + yOffset));
    }
    return shown;
}

QList<QPointF> rtoSteps(const models::TimelineSeries &series, double xMin, double xMax, std::optional<double> extendTo)
{
    const QList<QPointF> &points = series.points();
    auto first = std::lower_bound(points.cbegin(), points.cend(), QPointF(xMin, 0), xBefore);
    auto last = std::upper_bound(first, points.cend(), QPointF(xMax, 0), xBefore);
    // One sample either side, so the line enters and leaves the plot at the right height.
    if (first != points.cbegin())
        --first;
    const bool pastEnd = last != points.cend();
    if (pastEnd)
        ++last;
    QList<QPointF> shown;
    for (auto it = first; it != last; ++it) {
        if (!shown.isEmpty() && shown.last().y() == it->y())
            continue; // the same RTO again: the line carries on
        if (!shown.isEmpty())
            shown.append(QPointF(it->x(), shown.last().y()));
        shown.append(*it);
    }
    if (shown.isEmpty())
        return shown;
    const double lastX = (last - 1)->x();
    if (shown.last().x() < lastX)
        shown.append(QPointF(lastX, shown.last().y())); // up to the last sample
    if (extendTo && !pastEnd && *extendTo > shown.last().x())
        shown.append(QPointF(*extendTo, shown.last().y()));
    return shown;
}

} // namespace halfopen::ui
