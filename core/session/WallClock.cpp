// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/WallClock.h"

#include "core/session/MonotonicClock.h"

namespace halfopen::core {

WallClock WallClock::now()
{
    // Monotonic read on both sides of the wall clock, the middle kept: the pair is within a few µs.
    const qint64 before = monotonicNowUs();
    const QDateTime utc = QDateTime::currentDateTimeUtc();
    const qint64 after = monotonicNowUs();
    return {utc, before + (after - before) / 2};
}

QDateTime WallClock::at(qint64 tUs) const
{
    if (!isValid())
        return {};
    // Rounded to the millisecond QDateTime keeps, the same way on both sides of the anchor.
    const qint64 deltaUs = tUs - monotonicUs;
    const qint64 deltaMs = deltaUs >= 0 ? (deltaUs + 500) / 1000 : -((-deltaUs + 500) / 1000);
    return utc.addMSecs(deltaMs);
}

QString WallClock::isoAt(qint64 tUs) const
{
    return isValid() ? iso(at(tUs)) : QString();
}

QString WallClock::iso(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace halfopen::core
