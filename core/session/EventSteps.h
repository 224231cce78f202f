// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <optional>

namespace halfopen::core {

// The steps an endpoint reports about its own socket (`endpoint` events of a host); the names
// are their `what`.
enum class EndpointStep : quint8 {
    Listening,
    ListenFailed,
    Connecting,
    Connected,
    Accepted,
    Options, // socket options set and read back (detail: requested, applied)
    Sent,
    ShutdownWrite,
    Closed, // the application closed its socket; the kernel may keep it a while
};

// The steps of a run itself (`endpoint` events of Event::labHost()): what the lab's supervisor
// or a real-network driver did.
enum class RunStep : quint8 {
    Run,     // a recording's first event: the scenario and lab it ran
    HostsUp, // the lab's hosts exist (detail: their settings)
    Ready,   // the test connection is up: the run's time zero
    Failed,  // the run could not go on (detail: message)
    Stopped,
    CommandError,       // a command was refused (detail: message)
    FaultFailed,        // a fault could not be carried out (detail: message)
    CaptureFailed,      // the capture file could not be written
    CaptureTrimmed,     // the capture's ring dropped its oldest frames
    CaptureUnavailable, // a real network's capture could not start (detail: reason)
    EndpointExited,     // a real network's endpoint process ended
};

QLatin1StringView endpointStepName(EndpointStep step);
std::optional<EndpointStep> endpointStepFromName(QStringView name);
QLatin1StringView runStepName(RunStep step);
std::optional<RunStep> runStepFromName(QStringView name);

} // namespace halfopen::core
