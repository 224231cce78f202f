// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/CableRelay.h"

#include "core/session/MonotonicClock.h"
#include "core/session/PacketFields.h"
#include "lab/cable/FrameView.h"
#include "lab/cable/IcmpUnreachable.h"

#include <arpa/inet.h>
#include <sched.h>

namespace halfopen::lab {

using namespace halfopen::core;

namespace {

// A router on the cable, for ICMP unreachable: an address no host has.
constexpr quint32 kRouterIp = (198u << 24) | (18u << 16) | (0u << 8) | 254u;
constexpr MacAddress kRouterMac = {0x02, 0x48, 0x4f, 0x00, 0x00, 0xfe};
constexpr int kEventsPerSecond = 400; // per direction, for data and ack frames
constexpr int kBurst = 100;
constexpr qint64 kLingerQuietUs = 200;
constexpr qint64 kLingerTotalUs = 1000;

CableImpairments::Direction direction(CableRelay::Side from)
{
    return from == CableRelay::Side::Client ? CableImpairments::Direction::ClientToServer
                                            : CableImpairments::Direction::ServerToClient;
}

CableRelay::Side other(CableRelay::Side side)
{
    return side == CableRelay::Side::Client ? CableRelay::Side::Server : CableRelay::Side::Client;
}

} // namespace

CableRelay::CableRelay(QObject *parent)
    : QObject(parent)
    , m_impairments(quint32(monotonicNowUs()))
{
    for (Side side : {Side::Client, Side::Server}) {
        connect(&m_ports[int(side)], &PacketPort::frameReceived, this,
                [this, side](const QByteArray &frame, const FrameOffload &offload, qint64 tUs) {
                    relay(side, frame, offload, tUs);
                });
        connect(&m_ports[int(side)], &PacketPort::framesDone, this, &CableRelay::flush);
        connect(&m_ports[int(side)], &PacketPort::wokeUp, this, &CableRelay::linger);
        m_release[int(side)].setSingleShot(true);
        m_release[int(side)].setTimerType(Qt::PreciseTimer);
        connect(&m_release[int(side)], &QTimer::timeout, this, [this, side] { releaseDue(side); });
        m_tokens[int(side)] = kBurst;
    }
    // Runs only while frames are being summed: an idle cable wakes nobody.
    m_aggregateFlush.setInterval(200);
    m_aggregateFlush.setSingleShot(true);
    connect(&m_aggregateFlush, &QTimer::timeout, this, &CableRelay::flushAggregates);
}

bool CableRelay::attach(Side side, const QString &interfaceName, QString *error)
{
    m_ports[int(side)].close();
    return m_ports[int(side)].open(interfaceName, error);
}

void CableRelay::detach(Side side)
{
    m_ports[int(side)].close();
    m_queues[int(side)].clear(); // frames in flight towards a dead host are lost
}

bool CableRelay::openCapture(const QString &path, QString *error)
{
    m_captureDroppedReported = 0;
    return m_capture.open(path, error);
}

void CableRelay::setCut(Side from, bool cut)
{
    m_impairments.setCut(direction(from), cut);
}

void CableRelay::setLossPercent(double percent)
{
    for (Side side : {Side::Client, Side::Server})
        m_impairments.setLossPercent(direction(side), percent);
}

void CableRelay::setDelay(double delayMs, double jitterMs)
{
    for (Side side : {Side::Client, Side::Server})
        m_impairments.setDelay(direction(side), delayMs, jitterMs);
}

void CableRelay::setIcmpUnreachable(Side towards, bool on)
{
    m_icmpTowards[int(towards)] = on;
}

void CableRelay::setNat(double timeoutS, bool reset)
{
    m_nat.setTimeout(timeoutS);
    m_nat.setResetMode(reset);
}

void CableRelay::relay(Side from, const QByteArray &frame, const FrameOffload &offload, qint64 tUs)
{
    emit traffic();
    if (m_impairments.lossPercent(direction(from)) > 0) {
        // Loss hits single wire segments, as on a real cable: the cable does the sending NIC's
        // work here (segments, complete checksums), and the capture and the classifier see
        // what a physical wire would carry.
        if (offload.isGso()) {
            const QList<QByteArray> segments = segmentTcp4(FrameView(frame), offload);
            if (!segments.isEmpty()) {
                for (const QByteArray &segment : segments)
                    relayFrame(from, segment, FrameOffload{}, tUs);
                return;
            }
        } else if (offload.flags & FrameOffload::kNeedsChecksum) {
            QByteArray complete(frame.constData(), frame.size()); // the port's buffer is not ours
            if (completeChecksum(complete, offload)) {
                relayFrame(from, complete, FrameOffload{}, tUs);
                return;
            }
        }
    }
    relayFrame(from, frame, offload, tUs);
}

void CableRelay::relayFrame(Side from, const QByteArray &frame, const FrameOffload &offload, qint64 tUs)
{
    const Side to = other(from);
    const FrameView view(frame);

    if (m_icmpTowards[int(to)] && view.isIpv4() && !m_impairments.isCut(direction(from))) {
        // A router that knows the host is unreachable answers instead of delivering.
        observe(from, frame, tUs, /*dropped=*/true);
        const QByteArray answer = IcmpUnreachable::build(view, kRouterIp, kRouterMac);
        if (!answer.isEmpty()) {
            observe(to, answer, monotonicNowUs(), false);
            m_ports[int(from)].send(answer);
        }
        return;
    }
    switch (m_nat.process(view, tUs)) {
    case NatTable::Verdict::Pass:
        break;
    case NatTable::Verdict::Drop:
        observe(from, frame, tUs, true);
        return;
    case NatTable::Verdict::Reset: {
        observe(from, frame, tUs, true);
        const QByteArray reset = NatTable::buildReset(view);
        if (!reset.isEmpty()) {
            observe(to, reset, monotonicNowUs(), false);
            m_ports[int(from)].send(reset);
        }
        return;
    }
    }
    const std::optional<qint64> release = m_impairments.admit(direction(from), tUs);
    // Cut or lost when there is no release time.
    observe(from, frame, tUs, !release.has_value(), view.isTcp() ? offload.segments(view.tcp().payloadLength) : 1);
    if (!release)
        return;
    auto &queue = m_queues[int(to)];
    if (*release <= tUs && queue.empty()) {
        m_ports[int(to)].send(frame, offload);
        return;
    }
    // The port's buffer is reused: copy.
    queue.push_back({*release, QByteArray(frame.constData(), frame.size()), offload});
    if (!m_release[int(to)].isActive())
        releaseDue(to);
}

void CableRelay::releaseDue(Side to)
{
    auto &queue = m_queues[int(to)];
    const qint64 now = monotonicNowUs();
    if (!queue.empty() && queue.front().releaseUs <= now)
        emit traffic();
    while (!queue.empty() && queue.front().releaseUs <= now) {
        m_ports[int(to)].send(queue.front().frame, queue.front().offload);
        queue.pop_front();
    }
    flush();
    if (!queue.empty())
        m_release[int(to)].start(int(std::max<qint64>(0, (queue.front().releaseUs - now + 999) / 1000)));
}

void CableRelay::linger()
{
    if (m_lingering)
        return;
    m_lingering = true;
    // Bounded, so that commands, timers and delayed frames wait at most kLingerTotalUs.
    const qint64 start = monotonicNowUs();
    qint64 quietSince = start;
    for (qint64 now = start; now - quietSince < kLingerQuietUs && now - start < kLingerTotalUs;
         now = monotonicNowUs()) {
        if (m_ports[0].readFrames() + m_ports[1].readFrames() > 0)
            quietSince = monotonicNowUs();
        else
            ::sched_yield(); // a host's process waiting for this core goes first
    }
    m_lingering = false;
}

void CableRelay::flush()
{
    // What one read made us send goes out in one call per port, before the frames are captured
    // and described: the cable's latency is the relaying alone, not the packet events' writing.
    for (PacketPort &port : m_ports)
        port.flush();
    for (const Seen &seen : std::as_const(m_seen))
        describe(seen);
    m_seen.clear();
    if (m_capture.isOpen() || m_capture.hasPendingError()) {
        QString error;
        if (!m_capture.flush(&error)) {
            m_capture.close();
            emit problem(error);
        } else if (m_capture.droppedFrames() != m_captureDroppedReported) {
            m_captureDroppedReported = m_capture.droppedFrames();
            emit captureTrimmed(m_captureDroppedReported, m_capture.droppedBytes());
        }
    }
}

void CableRelay::observe(Side from, const QByteArray &frame, qint64 tUs, bool dropped, int segments)
{
    m_seen.append({from, frame, tUs, dropped, segments});
}

void CableRelay::describe(const Seen &seen)
{
    const Side from = seen.from;
    const QByteArray &frame = seen.frame;
    const qint64 tUs = seen.tUs;
    const bool dropped = seen.dropped;
    if (m_capture.isOpen())
        m_capture.append(frame, tUs); // written to the file at the end of flush()
    const FrameView view(frame);
    const PacketClassifier::Classified classified = m_classifier.classifyFrame(view);
    const auto event = [&] {
        return PacketClassifier::describe(view, classified, tUs, sideHost(from), sideHost(other(from)), dropped);
    };
    const bool bulk
        = !dropped && (classified.packetClass == PacketClass::Data || classified.packetClass == PacketClass::Ack);
    if (!bulk) {
        emit packet(event());
        return;
    }
    int &tokens = m_tokens[int(from)];
    qint64 &refill = m_tokenRefillUs[int(from)];
    tokens = int(std::min<qint64>(kBurst, tokens + (tUs - refill) * kEventsPerSecond / 1000000));
    refill = tUs;
    if (tokens > 0) {
        --tokens;
        emit packet(event());
        return;
    }
    // Summed: no event built for the frame (a bulk stream's frames are most of the cable's work).
    Event &sum = m_aggregate[int(from)];
    if (sum.tUs == 0) {
        const Event e = event();
        sum = e;
        sum.what = packetClassName(PacketClass::Data);
        sum.count = 0;
        PacketFields summed;
        summed.from = sideHost(from);
        summed.to = sideHost(other(from));
        summed.aggregated = true;
        sum.detail = summed.toDetail();
        m_aggregateFrames[int(from)] = 0;
        if (!m_aggregateFlush.isActive())
            m_aggregateFlush.start();
    }
    sum.count += view.tcp().payloadLength;
    m_aggregateFrames[int(from)] += seen.segments;
}

void CableRelay::flushAggregates()
{
    for (int side = 0; side < 2; ++side) {
        Event &sum = m_aggregate[side];
        if (sum.tUs == 0)
            continue;
        PacketFields summed = PacketFields::of(sum);
        summed.frames = m_aggregateFrames[side];
        sum.detail = summed.toDetail();
        emit packet(sum);
        sum = Event{};
    }
}

core::Host sideHost(CableRelay::Side side)
{
    return side == CableRelay::Side::Client ? core::Host::Client : core::Host::Server;
}

} // namespace halfopen::lab
