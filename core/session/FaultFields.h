// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/CableDirection.h"
#include "core/session/Event.h"
#include "core/session/FaultKind.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::core {

// A fault event's fields, typed: the fault as it was carried out, in the words of the command
// that asked for it (a lab::Fault's object is this detail). The supervisor and the real-network
// driver write them with toDetail; the lab's world, the timeline's spans and the event log read
// them with of(). The detail's names, and so the recordings', are spelled here only. What a
// detail does not say reads as the default: an older recording's, and halfopen-cli fault's
// (whose detail is the connection it hit), say none of it.
struct FaultFields
{
    std::optional<FaultKind> kind;                   // the event's `what` again; nullopt: absent or unknown
    Host host = Host::None;                          // the event's host again; None for cable-wide faults
    CableDirection direction = CableDirection::Both; // unplug/replug, relative to host; an unknown name: both
    double value = 0;                                // percent, ms, seconds or bytes, by kind; 0: none
    double jitterMs = 0;                             // delay only
    bool reset = false;                              // nat-timeout: answer forgotten flows with RST

    static FaultFields of(const Event &fault) { return fromDetail(fault.detail.toObject()); }
    static FaultFields fromDetail(const QJsonObject &detail);
    QJsonObject toDetail() const;
};

} // namespace halfopen::core
