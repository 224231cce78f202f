// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/Fault.h"
#include "lab/LabConfig.h"

#include <QObject>

namespace halfopen::lab {

// What a scenario runner (or the GUI) needs from a lab: start it with a configuration, do
// faults to it, and hear its events. The real one is LabProcess (the supervisor in its own
// namespaces); anything that emits the same events can stand in for it.
class LabDriver : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Builds the hosts and the cable and starts the endpoints. Emits ready() when the server
    // listens and the client (if any) has started connecting — time zero of a scenario — or
    // failed() with a message for the user.
    virtual void start(const LabConfig &config) = 0;
    // Carries a fault out; the lab emits the `fault` event with the time it took effect.
    virtual void apply(const Fault &fault) = 0;
    // Sets socket options on the host's open test connections at once (setsockopt); the host
    // reports what the kernel has now in an `options` event.
    virtual void setSocketOptions(core::Host host, const core::SocketOptions &options) = 0;
    // Tears everything down; emits stopped() when nothing is left.
    virtual void stop() = 0;
    // The capture of the cable keeps the last this many MB (CaptureLimit), from the next start
    // on. A driver that captures nothing ignores it.
    virtual void setCaptureLimitMb(int megabytes) { Q_UNUSED(megabytes); }

signals:
    void event(const halfopen::core::Event &event);
    void ready();
    void failed(const QString &message);
    void stopped();
};

} // namespace halfopen::lab
