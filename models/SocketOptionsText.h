// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketOptions.h"

#include <QJsonObject>
#include <QString>

namespace halfopen::models {

// How the window writes a socket's options, the same in the socket table, the event log and
// the timeline: "2 s idle, 3 × 1 s" for keepalive, a line per option for a tooltip.
QString keepaliveText(const core::KeepaliveSettings &keepalive);
// One line: "keepalive 2 s idle, 3 × 1 s · user timeout off · linger 0 off · IP_RECVERR off".
QString socketOptionsLine(const core::SocketOptions &options);
// Keepalive, then only the options that are on: "keepalive off, user timeout 10.0 s".
QString socketOptionsShort(const core::SocketOptions &options);
// One line per option, with the kernel's names, for a tooltip.
QString socketOptionsDetails(const core::SocketOptions &options);

// An `options` event that reports a change on an open connection (not its setup).
bool isLiveOptionsChange(const QJsonObject &detail);
// What an `options` event says in words: what the kernel has now, what was asked when it
// differs, and which setsockopt calls failed with their errno.
QString optionsEventText(const QJsonObject &detail);

} // namespace halfopen::models
