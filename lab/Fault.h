// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointCommand.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::lab {

// What can be done to the lab's world. Each one becomes a `fault` event when carried out.
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

QString faultKindName(FaultKind kind); // "power-off", "icmp-unreachable-on", ...
std::optional<FaultKind> faultKindFromName(QStringView name);

enum class CableDirection : quint8 { Both, ToHost, FromHost };
QString cableDirectionName(CableDirection direction); // "both", "to-host", "from-host"
std::optional<CableDirection> cableDirectionFromName(QStringView name);

struct Fault
{
    FaultKind kind = FaultKind::Marker;
    QString host;                                    // "client" or "server"; empty for cable-wide faults
    CableDirection direction = CableDirection::Both; // unplug/replug/loss: relative to `host`
    double value = 0;                                // percent, ms, seconds or bytes, by kind
    double jitterMs = 0;                             // delay only
    bool reset = false;                              // nat-timeout: answer forgotten flows with RST instead of dropping

    QJsonObject toJson() const;
    // Returns nullopt with a message naming the field and the allowed values.
    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
};

// What a fault asks of the application itself (close, abort, shutdown-write, send): the command
// its endpoint is given, in the lab and on a real network alike; nullopt for any other fault.
std::optional<core::EndpointCommand> applicationCommand(const Fault &fault);

} // namespace halfopen::lab
