// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketOptions.h"

#include <QJsonObject>

namespace halfopen::core {

// The application's own liveness check. The sender pings every interval and counts a miss
// when the answer has not come by the next ping; the answerer replies and counts a miss for
// every interval without a ping. Either side declares the peer dead after `misses` in a row.
struct HeartbeatSettings
{
    static constexpr int kMaxIntervalMs = 3600000;
    static constexpr int kMaxMisses = 1000;

    bool enabled = false;
    int intervalMs = 1000;
    int misses = 3;
    bool sends = false; // this side pings; otherwise it answers and watches for pings

    QList<SettingError> validate() const;
    QJsonObject toJson() const;
    bool operator==(const HeartbeatSettings &) const = default;
};

} // namespace halfopen::core
