// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointConfig.h"
#include "core/endpoint/FrameCodec.h"
#include "core/session/ErrorFields.h"
#include "core/session/Event.h"

#include <QObject>
#include <QTimer>
#include <optional>

class QSocketNotifier;

namespace halfopen::core {

class HeartbeatMonitor;
class TcpInfoSampler;

// One established test connection: owns the socket, sends the traffic pattern and heartbeat,
// reads the peer, and captures how the connection ends with the exact errno read from the
// socket and the mechanism behind it. Event-driven: socket notifiers and timers, no polling.
class TestConnection : public QObject
{
    Q_OBJECT
public:
    enum class Ending { Open, ClosedLocally, PeerClosed, Died };
    Q_ENUM(Ending)

    // Takes ownership of a connected, non-blocking socket. The sampler must outlive it.
    TestConnection(int fd, const EndpointConfig &config, TcpInfoSampler *sampler, QObject *parent = nullptr);
    ~TestConnection() override;

    void start();

    int fd() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    QString local() const { return m_local; }
    QString remote() const { return m_remote; }
    Ending ending() const { return m_ending; }
    // The fatal error (errno and mechanism) once the connection died.
    int deathErrno() const { return m_deathErrno; }
    DetectionMechanism deathMechanism() const { return m_deathMechanism; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

    // Commands.
    void sendNow(int payloadBytes);
    void closeGracefully();                        // close(): FIN
    void abort();                                  // SO_LINGER {1,0} + close(): RST
    void shutdownWrite();                          // shutdown(SHUT_WR): half-close, we still read
    void setOptions(const SocketOptions &options); // live setsockopt, reported like at start

signals:
    void event(const halfopen::core::Event &event);
    void finished(halfopen::core::TestConnection::Ending ending);

private:
    void onReadable();
    void onWritable();
    void flush();
    void queue(const QByteArray &bytes);
    void handleFrames(const QList<Frame> &frames);
    void handleEof();
    void handleError(int errnoValue, SocketOperation operation);
    void die(int errnoValue, DetectionMechanism mechanism, SocketOperation operation, ErrorFields fields = {});
    void finish(Ending ending, const QString &how);
    Event makeEvent(EventKind kind, const QString &what = {}) const;
    Event errorEvent(int errnoValue, DetectionMechanism mechanism, SocketOperation operation, ErrorFields fields,
                     bool fatal) const;

    int m_fd;
    EndpointConfig m_config;
    TcpInfoSampler *m_sampler;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    HeartbeatMonitor *m_heartbeat = nullptr;
    QTimer m_periodic;
    FrameCodec m_codec;
    QByteArray m_out;
    QString m_local;
    QString m_remote;
    Ending m_ending = Ending::Open;
    int m_deathErrno = 0;
    DetectionMechanism m_deathMechanism = DetectionMechanism::None;
    bool m_eofSeen = false;
    bool m_writeShut = false;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace halfopen::core
