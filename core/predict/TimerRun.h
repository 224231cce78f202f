// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/ScheduledEvent.h"
#include "core/tcp/DetectionMechanism.h"

#include <QList>
#include <optional>

namespace halfopen::core {

// The outcome of playing one kernel timer sequence forward: when it gives up, which rule
// decided, and the steps on the way.
struct TimerRun
{
    // Long runs (a user timeout of days) are summarised: the GUI needs the start, not
    // thousands of identical retransmissions.
    static constexpr qsizetype kMaxEvents = 256;

    std::optional<qint64> endUs; // nullopt: never gives up
    qint64 slackUs = 0;          // how late all timers on the way may fire together
    DetectionMechanism decidedBy = DetectionMechanism::None;
    int attempts = 0;             // probes or retransmissions sent before giving up
    QList<ScheduledEvent> events; // ends with Detected when endUs is set

    // Appends unless the list is full; Detected is always appended.
    void add(ScheduledEvent::Kind kind, qint64 atUs, int number = 0);
};

} // namespace halfopen::core
