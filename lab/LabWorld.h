// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"
#include "lab/FaultRefusal.h"

#include <QString>

namespace halfopen::core {
struct Event;
}

namespace halfopen::lab {

// The lab's world as its faults left it: which host is unplugged (and which way), powered off,
// frozen or without its application, and what the cable does. One set of rules for everyone
// who needs it: the supervisor (what the cable relay cuts, which faults it refuses), the
// scenario evaluator (whether a frame came out at the other end) and the window (the topology
// strip and the fault bar). The window and the evaluator feed it the session's events, so a
// replayed recording gives the same world as the live run; the supervisor feeds it the faults
// it carries out.
struct LabWorld
{
    struct HostState
    {
        // The cable at this host's end, relative to the host as an unplug's direction reads:
        // frames leaving the host are dropped (from host), frames towards it are (to host), or
        // both. Kept across power off and on: the cable is not the host.
        bool unpluggedFromHost = false;
        bool unpluggedToHost = false;
        bool poweredOff = false;
        bool frozen = false;
        bool processKilled = false;
        bool icmpUnreachable = false; // the cable answers frames towards it with ICMP
        bool unplugged() const { return unpluggedFromHost || unpluggedToHost; }
        bool operator==(const HostState &) const = default;
    };

    // The lab itself (or this machine's endpoint on a real network), from its `lab` events.
    enum class Lab { NotStarted, Running, Stopped, Failed };

    HostState client;
    HostState server;
    Lab lab = Lab::NotStarted;
    QString labError; // why it failed
    double lossPercent = 0;
    double delayMs = 0;

    // Applies a `fault` event or a lab lifecycle event; any other event changes nothing.
    // Returns true when it changed something.
    bool apply(const core::Event &event);
    // Applies a fault carried out on the lab. Returns true when it changed something.
    bool apply(const Fault &fault);

    HostState *host(Host name); // client or server; null for any other
    const HostState *host(Host name) const;

    // The cable is unplugged for frames from `from` to `to`: at the sender's end for frames
    // leaving it, or at the receiver's end for frames towards it.
    bool cableCut(Host from, Host to) const;
    // A frame from `from` reaches `to`: both hosts on, the cable not cut that way, and no ICMP
    // answered in its place. (A random loss or a NAT's drop is not knowable from here.)
    bool delivers(Host from, Host to) const;

    // What fault refusal needs to know of `name`; a host not in the lab counts as on and running.
    FaultTargetState targetState(Host name) const;

    // The lab could not start or broke down (also when no event said so: its process never ran).
    void labFailed(const QString &message);
    bool operator==(const LabWorld &) const = default;
};

} // namespace halfopen::lab
