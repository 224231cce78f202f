// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointConfig.h"
#include "core/observe/TcpInfoSampler.h"
#include "core/session/Event.h"
#include "core/tcp/SocketAddress.h"

#include <QObject>

class QSocketNotifier;

namespace halfopen::core {

class TestConnection;

// The test client: a non-blocking connect with the options set before the SYN (so SYN retries
// and TCP_USER_TIMEOUT apply to the handshake too), then one TestConnection.
class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(const EndpointConfig &config, QObject *parent = nullptr);
    ~TestClient() override;

    // Starts connecting. Errors the kernel reports at once (no route, bad address) return false
    // with a message; the rest arrive as events and `finished`.
    bool connectTo(const SocketAddress &address, QString *error);

    TestConnection *connection() const { return m_connection; }
    // New socket options: set at once on the connection (or the socket still connecting, so
    // the SYN retries and user timeout follow them too) and reported, and kept for what comes next.
    void setOptions(const SocketOptions &options);
    const SocketOptions &options() const { return m_config.options; }
    TcpInfoSampler *sampler() { return &m_sampler; }
    // errno of a failed connect (0 if it did not fail).
    int connectErrno() const { return m_connectErrno; }

signals:
    void event(const halfopen::core::Event &event);
    void connected(halfopen::core::TestConnection *connection);
    // The connect failed, or the connection ended (see connection()->ending()).
    void finished();

private:
    void onConnectProgress();
    void failConnect(int errnoValue);

    EndpointConfig m_config;
    TcpInfoSampler m_sampler;
    SocketAddress m_target;
    int m_fd = -1;
    int m_connectErrno = 0;
    QSocketNotifier *m_notifier = nullptr;
    TestConnection *m_connection = nullptr;
};

} // namespace halfopen::core
