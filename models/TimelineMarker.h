#pragma once

#include "core/tcp/DetectionMechanism.h"

#include <QString>

namespace halfopen::models {

// A vertical line on the timeline: something done to the world (a fault) or the error the
// application saw. Labels are the engine's stable names; the view translates them.
struct TimelineMarker {
    enum class Kind : quint8 { Fault, Error };
    Kind kind = Kind::Fault;
    double x = 0;     // seconds since the session's origin
    QString host;     // empty for a fault on the cable itself (loss, delay)
    QString label;    // fault name ("power-off") or errno name ("ETIMEDOUT", "EOF")
    int errnoValue = 0;
    core::DetectionMechanism mechanism = core::DetectionMechanism::None;
    bool fatal = true; // an error the connection did not survive
};

} // namespace halfopen::models
