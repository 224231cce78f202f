// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/RunStepFields.h"

#include <QString>

namespace halfopen::models {

// A run's own steps in the window's words, one sentence for the status bar and the event
// log alike. capture_trimmed (Supervisor.h): "Capture: older frames dropped to stay within
// 256 MB — 1200 frames (3.1 MB) left out".
QString captureTrimmedText(const core::RunStepFields &trimmed);

} // namespace halfopen::models
