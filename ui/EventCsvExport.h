// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace halfopen::core {
struct Event;
struct WallClock;
} // namespace halfopen::core

namespace halfopen::ui {

// Events as CSV for a spreadsheet: t_s (since originUs), wall_clock_utc (ISO 8601 from the
// session's wall clock; empty when it is not known: a recording made before format 3), host,
// kind, what, local, remote, errno, mechanism, details. RFC 4180 quoting.
class EventCsvExport
{
public:
    static QString toCsv(const QList<core::Event> &events, qint64 originUs, const core::WallClock &wallClock);
    // Returns false with a message naming the file and why it could not be written.
    static bool write(const QString &path, const QList<core::Event> &events, qint64 originUs,
                      const core::WallClock &wallClock, QString *error);
};

} // namespace halfopen::ui
