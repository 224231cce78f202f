#include "lab/scenario/DetectionFinder.h"

#include "lab/scenario/CableCuts.h"
#include "lab/scenario/CablePacket.h"


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

bool isLabHost(const QString &host)
{
    return host == QLatin1String("client") || host == QLatin1String("server");
}

} // namespace

DetectionFinder::DetectionFinder(const QList<Event> &events, qint64 endUs)
{
    for (const Event &e : events) {
        if (e.tUs > endUs)
            break;
        switch (e.kind) {
        case EventKind::Fault:
            m_faults.append({e.tUs, e.what, e.host});
            m_softSinceFault.clear();
            break;
        case EventKind::Error:
            if (isLabHost(e.host))
                addError(e);
            break;
        case EventKind::Heartbeat:
            if (isLabHost(e.host) && e.what == QLatin1String("dead"))
                addHeartbeatDeath(e);
            break;
        default:
            break;
        }
    }
    fillReferences(events, endUs);
}

void DetectionFinder::addError(const Event &e)
{
    const bool eof = e.mechanism == DetectionMechanism::Fin && e.errnoValue == 0;
    const bool fatal = eof || e.detail.value(QStringLiteral("fatal")).toBool(true);
    if (!fatal) {
        // A soft error repeats with every ICMP answer: the first one tells the story.
        if (e.mechanism == DetectionMechanism::LocalError)
            return;
        const QString key = QStringLiteral("%1|%2").arg(e.host).arg(e.errnoValue);
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
    d.operation = e.detail.value(QStringLiteral("operation")).toString(e.what);
    d.detectedUs = e.tUs;
    const QJsonValue since = e.detail.value(QStringLiteral("since_last_received_ms"));
    if (since.isDouble())
        d.lastReceivedUs = e.tUs - qRound64(since.toDouble() * 1000);
    // Without a capture (real network) the endpoint's own tcp_info tracking; a capture wins.
    const QJsonValue sinceSend = e.detail.value(QStringLiteral("since_first_unacked_send_ms"));
    if (sinceSend.isDouble())
        d.firstUnackedSendUs = e.tUs - qRound64(sinceSend.toDouble() * 1000);
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
    d.operation = QStringLiteral("heartbeat");
    d.detectedUs = e.tUs;
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

void DetectionFinder::fillReferences(const QList<Event> &events, qint64 endUs)
{
    for (Detection &d : m_detections) {
        const FaultRecord *marker = nullptr;
        for (const FaultRecord &f : m_faults) {
            if (f.tUs > d.detectedUs)
                break;
            d.faultUs = f.tUs;
            d.faultName = f.fault;
            d.faultHost = f.host;
            if (f.fault == QLatin1String("marker"))
                marker = &f;
        }
        // A manual marker is the user's word for when the world broke (a real cable pulled):
        // what they pressed after it (Send now, to start retransmissions) does not move it.
        if (marker) {
            d.faultUs = marker->tUs;
            d.faultName = marker->fault;
            d.faultHost = marker->host;
        }
        // What the peer acknowledged, per flow as this host sees it: the highest ACK number,
        // and when it last sent anything that acknowledges (for streams without sequence
        // numbers).
        QHash<QString, quint32> highestAck;
        QHash<QString, qint64> lastAckAt;
        std::optional<qint64> lastReceived;
        CableCuts cuts;
        for (const Event &e : events) {
            if (e.tUs > d.detectedUs || e.tUs > endUs)
                break;
            cuts.feed(e);
            if (e.kind != EventKind::Packet || CablePacket::receiver(e) != d.host || !CablePacket::acknowledges(e)
                || !sameConnection(d, e.remote, e.local) || !CablePacket::delivered(e, cuts))
                continue;
            lastReceived = e.tUs;
            const QString flow = CablePacket::flowFromReceiver(e);
            lastAckAt.insert(flow, e.tUs);
            if (const auto ack = CablePacket::ackNumber(e)) {
                const auto known = highestAck.constFind(flow);
                if (known == highestAck.constEnd() || qint32(*ack - *known) > 0)
                    highestAck.insert(flow, *ack);
            }
        }
        if (!d.lastReceivedUs)
            d.lastReceivedUs = lastReceived;
        for (const Event &e : events) {
            if (e.tUs > d.detectedUs || e.tUs > endUs)
                break;
            if (e.kind != EventKind::Packet || CablePacket::sender(e) != d.host || !CablePacket::needsAck(e)
                || !sameConnection(d, e.local, e.remote))
                continue;
            const QString flow = CablePacket::flowFromSender(e);
            const auto end = CablePacket::sequenceEnd(e);
            const auto ack = highestAck.constFind(flow);
            const bool acknowledged = end ? ack != highestAck.constEnd() && qint32(*ack - *end) >= 0
                                          : lastAckAt.value(flow, std::numeric_limits<qint64>::min()) > e.tUs;
            if (!acknowledged) {
                d.firstUnackedSendUs = e.tUs;
                break;
            }
        }
        // The RTT the kernel measured before the fault (before the detection without one).
        const qint64 rttUntilUs = d.faultUs.value_or(d.detectedUs);
        for (const Event &e : events) {
            if (e.tUs > rttUntilUs)
                break;
            if (e.kind == EventKind::Sample && e.host == d.host && e.sample && e.sample->rttUs > 0
                && (d.local.isEmpty() || (e.local == d.local && e.remote == d.remote)))
                d.rttMs = e.sample->rttUs / 1000.0;
        }
        // What the host sent last (an RST answers it), and its retransmissions since the first
        // unacknowledged send.
        for (const Event &e : events) {
            if (e.tUs > d.detectedUs || e.tUs > endUs)
                break;
            if (e.kind != EventKind::Packet || CablePacket::sender(e) != d.host || !sameConnection(d, e.local, e.remote))
                continue;
            if (e.what == QLatin1String("ack") || e.what == QLatin1String("rst"))
                continue; // pure ACKs answer the peer; they draw nothing
            d.answeredPacket = e.what;
            if (e.what == QLatin1String("retransmission") && d.firstUnackedSendUs && e.tUs >= *d.firstUnackedSendUs)
                ++d.retransmissionsBefore;
        }
    }
}

} // namespace halfopen::lab
