// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventCsvExport.h"

#include "core/session/Event.h"
#include "core/session/WallClock.h"
#include "core/tcp/ErrnoCatalog.h"
#include "ui/views/EventWords.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace halfopen::ui {

namespace {

QString quoted(QString field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n')))
        return field;
    field.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

} // namespace

QString EventCsvExport::toCsv(const QList<core::Event> &events, qint64 originUs, const core::WallClock &wallClock)
{
    QString csv = QStringLiteral("t_s,wall_clock_utc,host,kind,what,local,remote,errno,mechanism,details\n");
    for (const core::Event &e : events) {
        const QStringList fields{
            QString::number((e.tUs - originUs) / 1e6, 'f', 6),
            wallClock.isoAt(e.tUs),
            QString(core::hostName(e.host)),
            core::eventKindName(e.kind),
            e.what,
            e.local,
            e.remote,
            e.errnoValue ? core::ErrnoCatalog::name(e.errnoValue) : QString(),
            e.mechanism == core::DetectionMechanism::None ? QString() : core::mechanismName(e.mechanism),
            eventLogFields(e),
        };
        QStringList row;
        for (const QString &f : fields)
            row.append(quoted(f));
        csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

bool EventCsvExport::write(const QString &path, const QList<core::Event> &events, qint64 originUs,
                           const core::WallClock &wallClock, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)
        || file.write(toCsv(events, originUs, wallClock).toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("EventCsvExport", "Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace halfopen::ui
