// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/Prediction.h"
#include "core/predict/PredictionInput.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace halfopen::audit {

// How exposed a connection is to staying half-open: judged on the half-open case itself, an
// idle connection whose peer lost power (nothing is in flight, so only keepalive, or with it
// TCP_USER_TIMEOUT, can notice). Ordered: a larger value is worse.
enum class Risk : quint8 {
    Unknown,         // the connection's options could not be read nor deduced
    Ok,              // noticed within the threshold
    Slow,            // noticed, but later than the threshold (the kernel's default 2 h 11 min)
    HalfOpenForever, // never noticed: no keepalive
};

// "unknown", "ok", "slow", "half-open-forever": stable names for JSON and --fail-on.
QString riskName(Risk risk);
std::optional<Risk> riskFromName(QStringView name);
// Translated words for the window: "would stay half-open forever".
QString riskTitle(Risk risk);

// The smallest change to the connection's own socket options that brings the idle powered-off
// peer's detection under the threshold, with the predictor's time for it.
struct RiskFix
{
    core::KeepaliveSettings keepalive; // enabled, with the three timers to set
    std::optional<int> userTimeoutMs;  // set only when the connection's own one is too long
    double seconds = 0;                // predicted detection with the fix
    // "SO_KEEPALIVE 1, TCP_KEEPIDLE 60, TCP_KEEPINTVL 10, TCP_KEEPCNT 3 → 90 s"
    QString text;

    static QString textOf(const core::KeepaliveSettings &keepalive, std::optional<int> userTimeoutMs, double seconds);
};

struct RiskAssessment
{
    Risk risk = Risk::Unknown;
    std::optional<double> seconds; // the idle powered-off peer's predicted detection; nullopt: never
    std::optional<RiskFix> fix;    // for slow and half-open-forever, when one exists
};

// Judges a connection from the prediction input its options and namespace give.
class ConnectionRisk
{
public:
    static constexpr int kDefaultThresholdS = 300;
    static constexpr int kMaxThresholdS = 7 * 24 * 3600;

    explicit ConnectionRisk(int thresholdS = kDefaultThresholdS);
    int thresholdS() const { return m_thresholdS; }

    RiskAssessment assess(const core::PredictionInput &input) const;

private:
    std::optional<RiskFix> fixFor(const core::PredictionInput &input) const;
    int m_thresholdS;
};

} // namespace halfopen::audit
