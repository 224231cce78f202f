// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace halfopen::ui {

// The RTO chart's vertical scale. Plotted as log2 of milliseconds, so each doubling of the RTO
// is one step up; ticks sit at 100 ms × 2^k — the values Linux's RTO doubles through from its
// 200 ms floor — labelled "400 ms", "1.6 s", "12.8 s", and never more of them than the plot's
// height holds (Qt Charts cuts a crowded label to "…").
struct RtoScale
{
    struct Tick
    {
        double y = 0; // rtoY() of the value
        QString label;
    };
    double yMin = 0;
    double yMax = 0;
    QList<Tick> ticks;

    // The range around [lowMs, highMs] (both > 0), with at most maxTicks labels (at least 2).
    static RtoScale around(double lowMs, double highMs, int maxTicks);
    static double y(double ms); // where a value is plotted
    static double ms(double y); // the value at a plotted height
    static QString label(double ms);
    bool operator==(const RtoScale &other) const;
};

} // namespace halfopen::ui
