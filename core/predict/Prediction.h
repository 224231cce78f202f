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

// When and how one mechanism notices one kind of death. Times are microseconds from
// `reference`; the range is what the kernel's rules allow once every timer may fire a wheel
// granule late (and, for a heartbeat, wherever the fault falls between two pings).
struct Prediction {
    DeathKind kind = DeathKind::IdlePeerPoweredOff;
    DetectionMechanism mechanism = DetectionMechanism::None;
    int errnoValue = 0;               // 0: the application sees no errno (never, FIN)
    std::optional<qint64> expectedUs; // nullopt: never noticed
    qint64 minUs = 0;
    qint64 maxUs = 0;
    TimeReference reference = TimeReference::Fault;
    QString explanation;              // translated, plain words
    QList<ScheduledEvent> events;     // probes, retransmissions, pings on the way

    bool isNever() const { return !expectedUs.has_value(); }
    std::optional<double> seconds() const;

    // {"mechanism", "errno", "seconds", "min_seconds", "max_seconds", "reference",
    //  "explanation", "events"}; seconds and the range are null for "never".
    QJsonObject toJson() const;
};

} // namespace halfopen::core
