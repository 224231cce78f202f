// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketOptions.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace halfopen::core {

class TestClient;
class TestConnection;
class TestServer;

// A command for a running endpoint, typed by a user on stdin or sent by the lab as JSON:
//   send [BYTES] | close | abort | shutdown-write | quit | options {json SocketOptions}
//   {"command": "send", "bytes": 100}
struct EndpointCommand
{
    enum class Kind { Send, Close, Abort, ShutdownWrite, SetOptions, Quit };
    static constexpr int kMaxSendBytes = 16 * 1024 * 1024;

    Kind kind = Kind::Send;
    int bytes = 100;
    SocketOptions options;

    static std::optional<EndpointCommand> parse(const QString &line, QString *error);
    // The line parse() reads back as this command, without its newline: what the lab's
    // supervisor and real-network mode write to their endpoint's stdin.
    QByteArray toLine() const;

    // Carries the command out on one connection (Quit is the caller's to handle).
    void applyTo(TestConnection *connection) const;
    // ... on every open connection of a server, or a client's; options are also kept for the
    // connections that come later.
    void applyTo(TestServer *server) const;
    void applyTo(TestClient *client) const;
};

} // namespace halfopen::core
