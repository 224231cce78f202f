#pragma once

#include "core/tcp/SocketOptions.h"

#include <QList>

namespace halfopen::core {

// The settings of the side that must notice the death, as the kernel and the application see
// them. Defaults are the kernel's (and this lab's measured link: RTT well under a jiffy).
struct PredictionInput {
    // Limits as the kernel enforces them (net/ipv4/sysctl_net_ipv4.c, checked on 6.18).
    static constexpr int kMaxRetries2 = 255;         // u8 sysctl, 0 allowed
    static constexpr int kMinSynRetries = 1;         // tcp_syn_retries_min
    static constexpr int kMaxSynRetries = 127;       // MAX_TCP_SYNCNT
    static constexpr int kMaxSynLinearTimeouts = 127;
    static constexpr int kMinRtoMaxMs = 1000;        // tcp_rto_max_ms
    static constexpr int kMaxRtoMaxMs = 120000;      // TCP_RTO_MAX
    static constexpr double kMaxRttMs = 60000;
    // The same limits as the endpoint's HeartbeatSettings, so both accept the same values.
    static constexpr int kMaxHeartbeatIntervalMs = 3600000;
    static constexpr int kMaxHeartbeatMisses = 1000;

    // The application's heartbeat: a ping every interval, dead after `misses` unanswered in a
    // row. Only the timing matters here, so this does not drag in the endpoint library.
    struct Heartbeat {
        bool enabled = false;
        int intervalMs = 1000;
        int misses = 3;
        bool operator==(const Heartbeat &) const = default;
    };

    KeepaliveSettings keepalive;
    int userTimeoutMs = 0;      // TCP_USER_TIMEOUT, 0 = off
    int retries2 = 15;          // net.ipv4.tcp_retries2
    int synRetries = 6;         // net.ipv4.tcp_syn_retries
    int synLinearTimeouts = 4;  // net.ipv4.tcp_syn_linear_timeouts
    Heartbeat heartbeat;
    double rttMs = 0.1;         // smoothed RTT of the connection (tcpi_rtt)
    int rtoMinMs = 200;         // tcp_rto_min: with the RTT gives the first RTO (tcpi_rto 204 ms)
    int rtoMaxMs = 120000;      // tcp_rto_max_ms
    int hz = 250;               // the kernel's CONFIG_HZ: timer granularity

    // Each problem names its field ("retries2") and the allowed range.
    QList<SettingError> validate() const;
    bool operator==(const PredictionInput &) const = default;
};

} // namespace halfopen::core
