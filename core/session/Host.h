// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringList>
#include <optional>

namespace halfopen::core {

// Whom an event is about. The lab has two hosts; a real-network run is one of them on this
// machine; `watch`, `audit` and `fault` look at this machine's own connections (local); a run's
// own steps are the lab's (Event::labEvent); a socket on a real network that is not the run's
// endpoint is another program's (other); what the far end of a watched connection sent is the
// peer's. A cable-wide fault names no host.
enum class Host : quint8 {
    None,   // no host: a cable-wide fault (written without a "host" field)
    Client, // the lab's client, or this machine in a real-network run as client
    Server, // the lab's server, or this machine in a real-network run as server
    Local,  // this machine, outside any run (watch, fault)
    Lab,    // the run itself: hosts_up, ready, failed, stopped
    Other,  // another program's socket seen during a real-network run
    Peer,   // the far end of a connection `watch` captures (the packets it sent)
};

QLatin1StringView hostName(Host host); // "client", "server", ...; empty for None
// The empty name is None; nullopt for a name this version does not know.
std::optional<Host> hostFromName(QStringView name);
// The names a recording may hold, in the enum's order, for messages listing them.
QStringList hostNames();

// One of the lab's two hosts (what a fault, an options command or an expectation may name).
constexpr bool isLabSide(Host host)
{
    return host == Host::Client || host == Host::Server;
}
// The lab's other host: client <-> server; nullopt for any other.
constexpr std::optional<Host> peerOf(Host host)
{
    if (host == Host::Client)
        return Host::Server;
    if (host == Host::Server)
        return Host::Client;
    return std::nullopt;
}

} // namespace halfopen::core
