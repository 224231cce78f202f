// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace halfopen::core {

// The wall clock (UTC) and CLOCK_MONOTONIC read at the same moment: what turns an event's
// monotonic `t_us` into the date and time a person reads on a ticket. A recording's first line
// carries one (format 3 on); a session holds the one its events were stamped under. Times are
// computed as utc + (t_us − monotonicUs): a clock set by NTP meanwhile, or a machine suspended
// during the run (CLOCK_MONOTONIC stops while suspended), shifts the later ones.
struct WallClock
{
    QDateTime utc;          // invalid: not known (a recording made before format 3)
    qint64 monotonicUs = 0; // CLOCK_MONOTONIC µs at `utc`

    bool isValid() const { return utc.isValid(); }
    // Both clocks, now.
    static WallClock now();
    // The wall time of a monotonic time; invalid when not known.
    QDateTime at(qint64 tUs) const;
    // "2026-12-05T01:22:13.123Z"; empty when not known.
    QString isoAt(qint64 tUs) const;
    static QString iso(const QDateTime &utc);

    bool operator==(const WallClock &) const = default;
};

} // namespace halfopen::core
