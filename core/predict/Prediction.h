// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/DeathKind.h"
#include "core/predict/ScheduledEvent.h"
#include "core/predict/TimeReference.h"
#include "core/tcp/DetectionMechanism.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace halfopen::core {

// One of several outcomes chosen by chance: with dynamic ARP, which retransmission first finds
// the neighbour entry stale depends on its random reachable time (uniform in
// [0.5, 1.5) × base_reachable_time after the last confirmation, neigh_rand_reach_time()).
struct PredictionPath
{
    QString condition;          // translated: "if the entry's reachable time ends before 26.1 s"
    qint64 reachableFromUs = 0; // the reachable times (from the reference) that lead here
    qint64 reachableToUs = 0;
    double likelihood = 0; // the share of the reachable-time range that leads here
    DetectionMechanism mechanism = DetectionMechanism::None;
    int errnoValue = 0;
    qint64 expectedUs = 0;
    qint64 minUs = 0;
    qint64 maxUs = 0;
    std::optional<qint64> neighbourErrorUs; // the first local EHOSTUNREACH (IP_RECVERR reports it then)
    QList<ScheduledEvent> events;

    QJsonObject toJson() const;
};

// When and how one mechanism notices one kind of death. Times are microseconds from
// `reference`; the range is what the kernel's rules allow once every timer may fire a wheel
// granule late (and, for a heartbeat, wherever the fault falls between two pings).
struct Prediction
{
    DeathKind kind = DeathKind::IdlePeerPoweredOff;
    DetectionMechanism mechanism = DetectionMechanism::None;
    int errnoValue = 0;               // 0: the application sees no errno (never, FIN)
    std::optional<qint64> expectedUs; // nullopt: never noticed
    qint64 minUs = 0;
    qint64 maxUs = 0;
    TimeReference reference = TimeReference::Fault;
    QString explanation;          // translated, plain words
    QList<ScheduledEvent> events; // probes, retransmissions, pings on the way
    // Dynamic ARP: every outcome the random reachable time can lead to; the figures above are
    // the one taken (the likeliest, or the one a detection showed it took). Empty otherwise.
    QList<PredictionPath> paths;
    // IP_RECVERR and a neighbour failure on the way: the non-fatal EHOSTUNREACH comes first.
    std::optional<qint64> softErrorUs;

    bool isNever() const { return !expectedUs.has_value(); }
    std::optional<double> seconds() const;

    // {"mechanism", "errno", "seconds", "min_seconds", "max_seconds", "reference",
    //  "explanation", "events"}; seconds and the range are null for "never". With paths:
    //  "paths": [{"condition", "likelihood", "mechanism", "errno", "seconds", ...}], and
    //  "soft_error_seconds" when IP_RECVERR reports a neighbour failure first.
    QJsonObject toJson() const;
};

} // namespace halfopen::core
