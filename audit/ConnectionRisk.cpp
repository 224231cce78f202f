// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/ConnectionRisk.h"

#include "core/predict/DetectionPredictor.h"

#include <QCoreApplication>

#include <array>

namespace halfopen::audit {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionRisk)
};

// Keepalive timers to propose, from the most relaxed down: docs/recommendations.md's 60/10/3
// for long-lived connections first, shorter ones only when the threshold asks for them. The
// predictor times each with the connection's own TCP_USER_TIMEOUT and namespace.
constexpr std::array<std::array<int, 3>, 8> kCandidates = {{
    {60, 10, 3},
    {30, 5, 3},
    {20, 5, 2},
    {10, 2, 3},
    {5, 1, 3},
    {2, 1, 3},
    {1, 1, 2},
    {1, 1, 1},
}};

std::optional<double> idleSeconds(const core::PredictionInput &input)
{
    return core::DetectionPredictor(input).predict(core::DeathKind::IdlePeerPoweredOff).seconds();
}

QString secondsText(double seconds)
{
    return QString::number(seconds, 'g', 6) + QStringLiteral(" s");
}

} // namespace

QString riskName(Risk risk)
{
    switch (risk) {
    case Risk::Unknown:
        return QStringLiteral("unknown");
    case Risk::Ok:
        return QStringLiteral("ok");
    case Risk::Slow:
        return QStringLiteral("slow");
    case Risk::HalfOpenForever:
        return QStringLiteral("half-open-forever");
    }
    return QStringLiteral("unknown");
}

std::optional<Risk> riskFromName(QStringView name)
{
    for (Risk risk : {Risk::Unknown, Risk::Ok, Risk::Slow, Risk::HalfOpenForever}) {
        if (name == riskName(risk))
            return risk;
    }
    return std::nullopt;
}

QString riskTitle(Risk risk)
{
    switch (risk) {
    case Risk::Unknown:
        return Text::tr("unknown: options not readable");
    case Risk::Ok:
        return Text::tr("ok");
    case Risk::Slow:
        return Text::tr("slow to notice");
    case Risk::HalfOpenForever:
        return Text::tr("would stay half-open forever");
    }
    return {};
}

QString RiskFix::textOf(const core::KeepaliveSettings &keepalive, std::optional<int> userTimeoutMs, double seconds)
{
    QStringList parts{QStringLiteral("SO_KEEPALIVE 1"), QStringLiteral("TCP_KEEPIDLE %1").arg(keepalive.idleS),
                      QStringLiteral("TCP_KEEPINTVL %1").arg(keepalive.intervalS),
                      QStringLiteral("TCP_KEEPCNT %1").arg(keepalive.count)};
    if (userTimeoutMs)
        parts << QStringLiteral("TCP_USER_TIMEOUT %1").arg(*userTimeoutMs);
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" → ") + secondsText(seconds);
}

ConnectionRisk::ConnectionRisk(int thresholdS)
    : m_thresholdS(thresholdS)
{ }

RiskAssessment ConnectionRisk::assess(const core::PredictionInput &input) const
{
    RiskAssessment assessment;
    assessment.seconds = idleSeconds(input);
    if (!assessment.seconds)
        assessment.risk = Risk::HalfOpenForever;
    else
        assessment.risk = *assessment.seconds > m_thresholdS ? Risk::Slow : Risk::Ok;
    if (assessment.risk != Risk::Ok)
        assessment.fix = fixFor(input);
    return assessment;
}

std::optional<RiskFix> ConnectionRisk::fixFor(const core::PredictionInput &input) const
{
    // First with the connection's own TCP_USER_TIMEOUT (once a probe is out it replaces
    // TCP_KEEPCNT, so a long one delays the verdict), then with one matched to the timers.
    for (const bool ownUserTimeout : {true, false}) {
        if (!ownUserTimeout && input.userTimeoutMs == 0)
            break;
        for (const auto &[idle, interval, count] : kCandidates) {
            core::PredictionInput fixed = input;
            fixed.keepalive = {true, idle, interval, count};
            if (!ownUserTimeout)
                fixed.userTimeoutMs = (idle + interval * count) * 1000;
            const std::optional<double> seconds = idleSeconds(fixed);
            if (seconds && *seconds <= m_thresholdS) {
                RiskFix fix{fixed.keepalive, std::nullopt, *seconds, {}};
                if (!ownUserTimeout)
                    fix.userTimeoutMs = fixed.userTimeoutMs;
                fix.text = RiskFix::textOf(fix.keepalive, fix.userTimeoutMs, fix.seconds);
                return fix;
            }
        }
    }
    return std::nullopt;
}

} // namespace halfopen::audit
