// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::models {

// The socket table's columns, in display order. Names follow `ss` and the CLI's JSON so the
// table, `halfopen-cli sockets` and `ss -tani` read alike.
enum class SocketColumn : int {
    Host,
    Local,
    Remote,
    State,
    SendQ,
    RecvQ,
    Timer,
    Retransmits,
    Probes,
    Backoff,
    Rto,
    Rtt,
    LastReceived,
    Keepalive, // the socket's keepalive as getsockopt read it back (the `options` events)
    // The rest of what ss -i shows, as of the last sample:
    LastSent,         // tcpi_last_data_sent (ss lastsnd)
    LastDataReceived, // tcpi_last_data_recv (ss lastrcv)
    Unacked,          // tcpi_unacked: segments in flight
    TotalRetrans,     // tcpi_total_retrans: retransmitted segments over the connection's life
    Cwnd,             // tcpi_snd_cwnd
};
inline constexpr int kSocketColumnCount = int(SocketColumn::Cwnd) + 1;

// Translated header text and its tooltip: what the number means, in plain words.
QString socketColumnTitle(SocketColumn column);
QString socketColumnToolTip(SocketColumn column);

} // namespace halfopen::models
