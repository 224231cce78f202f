// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/RtoScale.h"

#include <QCoreApplication>

#include <cmath>

namespace halfopen::ui {

namespace {
constexpr double kTickUnitMs = 100; // ticks at kTickUnitMs × 2^k
constexpr double kHeadroom = 1.2;   // the data does not touch the plot's edges
} // namespace

double RtoScale::y(double ms)
{
    return std::log2(ms);
}

double RtoScale::ms(double y)
{
    return std::exp2(y);
}

QString RtoScale::label(double ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("RtoScale", "%1 ms", "RTO axis label, milliseconds").arg(ms, 0, 'g', 3);
    // 1.6 s, 12.8 s: the tenth tells the doublings apart; past 100 s it is noise.
    const double s = ms / 1000;
    return QCoreApplication::translate("RtoScale", "%1 s", "RTO axis label, seconds").arg(s, 0, 'f', s < 100 ? 1 : 0);
}

RtoScale RtoScale::around(double lowMs, double highMs, int maxTicks)
{
    maxTicks = std::max(2, maxTicks);
    int kLow = int(std::floor(std::log2(lowMs / kHeadroom / kTickUnitMs)));
    int kHigh = int(std::ceil(std::log2(highMs * kHeadroom / kTickUnitMs)));
    kHigh = std::max(kHigh, kLow + 2); // a flat line still shows a scale
    // Every doubling labelled while they fit, else every second, third...
    const int step = std::max(1, int(std::ceil(double(kHigh - kLow) / (maxTicks - 1))));
    kLow = int(std::floor(double(kLow) / step)) * step; // the same ticks as the range moves
    kHigh = kLow + int(std::ceil(double(kHigh - kLow) / step)) * step;
    RtoScale scale;
    for (int k = kLow; k <= kHigh; k += step) {
        const double value = kTickUnitMs * std::exp2(k);
        scale.ticks.append({y(value), label(value)});
    }
    scale.yMin = scale.ticks.constFirst().y;
    scale.yMax = scale.ticks.constLast().y;
    return scale;
}

bool RtoScale::operator==(const RtoScale &other) const
{
    if (yMin != other.yMin || yMax != other.yMax || ticks.size() != other.ticks.size())
        return false;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        if (ticks[i].y != other.ticks[i].y || ticks[i].label != other.ticks[i].label)
            return false;
    }
    return true;
}

} // namespace halfopen::ui
