// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/PacketPort.h"
#include "lab/cable/CableImpairments.h"
#include "lab/cable/NatTable.h"
#include "lab/cable/PacketClassifier.h"
#include "lab/cable/PcapWriter.h"

#include <QObject>
#include <QTimer>
#include <deque>

namespace halfopen::lab {

// The virtual cable: frames from one host's port go out of the other's. On the way each frame
// is captured and classified (a `packet` event) and may be cut, lost, delayed, dropped by a NAT
// that forgot its flow, or answered with ICMP unreachable as a router would. The hosts keep
// carrier whatever happens: nothing tells them.
class CableRelay : public QObject
{
    Q_OBJECT
public:
    enum class Side { Client = 0, Server = 1 };
    Q_ENUM(Side)

    explicit CableRelay(QObject *parent = nullptr);

    // (Re)attaches one side to an interface in our namespace, e.g. after the host powered on.
    bool attach(Side side, const QString &interfaceName, QString *error);
    void detach(Side side);
    bool openCapture(const QString &path, QString *error);
    // The capture as a ring of at most this many bytes on disk (PcapWriter::setLimitBytes).
    void setCaptureLimit(qint64 bytes) { m_capture.setLimitBytes(bytes); }

    // Frames leaving `from` are dropped.
    void setCut(Side from, bool cut);
    void setLossPercent(double percent);
    void setDelay(double delayMs, double jitterMs);
    // Frames towards `host` are answered with ICMP host unreachable instead of delivered.
    void setIcmpUnreachable(Side towards, bool on);
    void setNat(double timeoutS, bool reset);

signals:
    void packet(const halfopen::core::Event &event);
    // A frame came from a host or went to one: a socket there may have changed.
    void traffic();
    void problem(const QString &message);
    // The capture's ring dropped its oldest frames: `droppedFrames` (`droppedBytes` of the
    // file) so far.
    void captureTrimmed(qint64 droppedFrames, qint64 droppedBytes);

private:
    struct Queued
    {
        qint64 releaseUs;
        QByteArray frame;
        FrameOffload offload;
    };

    // A frame to capture and classify once the frames of the same read are on their way.
    struct Seen
    {
        Side from;
        QByteArray frame; // may point into a port's receive buffer: valid until flush() returns
        qint64 tUs;
        bool dropped;
        int segments;
    };

    void relay(Side from, const QByteArray &frame, const FrameOffload &offload, qint64 tUs);
    void relayFrame(Side from, const QByteArray &frame, const FrameOffload &offload, qint64 tUs);
    // Notes a frame for capture and classification at the next flush(); `dropped`: the cable
    // will not deliver it. `segments`: the wire segments a super-frame stands for.
    void observe(Side from, const QByteArray &frame, qint64 tUs, bool dropped, int segments = 1);
    void describe(const Seen &seen);
    void releaseDue(Side from);
    // Keeps reading both ports for a moment after frames woke us: the answer to what we just
    // relayed usually comes within a fraction of a millisecond, and catching it here saves the
    // wake-up that dominates the cable's added latency.
    void linger();
    void flush();
    void flushAggregates();

    PacketPort m_ports[2];
    CableImpairments m_impairments;
    NatTable m_nat;
    PacketClassifier m_classifier;
    PcapWriter m_capture;
    qint64 m_captureDroppedReported = 0; // frames the ring dropped, as last announced
    bool m_icmpTowards[2] = {false, false};
    std::deque<Queued> m_queues[2];
    QList<Seen> m_seen; // since the last flush, in the order the frames crossed
    bool m_lingering = false;
    QTimer m_release[2];
    // Bulk data would flood the timeline: past a rate, data/ack frames are summed per direction.
    int m_tokens[2] = {0, 0};
    qint64 m_tokenRefillUs[2] = {0, 0};
    core::Event m_aggregate[2];
    int m_aggregateFrames[2] = {0, 0};
    QTimer m_aggregateFlush;
};

core::Host sideHost(CableRelay::Side side);

} // namespace halfopen::lab
