// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Host.h"
#include "core/tcp/DetectionMechanism.h"

#include <QString>

namespace halfopen::models {

// A vertical line on the timeline: something done to the world (a fault), socket options
// changed on open connections, or the error the application saw. Labels of faults and errors
// are the engine's stable names, which the view translates; an options marker's label is the
// options in words.
struct TimelineMarker
{
    enum class Kind : quint8 { Fault, Error, Options };
    Kind kind = Kind::Fault;
    double x = 0;                       // seconds since the session's origin
    core::Host host = core::Host::None; // None for a fault on the cable itself (loss, delay)
    QString label;                      // fault name ("power-off") or errno name ("ETIMEDOUT", "EOF")
    int errnoValue = 0;
    core::DetectionMechanism mechanism = core::DetectionMechanism::None;
    bool fatal = true; // an error the connection did not survive
};

} // namespace halfopen::models
