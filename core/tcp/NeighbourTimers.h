// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace halfopen::core {

// The neighbour-table (ARP/ND) timers of one interface, /proc/sys/net/ipv4/neigh/DEV/, with the
// kernel's defaults. They decide when a dead on-link peer turns into a local EHOSTUNREACH
// (net/core/neighbour.c: neigh_timer_handler, __neigh_event_send, neigh_invalidate).
struct NeighbourTimers
{
    int baseReachableTimeMs = 30000; // REACHABLE lasts a random [0.5, 1.5) × this after a confirmation
    int delayFirstProbeMs = 5000;    // a STALE entry used again waits this long (DELAY) before probing
    int ucastSolicit = 3;            // unicast probes of an entry in PROBE
    int mcastSolicit = 3;            // broadcast probes of an INCOMPLETE entry
    int retransTimeMs = 1000;        // between two probes
    bool operator==(const NeighbourTimers &) const = default;
};

} // namespace halfopen::core
