// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace halfopen::models {

// How the models write a span of time: "850 ms", "1.2 s", "2 min 05 s". One place, so the
// table's timer column and the timeline's detection label read alike.
QString durationText(qint64 ms);

// Seconds with two decimals for measured detection times ("5.09 s").
QString secondsText(double seconds);

// Seconds as a person reads them: "4.6 s" under a minute; beyond, the rounded minutes (or
// hours) first and the exact seconds beside them: "about 15 min (928.9 s)".
QString humanSeconds(double seconds);

} // namespace halfopen::models
