// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace halfopen::core {
struct Event;
}

namespace halfopen::ui {

// Events as CSV for a spreadsheet: t_s (since originUs), host, kind, what, local, remote,
// errno, mechanism, details. RFC 4180 quoting.
class EventCsvExport
{
public:
    static QString toCsv(const QList<core::Event> &events, qint64 originUs);
    // Returns false with a message naming the file and why it could not be written.
    static bool write(const QString &path, const QList<core::Event> &events, qint64 originUs, QString *error);
};

} // namespace halfopen::ui
