// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/TestServer.h"

#include "core/endpoint/SocketOptionsReport.h"
#include "core/endpoint/TestConnection.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::core {

TestServer::TestServer(const EndpointConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_sampler(config.sampleIntervalMs)
{
    connect(&m_sampler, &TcpInfoSampler::event, this, &TestServer::event);
}

TestServer::~TestServer()
{
    qDeleteAll(m_connections);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TestServer::listen(const SocketAddress &address, QString *error)
{
    m_fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    // `what` names the address as %1.
    auto fail = [&](const QString &what) {
        const int failure = errno;
        *error = tr("%1: %2", "what failed, errno").arg(what.arg(address.toString()), ErrnoCatalog::describe(failure));
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        // Also as an event: whoever reads the endpoint's stream (the window in real-network
        // mode) learns why, with the errno, without parsing stderr.
        Event e;
        e.kind = EventKind::Endpoint;
        e.tUs = monotonicNowUs();
        e.host = m_config.host;
        e.local = address.toString();
        e.what = endpointStepName(EndpointStep::ListenFailed);
        e.errnoValue = failure;
        e.detail = {{QStringLiteral("message"), *error}};
        emit event(e);
        return false;
    };
    if (m_fd < 0)
        return fail(tr("cannot create a socket for %1"));
    const int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    // Accepted sockets inherit these; each one is still set and read back after accept.
    m_config.options.applyTo(m_fd);
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&address.storage), address.length) != 0)
        return fail(tr("cannot listen on %1"));
    if (::listen(m_fd, 128) != 0)
        return fail(tr("cannot listen on %1"));
    m_address = SocketAddress::localOf(m_fd);

    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TestServer::acceptPending);

    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = monotonicNowUs();
    e.host = m_config.host;
    e.local = m_address.toString();
    e.what = endpointStepName(EndpointStep::Listening);
    e.detail = {{QStringLiteral("heartbeat"), m_config.heartbeat.toJson()},
                {QStringLiteral("traffic"), m_config.traffic.toString()},
                {QStringLiteral("pid"), qint64(::getpid())}};
    emit event(e);
    return true;
}

QList<TestConnection *> TestServer::openConnections() const
{
    QList<TestConnection *> open;
    for (TestConnection *c : m_connections) {
        if (c->isOpen())
            open.append(c);
    }
    return open;
}

void TestServer::setOptions(const SocketOptions &options)
{
    m_config.options = options;
    // Accepted sockets inherit some of them from the listener; each is set and reported anyway.
    if (m_fd >= 0)
        options.applyTo(m_fd);
    for (TestConnection *c : std::as_const(m_connections))
        c->setOptions(options);
}

void TestServer::acceptPending()
{
    for (;;) {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            Event e;
            e.kind = EventKind::Error;
            e.tUs = monotonicNowUs();
            e.host = m_config.host;
            e.local = m_address.toString();
            e.what = QStringLiteral("accept");
            e.errnoValue = errno;
            e.mechanism = DetectionMechanism::LocalError;
            ErrorFields fields;
            fields.operation = SocketOperation::Accept;
            fields.fatal = false;
            fields.message = ErrnoCatalog::describe(errno);
            e.detail = fields.toDetail();
            emit event(e);
            return;
        }
        auto *connection = new TestConnection(fd, m_config, &m_sampler, this);
        connect(connection, &TestConnection::event, this, &TestServer::event);
        connect(connection, &TestConnection::finished, this, [this, connection] {
            m_connections.removeOne(connection);
            emit connectionFinished(connection);
            connection->deleteLater();
        });
        m_connections.append(connection);

        Event accepted;
        accepted.kind = EventKind::Endpoint;
        accepted.tUs = monotonicNowUs();
        accepted.host = m_config.host;
        accepted.local = connection->local();
        accepted.remote = connection->remote();
        accepted.what = endpointStepName(EndpointStep::Accepted);
        emit event(accepted);
        emit event(applySocketOptions(fd, m_config.options, m_config.host));
        connection->start();
        emit connectionStarted(connection);
    }
}

} // namespace halfopen::core
