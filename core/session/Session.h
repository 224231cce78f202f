// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/WallClock.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace halfopen::core {

// The spine: every event of a run, ordered by time. Producers call add(); models, recorders and
// verdicts listen to eventAdded. Events from other processes may arrive slightly late; they are
// inserted at their place in time, and `index` says where.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    void add(const Event &event);
    void clear();

    const QList<Event> &events() const { return m_events; }
    // Room for this many events in all: a replay that knows its size spares the regrowing.
    void reserve(qsizetype events) { m_events.reserve(events); }
    qsizetype size() const { return m_events.size(); }

    // Time zero for relative display: the first event's time unless set.
    qint64 originUs() const;
    void setOriginUs(qint64 originUs) { m_originUs = originUs; }

    // The wall clock its events' times relate to: this machine's, read when the session was made
    // or cleared (live events are stamped on its CLOCK_MONOTONIC); a replay sets the recording's
    // (invalid for one made before format 3: its wall times are not known).
    const WallClock &wallClock() const { return m_wallClock; }
    void setWallClock(const WallClock &wallClock) { m_wallClock = wallClock; }

signals:
    // At once, for every event.
    void eventAdded(const halfopen::core::Event &event, qsizetype index);
    // Once per turn of the event loop in which events were added: what came in one read of a
    // pipe or one step of a replay is one batch, for consumers that update a view per batch
    // (the event log inserts its rows so) rather than per event.
    void batchAdded();
    void cleared();

private:
    void share(QString *name);

    QList<Event> m_events;
    // The names events repeat (addresses, packet classes, steps): one copy each.
    QSet<QString> m_names;
    bool m_batchOpen = false;
    qint64 m_originUs = -1;
    WallClock m_wallClock = WallClock::now();
};

} // namespace halfopen::core
