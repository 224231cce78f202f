// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/MonotonicClock.h"

#include <ctime>

namespace halfopen::core {

qint64 monotonicNowUs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

} // namespace halfopen::core
