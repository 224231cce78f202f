// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/DeathKind.h"
#include "core/tcp/TcpInfoSample.h"

#include <QByteArray>

#include <array>
#include <optional>

namespace halfopen::exporter {

// How long a dead peer would go unnoticed on a connection, as the audit judges it.
enum class Risk : quint8 {
    NotAssessed, // no connection to judge: listening, TIME_WAIT
    Unknown,     // a connection whose options could be neither read nor deduced
    Ok,
    Slow,            // noticed, but later than the threshold (300 s by default)
    HalfOpenForever, // an idle connection would never notice a powered-off peer
};
QByteArray riskName(Risk risk); // "unknown", "ok", "slow", "half-open-forever", "" for NotAssessed

// One socket of the watched namespace as the exporter needs it: what the audit found (process,
// options and where they were read, predictions, risk, fix) and the kernel's own view of it.
// Strings are UTF-8, ready to become label values.
struct ConnectionReport
{
    static constexpr int kDeathKinds = core::kDeathKindCount;

    QByteArray local; // "198.18.0.1:40000", "[::1]:22"
    QByteArray remote;
    QByteArray process; // command name of the (first) holder; "" when none was found
    quint64 cookie = 0; // the kernel's socket cookie: the connection's identity across scans
    core::TcpInfoSample sample;
    bool hasTcpInfo = false;

    QByteArray optionsSource; // "socket", "timer", "unknown"
    std::optional<bool> keepaliveEnabled;
    std::optional<int> keepaliveIdleS;
    std::optional<int> keepaliveIntervalS;
    std::optional<int> keepaliveCount;
    std::optional<int> userTimeoutMs;

    Risk risk = Risk::NotAssessed;
    QByteArray fix; // the setting that would bring it under the threshold; "" when ok
    // The idle powered-off peer's predicted detection, as the risk was judged (nullopt: never);
    // meaningful when the risk is ok, slow or half-open-forever.
    std::optional<double> idleDetectionSeconds;

    // The predictor's answers: filled only for the connections that get series of their own
    // (ConnectionSource::complete), the predictor being the costly part of a scan. `sourceIndex`
    // lets the source find what it knows about the connection (its prediction input).
    int sourceIndex = -1;
    bool predicted = false;
    // Seconds from the prediction's reference point per core::DeathKind (the enum's order);
    // nullopt: never noticed.
    std::array<std::optional<double>, kDeathKinds> predictedSeconds{};

    // A peer that looks dead now: data unacknowledged with the RTO backed off 3 times or more,
    // or keepalive probes sent and unanswered.
    bool suspectedDeadPeer() const;
    // Seconds since the last packet was received (data or ACK: what keepalive counts from).
    std::optional<double> secondsSinceLastReceived() const;
};

} // namespace halfopen::exporter
