// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/FaultFields.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace halfopen::core {

// A run step's fields, typed (the `endpoint` events of Event::labHost(), RunStep): what went
// wrong in words, what a real network's `ready` is about, what the capture left out, how a real
// network's endpoint ended. Each step carries only its own. The lab's supervisor and main and
// the real-network driver write them with toDetail; the lab's world, the window and the
// controller read them with of(). The detail's names, and so the recordings', are spelled here
// only. (`run` and `hosts_up` carry the scenario and the lab's configuration in their own
// codecs: RecordedRun, LabConfig.)
struct RunStepFields
{
    QString message;                  // failed, command_error, fault_failed, capture_failed, capture_trimmed
    QString reason;                   // capture_unavailable: why a real network's capture could not start
    std::optional<FaultFields> fault; // fault_failed: the fault refused, as it was asked for

    // ready, on a real network (the lab's own `ready` carries nothing): all of it together.
    struct RealNetwork
    {
        QJsonObject network;        // the RealNetworkConfig the run used (realnet reads it)
        QString endpoint;           // this machine's endpoint address
        qint64 pid = 0;             // the endpoint's process
        QMap<QString, int> sysctls; // this host's kernel settings the prediction used
    };
    std::optional<RealNetwork> realNetwork;

    // capture_trimmed: the capture's ring dropped its oldest frames to stay within its limit.
    struct CaptureTrim
    {
        qint64 droppedFrames = 0;
        qint64 droppedBytes = 0;
        int limitMb = 0;
    };
    std::optional<CaptureTrim> captureTrim;

    // endpoint_exited: a real network's endpoint process ended.
    struct EndpointExit
    {
        int exitCode = 0;
        bool crashed = false;
    };
    std::optional<EndpointExit> endpointExit;

    // What most steps carry: a sentence.
    static RunStepFields withMessage(const QString &message)
    {
        RunStepFields f;
        f.message = message;
        return f;
    }

    static RunStepFields of(const Event &step) { return fromDetail(step.detail.toObject()); }
    static RunStepFields fromDetail(const QJsonObject &detail);
    QJsonObject toDetail() const;
};

} // namespace halfopen::core
