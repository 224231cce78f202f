// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QString>

namespace halfopen::ui {

// A few plain lines about one event for the timeline's hover callout: what it was, when (seconds
// since the origin), which socket, and the fields that matter for its kind.
QString eventDetailsText(const core::Event &event, qint64 originUs);

// The mechanism in plain words ("keepalive", "retransmission timeout").
QString mechanismWords(core::DetectionMechanism mechanism);

} // namespace halfopen::ui
