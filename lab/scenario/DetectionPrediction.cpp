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

} // namespace

PredictionInput DetectionPrediction::inputFor(const LabConfig &lab, const QString &host)
{
    const HostConfig &h = host == QLatin1String("server") ? lab.server : lab.client;
    PredictionInput in;
    in.keepalive = h.endpoint.options.keepalive;
    in.userTimeoutMs = h.endpoint.options.userTimeoutMs;
    in.retries2 = sysctl(h, "net.ipv4.tcp_retries2", in.retries2);
    in.synRetries = sysctl(h, "net.ipv4.tcp_syn_retries", in.synRetries);
    in.heartbeat.enabled = h.endpoint.heartbeat.enabled;
    in.heartbeat.intervalMs = h.endpoint.heartbeat.intervalMs;
    in.heartbeat.misses = h.endpoint.heartbeat.misses;
    in.rttMs = std::min(PredictionInput::kMaxRttMs, std::max(in.rttMs, 2 * lab.cable.delayMs));
    return in;
}

std::optional<Prediction> DetectionPrediction::forDetection(const LabConfig &lab, const Detection &d)
{
    const PredictionInput input = inputFor(lab, d.host);
    if (!input.validate().isEmpty())
        return std::nullopt;
    const DetectionPredictor predictor(input);
    const bool connecting = d.operation == QLatin1String("connect");
    const bool killed = d.faultName == QLatin1String("kill-process");

    std::optional<Prediction> p;
    switch (d.mechanism) {
    case DetectionMechanism::Keepalive:
        p = predictor.keepalive(DeathKind::IdlePeerPoweredOff);
        break;
    case DetectionMechanism::RetransmissionTimeout:
    case DetectionMechanism::UserTimeout:
        p = predictor.retransmissions(DeathKind::PeerUnpluggedDataInFlight);
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
        // A killed process's kernel resets at once; otherwise the RST answers our segment.
        p = predictor.predict(killed && !connecting ? DeathKind::PeerProcessKilled : DeathKind::PeerRebooted);
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
