#pragma once

#include "core/session/Event.h"

#include <QList>
#include <QString>

namespace halfopen::core {

class Session;

// Reads a recorded session back. A damaged line (e.g. the last one of a crashed run) is
// reported with its number and skipped; everything else is kept.
struct JsonlReadResult {
    QList<Event> events;
    QStringList problems; // "line 12: ..."
    bool opened = false;
    QString openError;
};

JsonlReadResult readJsonl(const QString &path);

// Replays a recording into a session: downstream models cannot tell it from a live run.
JsonlReadResult replayJsonl(const QString &path, Session *session);

} // namespace halfopen::core
