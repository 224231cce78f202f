// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/NeighbourTimers.h"
#include "core/tcp/SocketOptions.h"

#include <QList>

namespace halfopen::core {

// The settings of the side that must notice the death, as the kernel and the application see
// them. Defaults are the kernel's (and this lab's measured link: RTT well under a jiffy).
struct PredictionInput
{
    // Limits as the kernel enforces them (net/ipv4/sysctl_net_ipv4.c, checked on 6.18).
    static constexpr int kMaxRetries2 = 255;   // u8 sysctl, 0 allowed
    static constexpr int kMinSynRetries = 1;   // tcp_syn_retries_min
    static constexpr int kMaxSynRetries = 127; // MAX_TCP_SYNCNT
    static constexpr int kMaxSynLinearTimeouts = 127;
    static constexpr int kMinRtoMaxMs = 1000;   // tcp_rto_max_ms
    static constexpr int kMaxRtoMaxMs = 120000; // TCP_RTO_MAX
    static constexpr double kMaxRttMs = 60000;
    // The same limits as the endpoint's HeartbeatSettings, so both accept the same values.
    static constexpr int kMaxHeartbeatIntervalMs = 3600000;
    static constexpr int kMaxHeartbeatMisses = 1000;

    // The application's heartbeat: a ping every interval, dead after `misses` unanswered in a
    // row. Only the timing matters here, so this does not drag in the endpoint library.
    struct Heartbeat
    {
        bool enabled = false;
        int intervalMs = 1000;
        int misses = 3;
        bool operator==(const Heartbeat &) const = default;
    };

    // How the next hop's link-layer address is known. Static: a permanent neighbour entry (the
    // lab's default) or a routed peer whose gateway stays up: the textbook ETIMEDOUT. Dynamic:
    // an on-link peer resolved by ARP/ND, whose entry goes stale and fails while it is dead.
    struct Neighbour
    {
        bool dynamic = false;
        NeighbourTimers timers;
        bool operator==(const Neighbour &) const = default;
    };
    static constexpr int kMaxNeighbourTimeMs = 86400000; // a day: far beyond any budget
    static constexpr int kMaxSolicit = 255;

    // An application protocol's own keepalive, which may notice before TCP does.
    struct Application
    {
        enum class Protocol : quint8 {
            None,
            MqttClient, // MQTT client with keepalive K s (libmosquitto: PINGREQ after K, closes K later)
            MqttBroker, // MQTT broker, client keepalive K s (MQTT 3.1.1 §3.1.2.10: 1.5 × K; Mosquitto up to 7 s later)
            MqttNoConnect, // a connection that never sends CONNECT (Mosquitto: 1.5 × its 60 s default)
            Amqp,          // AMQP 0-9-1 heartbeat H s (spec §4.2.7: two intervals without traffic)
            Grpc,          // gRPC keepalive: PING after K s idle, closed if no ack within T s (default 20)
        };
        Protocol protocol = Protocol::None;
        int keepaliveS = 60;
        int timeoutS = 20; // gRPC only: keepalive_timeout
        bool operator==(const Application &) const = default;
    };
    static constexpr int kMaxApplicationKeepaliveS = 65535; // MQTT's 16-bit Keep Alive

    KeepaliveSettings keepalive;
    int userTimeoutMs = 0;     // TCP_USER_TIMEOUT, 0 = off
    int retries2 = 15;         // net.ipv4.tcp_retries2
    int synRetries = 6;        // net.ipv4.tcp_syn_retries
    int synLinearTimeouts = 4; // net.ipv4.tcp_syn_linear_timeouts
    Heartbeat heartbeat;
    double rttMs = 0.1;    // smoothed RTT of the connection (tcpi_rtt)
    int rtoMinMs = 200;    // tcp_rto_min: with the RTT gives the first RTO (tcpi_rto 204 ms)
    int rtoMaxMs = 120000; // tcp_rto_max_ms
    int hz = 250;          // the kernel's CONFIG_HZ: timer granularity
    bool recvErr = false;  // IP_RECVERR: a neighbour/ICMP error is reported at once, not kept soft
    Neighbour neighbour;
    Application application;

    // Each problem names its field ("retries2") and the allowed range.
    QList<SettingError> validate() const;
    bool operator==(const PredictionInput &) const = default;
};

} // namespace halfopen::core
