// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimeReference.h"
#include "core/session/Event.h"
#include "core/session/SocketOperation.h"
#include "core/tcp/DetectionMechanism.h"

#include <QJsonObject>
#include <QString>
#include <array>
#include <optional>
#include <utility>

namespace halfopen::core {

// A verdict event's figures, typed: when the host learned its connection died, counted from
// which moment, beside the prediction. lab::Detection writes them (toJson is also the run
// summary's detection object, which fromJson reads back); the window's verdict, the timeline's
// spans and the event details read them with of(), one decoding of the detail. The names, and so the recordings', are
// spelled here only. Times are seconds since the run's `ready`, durations seconds.
struct VerdictFields
{
    bool fatal = true;                                 // false: a soft ICMP error, the connection lives on
    SocketOperation operation = SocketOperation::None; // recv, send, connect, heartbeat
    QString fault;                                     // the fault before it ("unplug", "marker", ...); empty: none
    Host faultHost = Host::None;
    std::optional<double> faultTS;
    std::optional<double> detectedTS;
    std::optional<TimeReference> reference; // what elapsedS counts from (nullopt: a name this version does not know)
    std::optional<double> elapsedS;
    // From each reference (indexed by TimeReference); nullopt where that moment is unknown.
    std::array<std::optional<double>, 3> elapsedFrom;
    std::optional<double> predictedS;
    std::optional<std::pair<double, double>> predictedRangeS;
    std::optional<TimeReference> predictedReference;
    std::optional<DetectionMechanism> predictedMechanism;

    static VerdictFields of(const Event &verdict) { return fromJson(verdict.detail.toObject()); }
    static VerdictFields fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // Another verdict's detail with this one's span written into it: fault_t_s, detected_t_s and
    // elapsed_s, those known, and nothing else (halfopen-cli fault's reaction, whose other
    // figures are hostfault::ReactionVerdict's own).
    QJsonObject addSpanTo(QJsonObject detail) const;

    std::optional<double> elapsedFromReference(TimeReference which) const { return elapsedFrom[size_t(which)]; }
    // Counted from the user's "I pulled the cable now" on a real network: their stopwatch.
    bool fromMarker(TimeReference which) const
    {
        return which == TimeReference::Fault && fault == faultKindName(FaultKind::Marker);
    }
};

} // namespace halfopen::core
