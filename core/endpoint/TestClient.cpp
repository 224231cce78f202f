// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/TestClient.h"

#include "core/observe/RouteToPeer.h"

#include "core/endpoint/ErrorClassifier.h"
#include "core/endpoint/SocketOptionsReport.h"
#include "core/endpoint/TestConnection.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::core {

TestClient::TestClient(const EndpointConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_sampler(config.sampleIntervalMs)
{
    connect(&m_sampler, &TcpInfoSampler::event, this, &TestClient::event);
}

TestClient::~TestClient()
{
    delete m_connection;
    if (m_fd >= 0) {
        m_sampler.forget(m_fd);
        ::close(m_fd);
    }
}

void TestClient::setOptions(const SocketOptions &options)
{
    m_config.options = options;
    if (m_connection)
        m_connection->setOptions(options);
    else if (m_fd >= 0)
        emit event(applySocketOptions(m_fd, options, m_config.host));
}

bool TestClient::connectTo(const SocketAddress &address, QString *error)
{
    m_target = address;
    m_fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        *error = tr("cannot create a socket: %1").arg(ErrnoCatalog::describe(errno));
        return false;
    }
    emit event(applySocketOptions(m_fd, m_config.options, m_config.host));

    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = monotonicNowUs();
    e.host = m_config.host;
    e.remote = address.toString();
    e.what = endpointStepName(EndpointStep::Connecting);
    e.detail = {{QStringLiteral("heartbeat"), m_config.heartbeat.toJson()},
                {QStringLiteral("traffic"), m_config.traffic.toString()},
                {QStringLiteral("pid"), qint64(::getpid())}};
    emit event(e);

    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address.storage), address.length) == 0) {
        onConnectProgress();
        return true;
    }
    if (errno != EINPROGRESS) {
        const int failure = errno;
        *error = tr("cannot connect to %1: %2").arg(address.toString(), ErrnoCatalog::describe(failure));
        failConnect(failure);
        return false;
    }
    m_sampler.watch(m_fd, m_config.host, address.toString()); // SYN_SENT and its retransmissions are visible
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TestClient::onConnectProgress);
    return true;
}

void TestClient::onConnectProgress()
{
    int failure = 0;
    socklen_t length = sizeof failure;
    ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &failure, &length);
    if (failure == 0) {
        // Writable without an error can still be a connect in progress on some paths: check.
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof peer;
        if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0) {
            if (errno == ENOTCONN)
                return;
            failure = errno;
        }
    }
    delete m_notifier;
    m_notifier = nullptr;
    if (failure != 0) {
        failConnect(failure);
        return;
    }
    const int fd = m_fd;
    m_fd = -1; // the connection owns it now
    m_connection = new TestConnection(fd, m_config, &m_sampler, this);
    connect(m_connection, &TestConnection::event, this, &TestClient::event);
    connect(m_connection, &TestConnection::finished, this, &TestClient::finished);

    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = monotonicNowUs();
    e.host = m_config.host;
    e.local = m_connection->local();
    e.remote = m_connection->remote();
    e.what = endpointStepName(EndpointStep::Connected);
    emit event(e);
    m_connection->start();
    emit connected(m_connection);
}

void TestClient::failConnect(int errnoValue)
{
    m_connectErrno = errnoValue;
    ErrorContext context;
    context.errnoValue = errnoValue;
    context.connecting = true;
    context.before = m_sampler.lastSample(m_fd);
    context.atError = m_sampler.sampleNow(m_fd);
    context.options = m_config.options;
    if (errnoValue == EHOSTUNREACH || errnoValue == EHOSTDOWN)
        context.neighbourFailed = nextHopResolutionFailed(QHostAddress(m_target.host()));

    Event e;
    e.kind = EventKind::Error;
    e.tUs = monotonicNowUs();
    e.host = m_config.host;
    e.remote = m_target.toString();
    e.what = QStringLiteral("connect");
    e.errnoValue = errnoValue;
    e.mechanism = classifyError(context);
    ErrorFields fields;
    fields.operation = SocketOperation::Connect;
    fields.fatal = true;
    fields.message = ErrnoCatalog::describe(errnoValue);
    if (context.atError)
        fields.synRetransmits = qint64(context.atError->totalRetrans);
    e.detail = fields.toDetail();
    emit event(e);
    m_sampler.unwatch(m_fd);
    ::close(m_fd);
    m_fd = -1;
    emit finished();
}

} // namespace halfopen::core
