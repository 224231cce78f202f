// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimerRun.h"
#include "core/tcp/SocketOptions.h"

#include <QCoreApplication>
#include <QString>

namespace halfopen::core {

struct PredictionPath;
struct NeighbourTimers;

// The plain-words explanation of each prediction, translated (context "PredictionText").
// Kept apart from the arithmetic so translators and the predictor do not meet.
class PredictionText
{
    Q_DECLARE_TR_FUNCTIONS(PredictionText)

public:
    // "2 s", "204 ms", "924.6 s".
    static QString duration(qint64 us);

    static QString keepalive(const KeepaliveSettings &keepalive, int userTimeoutMs, const TimerRun &run);
    static QString keepaliveWaitsForHeartbeat();
    static QString keepaliveWaitsForAck();
    static QString keepaliveAnsweredByFrozenPeer();

    struct Retransmissions
    {
        qint64 tailLossProbeUs = 0;
        qint64 firstRetransmissionUs = 0;
        qint64 firstRtoUs = 0;
        qint64 rtoMaxUs = 0;
        int retries2 = 0;
        qint64 budgetUs = 0;
        int userTimeoutMs = 0;
    };
    static QString retransmissions(const Retransmissions &r, const TimerRun &run);
    static QString heartbeatPingUnanswered(qint64 intervalUs);

    struct SynRetransmissions
    {
        int synRetries = 0;
        int linearTimeouts = 0;
        qint64 budgetUs = 0;
        int maxRetransmissions = 0;
        int userTimeoutMs = 0;
    };
    static QString synRetransmissions(const SynRetransmissions &s, const TimerRun &run);

    static QString heartbeat(qint64 intervalUs, int misses, qint64 minUs, qint64 maxUs);
    static QString idleNever();
    static QString frozenNever();
    static QString fin();
    static QString rst();

    // Dynamic ARP (NeighbourRun).
    static QString neighbourCondition(qint64 fromUs, qint64 toUs, qint64 rangeFromUs, qint64 rangeToUs);
    static QString neighbourPaths(const QList<PredictionPath> &paths, const NeighbourTimers &timers, bool recvErr);
    static QString neighbourConnect(int mcastSolicit, qint64 retransUs, qint64 failUs);
    static QString keepaliveWithDynamicNeighbour();

    // The rebooted peer found by a send.
    static QString rstAnsweringRetransmission(int number, qint64 sentUs);
    static QString rstAnsweringProbe(qint64 idleUs);
    static QString rstAnsweringApplicationPing(qint64 pingUs);
    static QString rebootedIdleNever();
};

} // namespace halfopen::core
