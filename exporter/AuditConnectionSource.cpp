// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/AuditConnectionSource.h"

#include "core/predict/DetectionPredictor.h"

namespace halfopen::exporter {

using core::TcpState;

namespace {

Risk riskOf(audit::Risk risk)
{
    switch (risk) {
    case audit::Risk::Ok:
        return Risk::Ok;
    case audit::Risk::Slow:
        return Risk::Slow;
    case audit::Risk::HalfOpenForever:
        return Risk::HalfOpenForever;
    case audit::Risk::Unknown:
        break;
    }
    return Risk::Unknown;
}

QByteArray sourceName(audit::OptionsSource source)
{
    switch (source) {
    case audit::OptionsSource::Socket:
        return QByteArrayLiteral("socket");
    case audit::OptionsSource::Timer:
        return QByteArrayLiteral("timer");
    case audit::OptionsSource::Unknown:
        break;
    }
    return QByteArrayLiteral("unknown");
}

// Prediction inputs differ by RTT from one connection to the next; past this many the cache
// starts again rather than grow with every connection ever seen.
constexpr qsizetype kMaxCachedPredictions = 20000;

} // namespace

AuditConnectionSource::AuditConnectionSource(const Options &options)
    : m_options(options)
    , m_audit(options.riskThresholdS)
{ }

bool AuditConnectionSource::open(QString *error)
{
    if (!m_audit.open(m_options.netnsPath)) {
        *error = m_audit.errorString();
        return false;
    }
    if (!m_options.netnsPath.isEmpty() && !m_netns.open(m_options.netnsPath, error))
        return false;
    if (!m_others.open(m_netns)) {
        *error = m_others.errorString();
        return false;
    }
    return true;
}

bool AuditConnectionSource::scan(std::vector<ConnectionReport> *out, QString *error)
{
    if (!m_audit.scan(m_options.filter, &m_audited)) {
        *error = m_audit.errorString();
        return false;
    }
    out->reserve(m_audited.size() + 64);
    for (size_t i = 0; i < m_audited.size(); ++i) {
        const audit::AuditedConnection &c = m_audited[i];
        ConnectionReport &r = out->emplace_back();
        r.sourceIndex = int(i);
        r.local = c.socket.local.toString().toUtf8();
        r.remote = c.socket.remote.toString().toUtf8();
        r.process = c.process().toUtf8();
        r.cookie = c.socket.cookie;
        r.sample = c.socket.sample;
        r.hasTcpInfo = c.socket.hasTcpInfo;
        r.optionsSource = sourceName(c.optionsSource);
        r.keepaliveEnabled = c.keepalive.enabled;
        r.keepaliveIdleS = c.keepalive.idleS;
        r.keepaliveIntervalS = c.keepalive.intervalS;
        r.keepaliveCount = c.keepalive.count;
        r.userTimeoutMs = c.userTimeoutMs;
        r.risk = riskOf(c.assessment.risk);
        r.idleDetectionSeconds = c.assessment.seconds;
        if (c.assessment.fix)
            r.fix = fixText(*c.assessment.fix);
    }

    // Listeners and TIME_WAIT: no process to map (TIME_WAIT), no risk to judge. A process
    // filter selects connections only.
    if (m_options.filter.process.isEmpty() && !m_options.filter.pid) {
        core::SockDiagFilter others;
        others.onlyStates({TcpState::Listen, TcpState::TimeWait});
        others.port = m_options.filter.port;
        const bool ok = m_others.dump(others, [out](const core::SockDiagRow &row) {
            ConnectionReport &r = out->emplace_back();
            r.local = row.local.toString().toUtf8();
            r.remote = row.remote.toString().toUtf8();
            r.cookie = row.cookie;
            r.sample = row.sample;
            r.hasTcpInfo = row.hasTcpInfo;
        });
        if (!ok) {
            *error = m_others.errorString();
            return false;
        }
    }
    return true;
}

QByteArray AuditConnectionSource::fixText(const audit::RiskFix &fix)
{
    // Thousands of connections share a handful of fixes: one UTF-8 copy each.
    auto found = m_fixTexts.constFind(fix.text);
    if (found == m_fixTexts.constEnd())
        found = m_fixTexts.insert(fix.text, fix.text.toUtf8());
    return *found;
}

void AuditConnectionSource::complete(ConnectionReport *report)
{
    if (report->risk == Risk::NotAssessed || report->sourceIndex < 0 || size_t(report->sourceIndex) >= m_audited.size())
        return;
    const core::PredictionInput &input = m_audited[size_t(report->sourceIndex)].predictionInput;
    const QByteArray key = audit::ConnectionAudit::predictionKey(input);
    auto found = m_predictions.constFind(key);
    if (found == m_predictions.constEnd()) {
        if (m_predictions.size() >= kMaxCachedPredictions)
            m_predictions.clear();
        const core::DetectionPredictor predictor(input);
        Predictions predictions;
        for (const core::DeathKind kind : core::allDeathKinds())
            predictions[size_t(kind)] = predictor.predict(kind).seconds();
        found = m_predictions.insert(key, predictions);
    }
    report->predictedSeconds = *found;
    report->predicted = true;
}

} // namespace halfopen::exporter
