// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketOptions.h"
#include "lab/LabConfig.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace halfopen::realnet {

// Where the peer is when it is a real machine or device: this machine connects to it (client)
// or waits for it (server). The settings of this machine's side are a lab::HostConfig as in the
// lab; this says only who connects to whom, at which address and port.
struct RealNetworkConfig
{
    enum class Role : quint8 { Client, Server };

    Role role = Role::Client;
    QString peerAddress = QStringLiteral("127.0.0.1"); // client: the peer to connect to
    quint16 peerPort = 5000;
    QString listenAddress = QStringLiteral("0.0.0.0"); // server: where to wait for the peer
    quint16 listenPort = 5000;

    // The host this machine's events carry: client or server, as the lab's hosts.
    core::Host host() const;
    // The port every socket of the test uses on this machine's side: the peer's port for a
    // client, the listening port for a server.
    quint16 testPort() const;
    // "192.168.1.20:1883" (client) or "0.0.0.0:5000" (server); IPv6 in brackets.
    QString endpointAddress() const;

    // Each problem names the field as the window labels it and what is allowed.
    QList<core::SettingError> validate() const;

    // halfopen-cli arguments for this machine's endpoint with `side`'s settings (without the
    // program and --json).
    QStringList endpointArguments(const lab::HostConfig &side) const;

    QJsonObject toJson() const;
    // Reads what toJson() wrote; missing or broken fields keep their defaults.
    static RealNetworkConfig fromJson(const QJsonObject &json);
    bool operator==(const RealNetworkConfig &) const = default;
};

} // namespace halfopen::realnet
