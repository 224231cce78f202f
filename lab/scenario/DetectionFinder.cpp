// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/DetectionFinder.h"

#include "core/session/ErrorFields.h"
#include "lab/LabWorld.h"
#include "lab/scenario/CablePacket.h"

#include "core/tcp/JsonNumber.h"

#include <QHash>

#include <cerrno>
#include <limits>

namespace halfopen::lab {

using core::DetectionMechanism;
using core::Event;
using core::EventKind;

namespace {

// The endpoint reports a heartbeat death twice (heartbeat "dead", then the error it closes
// with); both within this window are one detection.
constexpr qint64 kHeartbeatMergeUs = 1000000;

using core::isLabSide;

} // namespace

DetectionFinder::DetectionFinder(const QList<Event> &events, qint64 endUs)
{
    for (const Event &e : events) {
        if (e.tUs > endUs)
            break;
        feed(e);
    }
}

void DetectionFinder::feed(const Event &e)
{
    switch (e.kind) {
    case EventKind::Fault:
        m_world.apply(e);
        if (e.is(core::FaultKind::Marker))
            m_lastMarker = m_faults.size();
        m_faults.append({e.tUs, e.what, e.host});
        m_rttAtFault.append(m_rtt);
        m_softSinceFault.clear();
        break;
    case EventKind::Packet:
        feedPacket(e);
        break;
    case EventKind::Sample:
        // The RTT the kernel measured, per connection; a detection takes it as it was at its fault.
        if (e.sample && e.sample->rttUs > 0 && isLabSide(e.host)) {
            RttSeen &seen = m_rtt[e.host];
            seen.latestMs = e.sample->rttUs / 1000.0;
            seen.byConnection.insert(e.local + QLatin1Char('|') + e.remote, *seen.latestMs);
        }
        break;
    case EventKind::Error:
        if (isLabSide(e.host))
            addError(e);
        break;
    case EventKind::Heartbeat:
        if (isLabSide(e.host) && e.is(core::HeartbeatPhase::Dead))
            addHeartbeatDeath(e);
        break;
    default:
        break;
    }
}

void DetectionFinder::addError(const Event &e)
{
    const bool eof = e.mechanism == DetectionMechanism::Fin && e.errnoValue == 0;
    const core::ErrorFields fields = core::ErrorFields::of(e);
    const bool fatal = eof || fields.isFatal();
    if (!fatal) {
        // A soft error repeats with every ICMP answer: the first one tells the story.
        if (e.mechanism == DetectionMechanism::LocalError)
            return;
        const std::pair key(int(e.host), e.errnoValue);
        if (m_softSinceFault.contains(key))
            return;
        m_softSinceFault.insert(key);
    }
    if (e.mechanism == DetectionMechanism::Heartbeat && mergeHeartbeat(e))
        return;
    Detection d;
    d.host = e.host;
    d.local = e.local;
    d.remote = e.remote;
    d.errnoValue = e.errnoValue;
    d.mechanism = e.mechanism;
    d.fatal = fatal;
    // An older recording's error said it by its `what` alone.
    d.operation = fields.operation != core::SocketOperation::None
        ? fields.operation
        : core::socketOperationFromName(e.what).value_or(core::SocketOperation::None);
    d.detectedUs = e.tUs;
    const std::optional<double> since = fields.sinceLastReceivedMs;
    if (since && *since >= 0) // a negative age is nonsense, not a time
        d.lastReceivedUs = e.tUs - core::roundedInRange<qint64>(*since, 1000);
    // Without a capture (real network) the endpoint's own tcp_info tracking; a capture wins.
    const std::optional<double> sinceSend = fields.sinceFirstUnackedSendMs;
    if (sinceSend && *sinceSend >= 0)
        d.firstUnackedSendUs = e.tUs - core::roundedInRange<qint64>(*sinceSend, 1000);
    fillReferences(&d);
    m_detections.append(d);
}

void DetectionFinder::addHeartbeatDeath(const Event &e)
{
    if (mergeHeartbeat(e))
        return;
    Detection d;
    d.host = e.host;
    d.local = e.local;
    d.remote = e.remote;
    d.errnoValue = ETIMEDOUT; // what the endpoint closes with on a heartbeat death
    d.mechanism = DetectionMechanism::Heartbeat;
    d.operation = core::SocketOperation::Heartbeat;
    d.detectedUs = e.tUs;
    fillReferences(&d);
    m_detections.append(d);
}

bool DetectionFinder::mergeHeartbeat(const Event &e)
{
    for (auto it = m_detections.rbegin(); it != m_detections.rend(); ++it) {
        if (it->host != e.host || it->mechanism != DetectionMechanism::Heartbeat)
            continue;
        if (e.tUs - it->detectedUs > kHeartbeatMergeUs)
            return false;
        if (e.kind == EventKind::Error && e.errnoValue != 0)
            it->errnoValue = e.errnoValue;
        return true;
    }
    return false;
}

namespace {

// Is this packet part of the detection's connection? A connect that failed has no local
// address: any flow towards the same peer address then.
bool sameConnection(const Detection &d, const QString &senderAddress, const QString &receiverAddress)
{
    if (!d.local.isEmpty())
        return senderAddress == d.local && receiverAddress == d.remote;
    return d.remote.isEmpty() || receiverAddress == d.remote;
}

} // namespace

bool DetectionFinder::Flow::covers(const Send &send) const
{
    if (send.end)
        return highestAck && qint32(*highestAck - *send.end) >= 0;
    return lastAckAt > send.tUs;
}

void DetectionFinder::Flow::dropCovered()
{
    // What is covered stays covered (the highest ACK and the last ACK's time only grow), so the
    // front is dropped for good and the first segment still waiting is always at the front.
    while (!unacked.empty() && covers(unacked.front()))
        unacked.pop_front();
}

DetectionFinder::Flow &DetectionFinder::flow(core::Host host, const QString &key, const QString &local,
                                             const QString &remote)
{
    auto &flows = m_flows[host];
    auto it = flows.find(key);
    if (it == flows.end()) {
        it = flows.insert(key, Flow());
        it->local = local;
        it->remote = remote;
    }
    return *it;
}

void DetectionFinder::feedPacket(const Event &e)
{
    // What the peer acknowledged, per flow as the receiving host sees it: the highest ACK
    // number, and when it last sent anything that acknowledges (for frames without sequence
    // numbers).
    const core::PacketFields fields = core::PacketFields::of(e);
    const core::Host receiver = CablePacket::receiver(e, fields);
    if (isLabSide(receiver) && CablePacket::acknowledges(e) && CablePacket::delivered(e, fields, m_world)) {
        Flow &f = flow(receiver, CablePacket::flowFromReceiver(e), e.remote, e.local);
        f.lastReceivedUs = e.tUs;
        f.lastAckAt = e.tUs;
        if (const auto ack = CablePacket::ackNumber(fields)) {
            if (!f.highestAck || qint32(*ack - *f.highestAck) > 0)
                f.highestAck = *ack;
        }
        f.dropCovered();
    }
    const core::Host sender = CablePacket::sender(e, fields);
    if (!isLabSide(sender))
        return;
    // What the host sent last (an RST answers it); pure ACKs answer the peer and draw nothing.
    const bool answers = e.is(core::PacketClass::Ack) || e.is(core::PacketClass::Rst);
    if (CablePacket::needsAck(e) || !answers) {
        Flow &f = flow(sender, CablePacket::flowFromSender(e), e.local, e.remote);
        if (!answers) {
            f.lastSentUs = e.tUs;
            f.lastSentClass = e.what;
        }
        if (CablePacket::needsAck(e)) {
            // A tail-loss probe is on the wire like a retransmission (the predictor counts both).
            const bool resent = e.is(core::PacketClass::Retransmission) || e.is(core::PacketClass::TailLossProbe);
            f.unacked.push_back({e.tUs, CablePacket::sequenceEnd(e, fields), resent});
            f.dropCovered();
        }
    }
}

void DetectionFinder::fillReferences(Detection *d) const
{
    for (const FaultRecord &f : m_faults) {
        d->faultUs = f.tUs;
        d->faultName = f.fault;
        d->faultHost = f.host;
    }
    // A manual marker is the user's word for when the world broke (a real cable pulled):
    // what they pressed after it (Send now, to start retransmissions) does not move it.
    if (m_lastMarker) {
        const FaultRecord &marker = m_faults.at(*m_lastMarker);
        d->faultUs = marker.tUs;
        d->faultName = marker.fault;
        d->faultHost = marker.host;
    }
    // The RTT the kernel measured before the fault (before the detection without one).
    const qsizetype faultIndex = m_lastMarker ? *m_lastMarker : m_faults.size() - 1;
    const QHash<core::Host, RttSeen> &rtts = faultIndex >= 0 ? m_rttAtFault.at(faultIndex) : m_rtt;
    if (const auto seen = rtts.constFind(d->host); seen != rtts.constEnd()) {
        if (d->local.isEmpty())
            d->rttMs = seen->latestMs;
        else if (const auto rtt = seen->byConnection.constFind(d->local + QLatin1Char('|') + d->remote);
                 rtt != seen->byConnection.constEnd())
            d->rttMs = *rtt;
    }
    std::optional<qint64> lastReceived;
    std::optional<qint64> firstUnacked;
    std::optional<qint64> lastSent;
    const auto flows = m_flows.constFind(d->host);
    if (flows == m_flows.constEnd())
        return;
    for (const Flow &f : *flows) {
        if (!sameConnection(*d, f.local, f.remote))
            continue;
        if (f.lastReceivedUs && (!lastReceived || *f.lastReceivedUs > *lastReceived))
            lastReceived = f.lastReceivedUs;
        if (!f.unacked.empty() && (!firstUnacked || f.unacked.front().tUs < *firstUnacked))
            firstUnacked = f.unacked.front().tUs;
        if (f.lastSentUs && (!lastSent || *f.lastSentUs > *lastSent)) {
            lastSent = f.lastSentUs;
            d->answeredPacket = f.lastSentClass;
        }
    }
    if (!d->lastReceivedUs)
        d->lastReceivedUs = lastReceived;
    // Without a capture (real network) the endpoint's own tcp_info tracking stays; a capture wins.
    if (firstUnacked)
        d->firstUnackedSendUs = firstUnacked;
    // Its retransmissions since the first unacknowledged send: all still waiting from there on.
    if (d->firstUnackedSendUs) {
        for (const Flow &f : *flows) {
            if (!sameConnection(*d, f.local, f.remote))
                continue;
            for (const Send &send : f.unacked) {
                if (send.retransmission && send.tUs >= *d->firstUnackedSendUs)
                    ++d->retransmissionsBefore;
            }
        }
    }
}

} // namespace halfopen::lab
