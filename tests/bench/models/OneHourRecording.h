// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QList>
#include <QString>

namespace bench {

// One hour of a lab run: from the lab's "ready", a pair that talks 15 times a second with a
// heartbeat every second, sampled ten times a second on each end; unplugged ten seconds before
// the end, retransmissions backing off until ETIMEDOUT. About 194 000 events.
QList<halfopen::core::Event> oneHourOfEvents();

// Records it as the application does (JsonlRecorder) into `path`; returns its length in seconds.
double writeOneHourRecording(const QString &path);

} // namespace bench
