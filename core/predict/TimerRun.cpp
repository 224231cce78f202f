// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/TimerRun.h"

namespace halfopen::core {

void TimerRun::add(ScheduledEvent::Kind kind, qint64 atUs, int number)
{
    if (kind != ScheduledEvent::Kind::Detected && events.size() >= kMaxEvents - 1)
        return;
    events.append({kind, atUs, number});
}

} // namespace halfopen::core
