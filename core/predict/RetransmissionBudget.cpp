// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/RetransmissionBudget.h"

#include <bit>

namespace halfopen::core {

int RetransmissionBudget::linearBackoffThreshold(qint64 baseUs, qint64 rtoMaxUs)
{
    if (baseUs <= 0 || rtoMaxUs < baseUs)
        return 0;
    // ilog2 of an integer quotient, as the kernel computes it on jiffies.
    return std::bit_width(quint64(rtoMaxUs / baseUs)) - 1;
}

qint64 RetransmissionBudget::timeoutUs(int boundary, qint64 baseUs, qint64 rtoMaxUs)
{
    const int thresh = linearBackoffThreshold(baseUs, rtoMaxUs);
    if (boundary <= thresh)
        return ((qint64(2) << boundary) - 1) * baseUs;
    return ((qint64(2) << thresh) - 1) * baseUs + qint64(boundary - thresh) * rtoMaxUs;
}

} // namespace halfopen::core
