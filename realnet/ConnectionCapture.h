// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/SocketAddress.h"
#include "lab/cable/PacketClassifier.h"

#include <QCoreApplication>
#include <QProcess>

namespace halfopen::realnet {

// The packets of one real connection of this machine, IPv4 or IPv6: runs the capture helper
// (halfopen-capture: libpcap, a kernel BPF filter on the 4-tuple, the only part that needs
// CAP_NET_RAW) and names each frame with the lab's packet classifier. What `halfopen-cli watch`
// and real-network mode put on their timelines. When it cannot capture, problem() says exactly
// what is missing (the helper's capability, the user's group, root for another user's
// connection) and the rest goes on without packets.
class ConnectionCapture : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionCapture(QObject *parent = nullptr);
    ~ConnectionCapture() override;

    // Beside the running executable, else ../libexec/halfopen/ (the installed layout).
    static QString defaultHelperPath();
    void setHelperPath(const QString &path) { m_helper = path; }
    QString helperPath() const { return m_helper; }

    // Starts capturing `local` <-> `remote` (in `netnsPath`, empty: ours); packets from `local`
    // are reported with host `localHost`, the others with `peerHost`. Waits (up to 3 s) until
    // the helper captures, so no packet after this returns is missed. False (and problem())
    // when the helper cannot run or refuses.
    bool start(const core::SocketAddress &local, const core::SocketAddress &remote, core::Host localHost,
               core::Host peerHost, const QString &netnsPath = {});
    // Reads what is still in the pipe (packets captured before now), then ends the helper.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString problem() const { return m_problem; }

    // Why the helper did not capture, in words naming what is missing.
    static QString describeExit(const QString &helper, int exitCode, const QString &helperSaid);
    static QString describeStartFailure(const QString &helper, const QString &error);

signals:
    // Each frame as captured (an Ethernet frame, CLOCK_MONOTONIC microseconds), e.g. for a pcap.
    void frame(QByteArrayView frame, qint64 tUs);
    void event(const halfopen::core::Event &event);
    // The helper stopped capturing before stop(): what is missing, in words.
    void failed(const QString &problem);

private:
    void read();
    void onFrame(QByteArrayView frame, qint64 tUs);

    QString m_helper;
    QProcess m_process;
    QByteArray m_buffer;
    bool m_ready = false;
    bool m_stopping = false;
    bool m_starting = false;
    QString m_problem;
    QString m_local; // as FrameView::tcpSource() writes it
    core::Host m_localHost = core::Host::None;
    core::Host m_peerHost = core::Host::None;
    lab::PacketClassifier m_classifier;
};

} // namespace halfopen::realnet
