// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointConfig.h"
#include "core/observe/TcpInfoSampler.h"
#include "core/session/Event.h"
#include "core/tcp/SocketAddress.h"

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace halfopen::core {

class TestConnection;

// The test server: listens, accepts any number of connections (a device that reboots again and
// again piles them up), and runs each with the same configuration.
class TestServer : public QObject
{
    Q_OBJECT
public:
    explicit TestServer(const EndpointConfig &config, QObject *parent = nullptr);
    ~TestServer() override;

    // Binds and listens. On failure returns false and a message with the errno name and meaning,
    // and emits a "listen_failed" endpoint event with the errno.
    bool listen(const SocketAddress &address, QString *error);
    SocketAddress address() const { return m_address; }
    int listeningFd() const { return m_fd; }

    QList<TestConnection *> openConnections() const;
    // New socket options: set at once on every open connection (each reports them) and kept
    // for the connections accepted from now on, which would otherwise start with the old ones.
    void setOptions(const SocketOptions &options);
    const SocketOptions &options() const { return m_config.options; }
    TcpInfoSampler *sampler() { return &m_sampler; }

signals:
    void event(const halfopen::core::Event &event);
    void connectionStarted(halfopen::core::TestConnection *connection);
    // Emitted once the connection's socket is closed; it is deleted later.
    void connectionFinished(halfopen::core::TestConnection *connection);

private:
    void acceptPending();

    EndpointConfig m_config;
    TcpInfoSampler m_sampler;
    int m_fd = -1;
    SocketAddress m_address;
    QSocketNotifier *m_notifier = nullptr;
    QList<TestConnection *> m_connections;
};

} // namespace halfopen::core
