// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace halfopen::core {

// What can be done to the lab's world (or, `marker`, noted on a real network). Each one
// becomes a `fault` event, whose `what` is the name, when carried out.
enum class FaultKind : quint8 {
    Unplug, // the cable drops every frame, silently; hosts keep carrier
    Replug,
    PowerOff,          // unplug, then the host's processes and sockets vanish: no FIN/RST escapes
    PowerOn,           // a fresh host with the same addresses and MAC, plugged in
    Reboot,            // power-off, wait `value` seconds (default 1), power-on
    KillProcess,       // SIGKILL the endpoint: its kernel sends FIN (or RST with unread data)
    FreezeProcess,     // SIGSTOP: the kernel still answers keepalives
    ThawProcess,       // SIGCONT
    Close,             // the application closes (FIN)
    Abort,             // the application aborts (SO_LINGER 0: RST)
    ShutdownWrite,     // half-close
    Send,              // the application sends `value` bytes now (default 100)
    IcmpUnreachableOn, // the cable answers frames towards `host` with ICMP host unreachable
    IcmpUnreachableOff,
    Loss,       // drop `value` percent of frames (0 = off)
    Delay,      // add `value` ms one-way delay (and `jitter_ms`)
    NatTimeout, // forget a flow idle for `value` s, then drop (or reset) its frames
    Marker,     // "I pulled the cable now" (real-network mode): changes nothing
};

QLatin1StringView faultKindName(FaultKind kind); // "power-off", "icmp-unreachable-on", ...
std::optional<FaultKind> faultKindFromName(QStringView name);
// Every name, in the enum's order (for messages listing the allowed values).
QStringList faultKindNames();

} // namespace halfopen::core
