// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace halfopen::core {

// The ways a peer dies that the predictor (and the lab's scenarios) distinguish.
enum class DeathKind : quint8 {
    IdlePeerPoweredOff,        // nothing in flight when the peer vanished without a word
    PeerUnpluggedDataInFlight, // the cable is cut while we wait for an ACK
    ConnectToPoweredOffHost,   // connect() to a host that is off (static ARP entry)
    PeerProcessKilled,         // kill -9: the peer's kernel closes the socket for it
    PeerRebooted,              // the peer came back without the connection; then we send
    PeerProcessFrozen,         // SIGSTOP: the peer's kernel still answers for it
    PeerRebootedIdle,          // the peer came back without the connection; we stay idle until
                               // a keepalive probe (or the application) sends and draws the RST
};

// How many kinds there are: arrays indexed by kind are this long.
inline constexpr int kDeathKindCount = int(DeathKind::PeerRebootedIdle) + 1;

QList<DeathKind> allDeathKinds();

// Stable snake_case names for JSON and the CLI ("idle_peer_powered_off").
QString deathKindName(DeathKind kind);
std::optional<DeathKind> deathKindFromName(QStringView name);

// Short translated title for tables ("idle peer powered off").
QString deathKindTitle(DeathKind kind);

} // namespace halfopen::core
