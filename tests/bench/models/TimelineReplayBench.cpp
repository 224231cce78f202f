// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineReplayBench.h"

#include "OneHourRecording.h"

#include "core/session/JsonlReader.h"
#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace bench {

using namespace halfopen;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

ReplayResult runTimelineReplayBench(const QString &path)
{
    ReplayResult result;
    result.sessionSeconds = writeOneHourRecording(path);
    result.fileBytes = QFileInfo(path).size();

    QElapsedTimer timer;
    timer.start();
    const core::JsonlReadResult read = core::readJsonl(path);
    result.readMs = msSince(timer);
    result.events = read.events.size();

    {
        core::Session session;
        models::TimelineModel timeline(&session);
        timer.restart();
        for (const core::Event &e : read.events)
            session.add(e);
        timeline.flush();
        result.replayMs = msSince(timer);
        result.series = timeline.seriesCount();
        for (int i = 0; i < timeline.seriesCount(); ++i)
            result.points += timeline.series(i).points().size();

        timer.restart();
        models::TimelineModel built(&session);
        built.flush();
        result.buildFromSessionMs = msSince(timer);
    }
    {
        core::Session session;
        models::TimelineModel timeline(&session);
        models::SocketTableModel table(&session);
        timer.restart();
        for (const core::Event &e : read.events)
            session.add(e);
        timeline.flush();
        table.flush();
        result.replayWithTableMs = msSince(timer);
    }
    return result;
}

} // namespace bench
