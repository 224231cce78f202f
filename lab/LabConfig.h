// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointCommand.h"
#include "core/endpoint/EndpointConfig.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace halfopen::lab {

// One host of the lab: its own network namespace, addresses, kernel settings, and the test
// endpoint (halfopen-cli serve or connect) that runs in it.
struct HostConfig
{
    enum class Role { Server, Client, None };

    core::Host host = core::Host::None; // client or server
    Role role = Role::None;
    QString address;                // IPv4 inside the lab, e.g. "198.18.0.2"
    quint16 port = 5000;            // server: listens on it; client: connects to the server's
    core::EndpointConfig endpoint;  // socket options, heartbeat, traffic, close-on-EOF
    bool reconnect = false;         // client: connect again whenever the connection ends
    bool poweredOff = false;        // starts powered off: no endpoint, the cable drops its frames
    QMap<QString, QString> sysctls; // per-namespace: "net.ipv4.tcp_retries2" -> "5"

    // "client" or "server": its namespace's and interfaces' names, its settings' key.
    QString name() const { return core::hostName(host); }
    // halfopen-cli arguments for the endpoint (without the program and --json).
    QStringList cliArguments(const QString &serverAddress) const;
    QJsonObject toJson() const;
};

// The cable's and the faults' limits, one set for scenarios, commands and the settings panels.
inline constexpr double kMaxCableDelayMs = 60000; // one-way delay and jitter
inline constexpr double kMaxNatTimeoutS = 86400;
inline constexpr double kMaxRebootS = 3600; // a reboot's time powered off
inline constexpr double kMaxSendBytes = core::EndpointCommand::kMaxSendBytes;

// The simulated cable between the two hosts.
struct CableConfig
{
    double lossPercent = 0;
    double delayMs = 0;
    double jitterMs = 0;
    bool arp = false;       // false: static neighbour entries (textbook ETIMEDOUT); true: real ARP
    double natTimeoutS = 0; // 0: no NAT; else forget flows idle this long
    bool natReset = false;  // forgotten flows: answer with RST instead of dropping

    QJsonObject toJson() const;
};

struct LabConfig
{
    HostConfig client;
    HostConfig server;
    CableConfig cable;

    static LabConfig defaults(); // client 198.18.0.1 connects to server 198.18.0.2:5000

    QJsonObject toJson() const;
    // Reads {"hosts": {"client": {...}, "server": {...}}, "cable": {...}} over the defaults.
    // Returns nullopt with a message naming the field (e.g. "hosts.client.keepalive.idle_s")
    // and its allowed range.
    static std::optional<LabConfig> fromJson(const QJsonObject &json, QString *error);
};

// Per-namespace sysctls the lab accepts, with their allowed ranges. `given`: the value as the
// user wrote it, for the message (default: `value`).
bool isAllowedSysctl(const QString &name, const QString &value, QString *error, const QString &given = {});

} // namespace halfopen::lab
