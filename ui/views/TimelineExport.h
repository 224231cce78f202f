// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QString>

class QChartView;

namespace halfopen::ui {

class TimelineLegend;

// Chart views stacked top to bottom into one picture, as shown (scene items included), under
// the lanes' legend when there is one: a PNG at `scale` times the screen size so it stays sharp
// on a slide, or an SVG whose text and lines stay vector.
QImage renderChartViews(const QList<QChartView *> &views, qreal scale, const TimelineLegend *legend = nullptr);
bool writeChartViewsSvg(const QList<QChartView *> &views, const QString &path, const QString &title,
                        const TimelineLegend *legend = nullptr);

} // namespace halfopen::ui
