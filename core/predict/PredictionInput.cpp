// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/PredictionInput.h"

#include "core/tcp/JsonFields.h"

#include <QCoreApplication>

#include <string_view>

namespace halfopen::core {

namespace {

// In the words every settings reader uses (JsonFields): "tcp_retries2: must be a whole number
// from 0 to 255 retransmissions, not 300".
SettingError rangeError(const char *field, const char *what, qint64 minimum, qint64 maximum, const char *unit,
                        double value)
{
    const QString shown = QLatin1Char(' ') + QCoreApplication::translate("PredictionInput", unit);
    const QString given = QString::number(value, 'g', 12);
    return {QString::fromLatin1(field),
            JsonFields::problem(QCoreApplication::translate("PredictionInput", what),
                                std::string_view(field) == "rtt" // the one that takes fractions
                                    ? JsonFields::numberRule(double(minimum), double(maximum), given, shown)
                                    : JsonFields::wholeNumberRule(minimum, maximum, given, shown))};
}

} // namespace

QList<SettingError> PredictionInput::validate() const
{
    QList<SettingError> errors = keepalive.validate();
    if (userTimeoutMs < 0) // the upper end is the int's
        errors.append(rangeError(
            "user timeout", QT_TRANSLATE_NOOP("PredictionInput", "user timeout (TCP_USER_TIMEOUT)"), 0,
            SocketOptions::kMaxUserTimeoutMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"), double(userTimeoutMs)));
    if (retries2 < 0 || retries2 > kMaxRetries2)
        errors.append(rangeError("retries2", QT_TRANSLATE_NOOP("PredictionInput", "tcp_retries2"), 0, kMaxRetries2,
                                 QT_TRANSLATE_NOOP("PredictionInput", "retransmissions"), double(retries2)));
    if (synRetries < kMinSynRetries || synRetries > kMaxSynRetries)
        errors.append(rangeError("syn retries", QT_TRANSLATE_NOOP("PredictionInput", "tcp_syn_retries"), kMinSynRetries,
                                 kMaxSynRetries, QT_TRANSLATE_NOOP("PredictionInput", "retransmissions"),
                                 double(synRetries)));
    if (synLinearTimeouts < 0 || synLinearTimeouts > kMaxSynLinearTimeouts)
        errors.append(rangeError("syn linear timeouts", QT_TRANSLATE_NOOP("PredictionInput", "tcp_syn_linear_timeouts"),
                                 0, kMaxSynLinearTimeouts, QT_TRANSLATE_NOOP("PredictionInput", "retransmissions"),
                                 double(synLinearTimeouts)));
    if (heartbeat.enabled && (heartbeat.intervalMs < 1 || heartbeat.intervalMs > kMaxHeartbeatIntervalMs))
        errors.append(rangeError("heartbeat interval", QT_TRANSLATE_NOOP("PredictionInput", "heartbeat interval"), 1,
                                 kMaxHeartbeatIntervalMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"),
                                 double(heartbeat.intervalMs)));
    if (heartbeat.enabled && (heartbeat.misses < 1 || heartbeat.misses > kMaxHeartbeatMisses))
        errors.append(rangeError("heartbeat misses", QT_TRANSLATE_NOOP("PredictionInput", "heartbeat misses"), 1,
                                 kMaxHeartbeatMisses, QT_TRANSLATE_NOOP("PredictionInput", "missed answers"),
                                 double(heartbeat.misses)));
    if (!(rttMs >= 0 && rttMs <= kMaxRttMs)) // also rejects NaN
        errors.append(rangeError("rtt", QT_TRANSLATE_NOOP("PredictionInput", "round-trip time"), 0, qint64(kMaxRttMs),
                                 QT_TRANSLATE_NOOP("PredictionInput", "ms"), double(rttMs)));
    if (rtoMaxMs < kMinRtoMaxMs || rtoMaxMs > kMaxRtoMaxMs)
        errors.append(rangeError("rto max", QT_TRANSLATE_NOOP("PredictionInput", "RTO max (tcp_rto_max_ms)"),
                                 kMinRtoMaxMs, kMaxRtoMaxMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"),
                                 double(rtoMaxMs)));
    // The kernel takes any positive minimum; above the maximum it would make no sense.
    if (rtoMinMs < 1 || rtoMinMs > rtoMaxMs)
        errors.append(rangeError("rto min", QT_TRANSLATE_NOOP("PredictionInput", "RTO min (tcp_rto_min)"), 1,
                                 qMax(1, rtoMaxMs), QT_TRANSLATE_NOOP("PredictionInput", "ms"), double(rtoMinMs)));
    if (neighbour.dynamic) {
        const NeighbourTimers &n = neighbour.timers;
        if (n.baseReachableTimeMs < 1 || n.baseReachableTimeMs > kMaxNeighbourTimeMs)
            errors.append(rangeError(
                "base reachable time", QT_TRANSLATE_NOOP("PredictionInput", "neighbour base_reachable_time_ms"), 1,
                kMaxNeighbourTimeMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"), double(n.baseReachableTimeMs)));
        if (n.delayFirstProbeMs < 0 || n.delayFirstProbeMs > kMaxNeighbourTimeMs)
            errors.append(rangeError(
                "delay first probe", QT_TRANSLATE_NOOP("PredictionInput", "neighbour delay_first_probe_time"), 0,
                kMaxNeighbourTimeMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"), double(n.delayFirstProbeMs)));
        if (n.retransTimeMs < 10 || n.retransTimeMs > kMaxNeighbourTimeMs)
            errors.append(rangeError("retrans time", QT_TRANSLATE_NOOP("PredictionInput", "neighbour retrans_time_ms"),
                                     10, kMaxNeighbourTimeMs, QT_TRANSLATE_NOOP("PredictionInput", "ms"),
                                     double(n.retransTimeMs)));
        if (n.ucastSolicit < 0 || n.ucastSolicit > kMaxSolicit)
            errors.append(rangeError("ucast solicit", QT_TRANSLATE_NOOP("PredictionInput", "neighbour ucast_solicit"),
                                     0, kMaxSolicit, QT_TRANSLATE_NOOP("PredictionInput", "probes"),
                                     double(n.ucastSolicit)));
        if (n.mcastSolicit < 0 || n.mcastSolicit > kMaxSolicit)
            errors.append(rangeError("mcast solicit", QT_TRANSLATE_NOOP("PredictionInput", "neighbour mcast_solicit"),
                                     0, kMaxSolicit, QT_TRANSLATE_NOOP("PredictionInput", "probes"),
                                     double(n.mcastSolicit)));
    }
    if (application.protocol != Application::Protocol::None
        && application.protocol != Application::Protocol::MqttNoConnect
        && (application.keepaliveS < 1 || application.keepaliveS > kMaxApplicationKeepaliveS))
        errors.append(rangeError("app keepalive", QT_TRANSLATE_NOOP("PredictionInput", "application keepalive"), 1,
                                 kMaxApplicationKeepaliveS, QT_TRANSLATE_NOOP("PredictionInput", "s"),
                                 double(application.keepaliveS)));
    if (application.protocol == Application::Protocol::Grpc
        && (application.timeoutS < 1 || application.timeoutS > kMaxApplicationKeepaliveS))
        errors.append(rangeError("app timeout", QT_TRANSLATE_NOOP("PredictionInput", "application keepalive timeout"),
                                 1, kMaxApplicationKeepaliveS, QT_TRANSLATE_NOOP("PredictionInput", "s"),
                                 double(application.timeoutS)));
    if (hz != 100 && hz != 250 && hz != 300 && hz != 1000)
        errors.append(
            {QStringLiteral("hz"), QCoreApplication::translate("PredictionInput", "HZ must be 100, 250, 300 or 1000")});
    return errors;
}

} // namespace halfopen::core
