// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::core {

// What the test application sends on its own. "periodic" is the seed experiment: a few bytes
// every T ms, so there is data in flight when the cable is pulled.
struct TrafficPattern
{
    enum class Kind { Idle, Periodic, Stream };

    static constexpr int kMaxBytes = 1 << 20;
    static constexpr int kMaxIntervalMs = 86400000;

    Kind kind = Kind::Idle;
    int intervalMs = 1000; // periodic only
    int bytes = 100;       // periodic only: payload bytes per send

    // "idle", "stream", "periodic:INTERVAL_MS:BYTES". Returns false with a message naming the
    // part that is wrong and its allowed range.
    static bool parse(const QString &text, TrafficPattern *out, QString *error);
    QString toString() const;
    bool operator==(const TrafficPattern &) const = default;
};

} // namespace halfopen::core
