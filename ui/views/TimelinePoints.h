// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/TimelineSeries.h"

#include <QList>
#include <QPointF>
#include <optional>

namespace halfopen::ui {

// What a chart series is given: never the model's whole buffer (Qt Charts draws each scatter
// point as an item of its own, and 50 000 of them take seconds), only the points in the shown
// time range, at most one per column (a few pixels wide) and lane. Fixed-size input for one replace().

// Packets or heartbeats between xMin and xMax, y moved from the lane index to the lane's
// centre on the chart (laneY), thinned to one point per column per lane
// (`columns` across the range); yOffset moves them off the lane's centre line.
QList<QPointF> lanePoints(const models::TimelineSeries &series, double xMin, double xMax, double columns,
                          double (*laneY)(int lane), double yOffset = 0);

// One socket's RTO as steps (the value holds until the next sample), from the sample before
// xMin to the one after xMax, repeated values merged, the last step run on to extendTo when
// given (a socket still open).
QList<QPointF> rtoSteps(const models::TimelineSeries &series, double xMin, double xMax, std::optional<double> extendTo);

} // namespace halfopen::ui
