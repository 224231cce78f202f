// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointCommand.h"
#include "core/session/CableDirection.h"
#include "core/session/FaultFields.h"
#include "core/session/FaultKind.h"
#include "core/session/Host.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::lab {

// The vocabulary of faults is core's (fault events carry it); here, how one is asked for.
using core::CableDirection;
using core::cableDirectionFromName;
using core::cableDirectionName;
using core::FaultKind;
using core::faultKindFromName;
using core::faultKindName;
using core::Host;

struct Fault
{
    FaultKind kind = FaultKind::Marker;
    Host host = Host::None;                          // client or server; None for cable-wide faults
    CableDirection direction = CableDirection::Both; // unplug/replug/loss: relative to `host`
    double value = 0;                                // percent, ms, seconds or bytes, by kind
    double jitterMs = 0;                             // delay only
    bool reset = false;                              // nat-timeout: answer forgotten flows with RST instead of dropping

    // As a fault event's detail says it: the fault carried out is the fault asked for.
    core::FaultFields fields() const;
    // The command's (and a scenario step's) object, which is that detail.
    QJsonObject toJson() const { return fields().toDetail(); }
    // Returns nullopt with a message naming the field and the allowed values.
    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
};

// What a fault asks of the application itself (close, abort, shutdown-write, send): the command
// its endpoint is given, in the lab and on a real network alike; nullopt for any other fault.
std::optional<core::EndpointCommand> applicationCommand(const Fault &fault);

} // namespace halfopen::lab
