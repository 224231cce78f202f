// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace bench {

struct ReplayResult
{
    qint64 events = 0;
    qint64 fileBytes = 0;
    double sessionSeconds = 0;
    double readMs = 0;             // readJsonl: the file parsed into events
    double replayMs = 0;           // every event into a Session with a TimelineModel attached
    double replayWithTableMs = 0;  // the same with the SocketTableModel attached too
    double buildFromSessionMs = 0; // a TimelineModel made on the already filled session
    int series = 0;
    qint64 points = 0;
};

// Generates a one-hour recording (heartbeats, periodic data and its ACKs, tcp_info samples of
// both ends, then an unplug with retransmissions backing off until ETIMEDOUT) into `path`,
// then replays it and measures until every series is ready for the chart.
ReplayResult runTimelineReplayBench(const QString &path);

} // namespace bench
