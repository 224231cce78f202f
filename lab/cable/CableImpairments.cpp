// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/CableImpairments.h"

#include <algorithm>
#include <cmath>

namespace halfopen::lab {

CableImpairments::CableImpairments(quint32 seed)
{
    // Independent streams: changing the loss in one direction must not change the other's draws.
    m_lanes[0].random.seed(seed);
    m_lanes[1].random.seed(seed ^ 0x9e3779b9u);
}

void CableImpairments::setCut(Direction direction, bool cut)
{
    at(direction).cut = cut;
}

void CableImpairments::setLossPercent(Direction direction, double percent)
{
    at(direction).lossPercent = std::clamp(percent, 0.0, 100.0);
}

void CableImpairments::setDelay(Direction direction, double delayMs, double jitterMs)
{
    Lane &lane = at(direction);
    lane.delayUs = std::llround(std::max(0.0, delayMs) * 1000);
    lane.jitterUs = std::llround(std::max(0.0, jitterMs) * 1000);
}

std::optional<qint64> CableImpairments::admit(Direction direction, qint64 arrivalUs)
{
    Lane &lane = at(direction);
    if (lane.cut) {
        ++lane.counters.droppedByCut;
        return std::nullopt;
    }
    if (lane.lossPercent > 0 && uniform(lane.random) * 100 < lane.lossPercent) {
        ++lane.counters.droppedByLoss;
        return std::nullopt;
    }
    qint64 delayUs = lane.delayUs;
    if (lane.jitterUs > 0)
        delayUs += std::llround((uniform(lane.random) * 2 - 1) * double(lane.jitterUs));
    const qint64 releaseUs = std::max(arrivalUs + std::max<qint64>(delayUs, 0), lane.lastReleaseUs);
    lane.lastReleaseUs = releaseUs;
    ++lane.counters.passed;
    return releaseUs;
}

double CableImpairments::uniform(std::mt19937 &random)
{
    return double(random()) / 4294967296.0;
}

} // namespace halfopen::lab
