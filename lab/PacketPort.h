// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace halfopen::lab {

// One end of the virtual cable: an AF_PACKET socket on the supervisor's side of a host's veth.
// Every Ethernet frame the host sends arrives here; frames written here reach the host.
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
    // A full queue is sent at once.
    void send(const QByteArray &frame);
    void flush();

signals:
    // One frame from the host, with the CLOCK_MONOTONIC time it was read. The bytes are only
    // valid during the call (they live in the port's receive buffers): copy to keep them.
    void frameReceived(const QByteArray &frame, qint64 tUs);
    // The frames of one wake-up were all handed out: time to flush what they made us send.
    void framesDone();

private:
    void readFrames();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_receive;  // kBatch receive slots
    QByteArray m_transmit; // kBatch send slots
    int m_queued = 0;
    int m_transmitSizes[32] = {};
};

// Turns off segmentation and checksum offloads on an interface inside a namespace, so every
// frame on the cable is a real, wire-sized frame with a correct checksum (what a capture on a
// physical cable would show, and what the other host will accept).
bool disableOffloads(int netnsFd, const QString &interfaceName, QString *error);

} // namespace halfopen::lab
