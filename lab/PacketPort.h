// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include "lab/cable/FrameOffload.h"

class QSocketNotifier;

namespace halfopen::lab {

// One end of the virtual cable: an AF_PACKET socket on the supervisor's side of a host's veth.
// Every Ethernet frame the host sends arrives here; frames written here reach the host. The
// socket reads and writes each frame's offload metadata (PACKET_VNET_HDR): hosts with
// segmentation offload on send 64 KB TCP super-frames with partial checksums, and the cable
// moves them whole, one system call trip per 64 KB instead of per 1514 bytes.
class PacketPort : public QObject
{
    Q_OBJECT
public:
    explicit PacketPort(QObject *parent = nullptr);
    ~PacketPort() override;

    // Binds to the interface (in the caller's network namespace). False with the errno meaning.
    bool open(const QString &interfaceName, QString *error);
    void close();
    bool isOpen() const { return m_fd >= 0; }

    // Queues one frame towards the host; flush() sends what is queued (one sendmmsg call).
    // A full queue is sent at once. A frame the cable built has complete checksums and no
    // offload; a relayed one keeps the offload it came with.
    void send(const QByteArray &frame, const FrameOffload &offload = {});
    void flush();
    // Reads what the host has sent, without waiting (the read notifier calls it too); returns
    // how many frames were handed out.
    int readFrames();

signals:
    // One frame from the host, with the CLOCK_MONOTONIC time it was read. The bytes live in the
    // port's receive buffers until framesDone() has returned: copy to keep them longer.
    void frameReceived(const QByteArray &frame, const halfopen::lab::FrameOffload &offload, qint64 tUs);
    // The frames of one read (up to 32) were all handed out: time to send what they made us
    // send. Their buffers are reused once this returns.
    void framesDone();
    // The host's frames woke us (the read notifier) and were all read.
    void wokeUp();

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_receive;  // kBatch receive slots
    QByteArray m_transmit; // kBatch send slots
    int m_queued = 0;
    int m_transmitSizes[32] = {};
    FrameOffload m_receiveOffloads[32];
    FrameOffload m_transmitOffloads[32];
};

// Turns segmentation, scatter-gather and checksum offloads on (GRO off) on an interface inside
// a namespace, whatever the kernel's defaults: TCP leaves the host in 64 KB super-frames with
// partial checksums, which the cable carries whole and segments only where it must (loss hits
// single wire segments: CableRelay).
bool enableOffloads(int netnsFd, const QString &interfaceName, QString *error);

} // namespace halfopen::lab
