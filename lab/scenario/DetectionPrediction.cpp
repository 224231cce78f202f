// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/DetectionPrediction.h"

#include "core/predict/DetectionPredictor.h"

#include <algorithm>

namespace halfopen::lab {

using core::DeathKind;
using core::DetectionMechanism;
using core::DetectionPredictor;
using core::Prediction;
using core::PredictionInput;

namespace {

int sysctl(const HostConfig &host, const char *name, int fallback)
{
    bool ok = false;
    const int value = host.sysctls.value(QLatin1String(name)).toInt(&ok);
    return ok ? value : fallback;
}

std::optional<qint64> measuredFromSend(const Detection &d)
{
    if (!d.firstUnackedSendUs)
        return std::nullopt;
    return d.detectedUs - *d.firstUnackedSendUs;
}

} // namespace

PredictionInput DetectionPrediction::inputFor(const LabConfig &lab, core::Host host)
{
    const HostConfig &h = host == core::Host::Server ? lab.server : lab.client;
    PredictionInput in;
    in.keepalive = h.endpoint.options.keepalive;
    in.userTimeoutMs = h.endpoint.options.userTimeoutMs;
    in.retries2 = sysctl(h, "net.ipv4.tcp_retries2", in.retries2);
    in.synRetries = sysctl(h, "net.ipv4.tcp_syn_retries", in.synRetries);
    in.heartbeat.enabled = h.endpoint.heartbeat.enabled;
    in.heartbeat.intervalMs = h.endpoint.heartbeat.intervalMs;
    in.heartbeat.misses = h.endpoint.heartbeat.misses;
    in.rttMs = std::min(PredictionInput::kMaxRttMs, std::max(in.rttMs, 2 * lab.cable.delayMs));
    in.recvErr = h.endpoint.options.recvErr;
    in.neighbour.dynamic = lab.cable.arp;
    core::NeighbourTimers &n = in.neighbour.timers;
    n.baseReachableTimeMs = sysctl(h, "net.ipv4.neigh.eth0.base_reachable_time_ms", n.baseReachableTimeMs);
    n.delayFirstProbeMs = sysctl(h, "net.ipv4.neigh.eth0.delay_first_probe_time", n.delayFirstProbeMs / 1000) * 1000;
    n.ucastSolicit = sysctl(h, "net.ipv4.neigh.eth0.ucast_solicit", n.ucastSolicit);
    n.mcastSolicit = sysctl(h, "net.ipv4.neigh.eth0.mcast_solicit", n.mcastSolicit);
    n.retransTimeMs = sysctl(h, "net.ipv4.neigh.eth0.retrans_time_ms", n.retransTimeMs);
    return in;
}

std::optional<Prediction> DetectionPrediction::forDetection(const LabConfig &lab, const Detection &d)
{
    PredictionInput input = inputFor(lab, d.host);
    // The connection's own RTT when the kernel measured one: the first RTO is RTT + RTO min.
    if (d.rttMs && *d.rttMs > input.rttMs && *d.rttMs <= PredictionInput::kMaxRttMs)
        input.rttMs = *d.rttMs;
    if (!input.validate().isEmpty())
        return std::nullopt;
    const DetectionPredictor predictor(input);
    const bool connecting = d.operation == core::SocketOperation::Connect;
    const bool killed = d.faultName == QLatin1String("kill-process");

    std::optional<Prediction> p;
    switch (d.mechanism) {
    case DetectionMechanism::Keepalive:
        p = predictor.keepalive(DeathKind::IdlePeerPoweredOff);
        break;
    case DetectionMechanism::RetransmissionTimeout:
    case DetectionMechanism::UserTimeout:
        // With dynamic ARP: the path that ends in ETIMEDOUT (the entry never failed in time).
        p = predictor.retransmissionsEndingWith(DeathKind::PeerUnpluggedDataInFlight, d.errnoValue,
                                                measuredFromSend(d));
        break;
    case DetectionMechanism::NeighbourUnreachable:
        if (connecting)
            p = predictor.connectTimeout();
        else if (d.fatal)
            p = predictor.retransmissionsEndingWith(DeathKind::PeerUnpluggedDataInFlight, d.errnoValue,
                                                    measuredFromSend(d));
        else // IP_RECVERR: reported when the neighbour fails, the connection lives on
            p = predictor.neighbourSoftError(DeathKind::PeerUnpluggedDataInFlight, measuredFromSend(d));
        break;
    case DetectionMechanism::SynTimeout:
        p = predictor.connectTimeout();
        break;
    case DetectionMechanism::Heartbeat:
        p = predictor.heartbeat(d.faultName == QLatin1String("freeze-process") ? DeathKind::PeerProcessFrozen
                                                                               : DeathKind::IdlePeerPoweredOff);
        break;
    case DetectionMechanism::Fin:
        p = predictor.predict(DeathKind::PeerProcessKilled);
        break;
    case DetectionMechanism::Rst:
        // A killed process's kernel resets at once; otherwise the RST answers what we sent last:
        // a keepalive probe, a retransmission, or fresh data.
        if (killed && !connecting)
            p = predictor.predict(DeathKind::PeerProcessKilled);
        else if (d.answeredPacket == QLatin1String("keepalive-probe"))
            p = predictor.rstAnsweringKeepaliveProbe();
        else if ((d.answeredPacket == QLatin1String("retransmission")
                  || d.answeredPacket == QLatin1String("tail-loss-probe"))
                 && d.retransmissionsBefore > 0)
            p = predictor.rstAnsweringRetransmission(d.retransmissionsBefore);
        else
            p = predictor.predict(DeathKind::PeerRebooted);
        break;
    case DetectionMechanism::Icmp:
        // Established, the ICMP error waits as a soft error until the retransmissions run out.
        if (d.fatal && !connecting)
            p = predictor.retransmissions(DeathKind::PeerUnpluggedDataInFlight);
        break;
    default:
        break;
    }
    if (p && p->isNever())
        return std::nullopt;
    return p;
}

} // namespace halfopen::lab
