// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DurationText.h"

#include <QCoreApplication>

#include <cmath>

namespace halfopen::models {

QString durationText(qint64 ms)
{
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    const qint64 a = qAbs(ms);
    if (a < 1000)
        return sign + QCoreApplication::translate("DurationText", "%1 ms").arg(a);
    if (a < 60'000) // one decimal: the timers a user watches tick in tenths at best
        return sign + QCoreApplication::translate("DurationText", "%1 s").arg(a / 1000.0, 0, 'f', 1);
    return sign
        + QCoreApplication::translate("DurationText", "%1 min %2 s")
              .arg(a / 60'000)
              .arg((a % 60'000) / 1000, 2, 10, QLatin1Char('0'));
}

QString secondsText(double seconds)
{
    return QCoreApplication::translate("DurationText", "%1 s").arg(seconds, 0, 'f', 2);
}

QString humanSeconds(double seconds)
{
    const double a = std::abs(seconds);
    const QString exact = QCoreApplication::translate("DurationText", "%1 s").arg(seconds, 0, 'f', 1);
    if (a < 60)
        return exact;
    if (a < 5400)
        return QCoreApplication::translate("DurationText", "about %1 min (%2)").arg(qRound(seconds / 60)).arg(exact);
    return QCoreApplication::translate("DurationText", "about %1 h (%2)").arg(seconds / 3600, 0, 'f', 1).arg(exact);
}

} // namespace halfopen::models
