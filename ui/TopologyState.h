// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::core {
struct Event;
}

namespace halfopen::ui {

// The lab's world as the fault events left it: which host is unplugged, powered off, frozen or
// without its process, and what the cable does. Derived from the session only, so a replayed
// recording draws the same picture as the live run.
struct TopologyState
{
    struct Host
    {
        // The cable at this host's end, as the supervisor reads an unplug's direction: frames
        // leaving the host are dropped (from host), frames towards it are (to host), or both.
        // Kept across power off and on, as the supervisor keeps it.
        bool unpluggedFromHost = false;
        bool unpluggedToHost = false;
        bool poweredOff = false;
        bool frozen = false;
        bool processKilled = false;
        bool icmpUnreachable = false; // the cable answers frames towards it with ICMP
        bool unplugged() const { return unpluggedFromHost || unpluggedToHost; }
        bool operator==(const Host &) const = default;
    };

    // The lab itself (or this machine's endpoint on a real network), from its `lab` events.
    enum class Lab { NotStarted, Running, Stopped, Failed };

    Host client;
    Host server;
    Lab lab = Lab::NotStarted;
    QString labError; // why it failed
    double lossPercent = 0;
    double delayMs = 0;

    // Applies a fault event or a lab's lifecycle event; any other event changes nothing. Returns true when it changed
    // something.
    bool apply(const core::Event &event);
    Host *host(const QString &name);
    const Host *host(const QString &name) const;
    // Whether the cable delivers frames from `from` to `to` ("client", "server"): not when
    // either end is unplugged that way or either host is powered off.
    bool delivers(const QString &from, const QString &to) const;
    // The lab could not start or broke down (also when no event said so: its process never ran).
    void labFailed(const QString &message);
    bool operator==(const TopologyState &) const = default;
};

} // namespace halfopen::ui
