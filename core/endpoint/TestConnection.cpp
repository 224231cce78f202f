// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/TestConnection.h"

#include "core/observe/RouteToPeer.h"

#include "core/endpoint/ErrorClassifier.h"
#include "core/endpoint/HeartbeatMonitor.h"
#include "core/endpoint/SocketOptionsReport.h"
#include "core/observe/TcpInfoSampler.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/SocketAddress.h"

#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::core {

namespace {
constexpr int kReadChunk = 64 * 1024;
constexpr int kReadsPerWakeup = 16; // don't let a fast stream starve the event loop
constexpr int kStreamChunk = 64 * 1024;
} // namespace

TestConnection::TestConnection(int fd, const EndpointConfig &config, TcpInfoSampler *sampler, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_config(config)
    , m_sampler(sampler)
{
    m_local = SocketAddress::localOf(fd).toString();
    m_remote = SocketAddress::peerOf(fd).toString();
    m_periodic.setTimerType(Qt::PreciseTimer);
    connect(&m_periodic, &QTimer::timeout, this, [this] { sendNow(m_config.traffic.bytes); });
}

TestConnection::~TestConnection()
{
    if (m_fd >= 0) {
        m_sampler->forget(m_fd);
        ::close(m_fd);
    }
}

void TestConnection::start()
{
    m_sampler->watch(m_fd, m_config.host);
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TestConnection::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TestConnection::onWritable);

    if (m_config.heartbeat.enabled) {
        m_heartbeat = new HeartbeatMonitor(m_config.heartbeat, this);
        connect(m_heartbeat, &HeartbeatMonitor::sendPing, this,
                [this](quint32 seq) { queue(FrameCodec::encodePing(seq)); });
        connect(m_heartbeat, &HeartbeatMonitor::sendAnswer, this,
                [this](quint32 seq) { queue(FrameCodec::encodeAnswer(seq)); });
        connect(m_heartbeat, &HeartbeatMonitor::phase, this,
                [this](HeartbeatMonitor::Phase phase, qint64 count, qint64 rttUs) {
                    Event e = makeEvent(EventKind::Heartbeat, heartbeatPhaseName(phase));
                    e.count = count;
                    if (phase == HeartbeatMonitor::Phase::Answered)
                        e.detail.insert(QStringLiteral("rtt_ms"), rttUs / 1000.0);
                    if (phase == HeartbeatMonitor::Phase::Dead)
                        e.mechanism = DetectionMechanism::Heartbeat;
                    emit event(e);
                });
        connect(m_heartbeat, &HeartbeatMonitor::dead, this, [this] {
            ErrorFields fields;
            fields.heartbeatMisses = m_config.heartbeat.misses;
            fields.heartbeatIntervalMs = m_config.heartbeat.intervalMs;
            die(ETIMEDOUT, DetectionMechanism::Heartbeat, SocketOperation::Heartbeat, fields);
        });
        m_heartbeat->start();
    }

    switch (m_config.traffic.kind) {
    case TrafficPattern::Kind::Idle:
        break;
    case TrafficPattern::Kind::Periodic:
        m_periodic.start(m_config.traffic.intervalMs);
        sendNow(m_config.traffic.bytes);
        break;
    case TrafficPattern::Kind::Stream:
        m_writeNotifier->setEnabled(true);
        break;
    }
}

Event TestConnection::makeEvent(EventKind kind, const QString &what) const
{
    Event e;
    e.kind = kind;
    e.tUs = monotonicNowUs();
    e.host = m_config.host;
    e.local = m_local;
    e.remote = m_remote;
    e.what = what;
    return e;
}

void TestConnection::sendNow(int payloadBytes)
{
    if (m_fd < 0 || m_writeShut || payloadBytes <= 0)
        return;
    Event e = makeEvent(EventKind::Endpoint, endpointStepName(EndpointStep::Sent));
    e.count = payloadBytes;
    emit event(e);
    queue(FrameCodec::encodeData(payloadBytes));
}

void TestConnection::queue(const QByteArray &bytes)
{
    if (m_fd < 0 || m_writeShut)
        return;
    m_out += bytes;
    flush();
}

void TestConnection::flush()
{
    while (m_fd >= 0 && !m_out.isEmpty()) {
        const ssize_t n = ::send(m_fd, m_out.constData(), size_t(m_out.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_bytesSent += n;
            m_out.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writeNotifier->setEnabled(true); // the send buffer is full: resume when it drains
            return;
        }
        handleError(errno, SocketOperation::Send);
        return;
    }
    if (m_fd >= 0 && m_config.traffic.kind != TrafficPattern::Kind::Stream)
        m_writeNotifier->setEnabled(false);
}

void TestConnection::onWritable()
{
    if (m_config.traffic.kind == TrafficPattern::Kind::Stream && !m_writeShut && m_out.size() < kStreamChunk)
        m_out += FrameCodec::encodeData(kStreamChunk);
    if (m_out.isEmpty()) {
        // Writable with nothing to write can also mean an error is pending: let recv report it.
        m_writeNotifier->setEnabled(false);
        return;
    }
    flush();
}

void TestConnection::onReadable()
{
    char buffer[kReadChunk];
    for (int i = 0; i < kReadsPerWakeup && m_fd >= 0; ++i) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0) {
            m_bytesReceived += n;
            handleFrames(m_codec.feed(buffer, n));
            continue;
        }
        if (n == 0) {
            handleEof();
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        handleError(errno, SocketOperation::Recv);
        return;
    }
}

