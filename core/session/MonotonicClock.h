// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace halfopen::core {

// CLOCK_MONOTONIC in microseconds: the one time axis every process of a session shares, so
// events from the lab supervisor, endpoints and observers merge by timestamp.
qint64 monotonicNowUs();

} // namespace halfopen::core