void TestConnection::handleFrames(const QList<Frame> &frames)
{
    for (const Frame &frame : frames) {
        if (!m_heartbeat || m_fd < 0)
            return;
        if (frame.type == Frame::Type::Ping)
            m_heartbeat->pingReceived(frame.sequence);
        else if (frame.type == Frame::Type::Answer)
            m_heartbeat->answerReceived(frame.sequence);
    }
}

void TestConnection::handleEof()
{
    if (m_eofSeen)
        return;
    m_eofSeen = true;
    m_sampler->sampleNow(m_fd);
    // read() == 0: the peer sent FIN. Not an errno, but it is how the application learns.
    Event e = makeEvent(EventKind::Error, QStringLiteral("eof"));
    e.mechanism = DetectionMechanism::Fin;
    ErrorFields fields;
    fields.operation = SocketOperation::Recv;
    fields.message = tr("read() returned 0: the peer closed its side (FIN)");
    e.detail = fields.toDetail();
    emit event(e);
    if (m_config.closeOnEof) {
        finish(Ending::PeerClosed, QStringLiteral("eof"));
        return;
    }
    // Stay in CLOSE_WAIT like a careless application: the next write draws an RST, the one after EPIPE.
    delete m_readNotifier;
    m_readNotifier = nullptr;
}

void TestConnection::handleError(int errnoValue, SocketOperation operation)
{
    ErrorContext context;
    context.errnoValue = errnoValue;
    context.before = m_sampler->lastSample(m_fd);
    context.atError = m_sampler->sampleNow(m_fd);
    context.options = m_config.options;
    if (errnoValue == EHOSTUNREACH || errnoValue == EHOSTDOWN) {
        QString ignored;
        context.neighbourFailed
            = nextHopResolutionFailed(QHostAddress(SocketAddress::parse(m_remote, &ignored).host()));
    }
    const DetectionMechanism mechanism = classifyError(context);

    ErrorFields extra;
    // The first unacknowledged send from the socket's own counters (no capture needed).
    if (const std::optional<qint64> firstUnacked = m_sampler->firstUnackedSendUs(m_fd))
        extra.sinceFirstUnackedSendMs = (monotonicNowUs() - *firstUnacked) / 1000.0;
    if (context.atError) {
        extra.sinceLastReceivedMs = double(context.atError->lastAckRecvMs);
        extra.stateAfter = tcpStateName(context.atError->state);
    }
    const bool stillUp = context.atError && context.atError->state == TcpState::Established;
    if (isSoftNetworkError(errnoValue) && stillUp) {
        // IP_RECVERR reports ICMP errors at once; the connection itself lives on.
        emit event(errorEvent(errnoValue, mechanism, operation, extra, /*fatal=*/false));
        return;
    }
    die(errnoValue, mechanism, operation, extra);
}

void TestConnection::die(int errnoValue, DetectionMechanism mechanism, SocketOperation operation, ErrorFields extra)
{
    if (m_fd < 0)
        return;
    m_deathErrno = errnoValue;
    m_deathMechanism = mechanism;
    emit event(errorEvent(errnoValue, mechanism, operation, extra, /*fatal=*/true));
    finish(Ending::Died, QStringLiteral("error"));
}

Event TestConnection::errorEvent(int errnoValue, DetectionMechanism mechanism, SocketOperation operation,
                                 ErrorFields fields, bool fatal) const
{
    Event e = makeEvent(EventKind::Error, socketOperationName(operation));
    e.errnoValue = errnoValue;
    e.mechanism = mechanism;
    fields.operation = operation;
    fields.fatal = fatal;
    fields.message = ErrnoCatalog::describe(errnoValue);
    e.detail = fields.toDetail();
    return e;
}

void TestConnection::closeGracefully()
{
    finish(Ending::ClosedLocally, QStringLiteral("close"));
}

void TestConnection::abort()
{
    if (m_fd < 0)
        return;
    const linger abortive{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    finish(Ending::ClosedLocally, QStringLiteral("abort"));
}

void TestConnection::shutdownWrite()
{
    if (m_fd < 0 || m_writeShut)
        return;
    if (::shutdown(m_fd, SHUT_WR) != 0) {
        handleError(errno, SocketOperation::Shutdown);
        return;
    }
    m_writeShut = true;
    m_out.clear();
    m_periodic.stop();
    m_writeNotifier->setEnabled(false);
    if (m_heartbeat && m_heartbeat->settings().sends)
        m_heartbeat->stop();
    emit event(makeEvent(EventKind::Endpoint, endpointStepName(EndpointStep::ShutdownWrite)));
    m_sampler->sampleNow(m_fd);
}

void TestConnection::setOptions(const SocketOptions &options)
{
    if (m_fd < 0)
        return;
    m_config.options = options;
    emit event(applySocketOptions(m_fd, options, m_config.host, nullptr, /*live=*/true));
    m_sampler->sampleNow(m_fd);
}

void TestConnection::finish(Ending ending, const QString &how)
{
    if (m_fd < 0)
        return;
    m_periodic.stop();
    if (m_heartbeat)
        m_heartbeat->stop();
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    m_sampler->unwatch(m_fd);
    ::close(m_fd);
    m_fd = -1;
    m_ending = ending;
    Event e = makeEvent(EventKind::Endpoint, endpointStepName(EndpointStep::Closed));
    e.detail = {{QStringLiteral("how"), how},
                {QStringLiteral("bytes_sent"), m_bytesSent},
                {QStringLiteral("bytes_received"), m_bytesReceived}};
    emit event(e);
    emit finished(ending);
}

} // namespace halfopen::core
