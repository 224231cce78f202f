// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/Detection.h"

#include "core/predict/VerdictFields.h"
#include "core/tcp/ErrnoCatalog.h"

namespace halfopen::lab {

using core::TimeReference;

TimeReference Detection::headlineReference() const
{
    if (prediction && referenceUs(prediction->reference))
        return prediction->reference;
    if (faultUs)
        return TimeReference::Fault;
    if (lastReceivedUs)
        return TimeReference::LastReceived;
    return prediction ? prediction->reference : TimeReference::Fault;
}

std::optional<qint64> Detection::referenceUs(TimeReference which) const
{
    switch (which) {
    case TimeReference::Fault:
        return faultUs;
    case TimeReference::LastReceived:
        return lastReceivedUs;
    case TimeReference::FirstUnackedSend:
        return firstUnackedSendUs;
    }
    return std::nullopt;
}

std::optional<double> Detection::elapsedS(TimeReference which) const
{
    const auto from = referenceUs(which);
    if (!from)
        return std::nullopt;
    return (detectedUs - *from) / 1e6;
}

namespace {
const QString kHost = QStringLiteral("host");
const QString kErrno = QStringLiteral("errno");
const QString kErrnoValue = QStringLiteral("errno_value");
const QString kMechanism = QStringLiteral("mechanism");
} // namespace

core::VerdictFields Detection::verdictFields(qint64 readyUs) const
{
    core::VerdictFields v;
    v.fatal = fatal;
    v.operation = operation;
    v.fault = faultName;
    v.faultHost = faultHost;
    if (faultUs)
        v.faultTS = (*faultUs - readyUs) / 1e6;
    v.detectedTS = (detectedUs - readyUs) / 1e6;
    v.reference = reference;
    v.elapsedS = elapsedS(reference);
    for (TimeReference r : {TimeReference::Fault, TimeReference::LastReceived, TimeReference::FirstUnackedSend})
        v.elapsedFrom[size_t(r)] = elapsedS(r);
    if (prediction) {
        v.predictedS = prediction->seconds();
        v.predictedRangeS = std::pair(prediction->minUs / 1e6, prediction->maxUs / 1e6);
        v.predictedReference = prediction->reference;
        v.predictedMechanism = prediction->mechanism;
    }
    return v;
}

QJsonObject Detection::toJson(qint64 readyUs) const
{
    DetectionSummary s;
    s.host = host;
    s.errnoValue = errnoValue;
    s.mechanism = mechanism;
    s.verdict = verdictFields(readyUs);
    return s.toJson();
}

core::Event Detection::toVerdictEvent(qint64 readyUs) const
{
    core::Event e;
    e.kind = core::EventKind::Verdict;
    e.tUs = detectedUs;
    e.host = host;
    e.what = errnoValue ? core::ErrnoCatalog::name(errnoValue) : QStringLiteral("eof");
    e.errnoValue = errnoValue;
    e.mechanism = mechanism;
    e.detail = toJson(readyUs);
    return e;
}

DetectionSummary DetectionSummary::fromJson(const QJsonObject &j)
{
    DetectionSummary s;
    s.host = core::hostFromName(j.value(kHost).toString()).value_or(core::Host::None);
    s.errnoValue = j.value(kErrnoValue).toInt();
    s.mechanism = core::mechanismFromName(j.value(kMechanism).toString()).value_or(core::DetectionMechanism::None);
    s.verdict = core::VerdictFields::fromJson(j);
    return s;
}

QJsonObject DetectionSummary::toJson() const
{
    QJsonObject j = verdict.toJson();
    // What the verdict event carries as its own fields too; the summary needs them here.
    j.insert(kHost, core::hostName(host));
    j.insert(kErrno, errnoValue ? QJsonValue(core::ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null));
    j.insert(kErrnoValue, errnoValue);
    j.insert(kMechanism, core::mechanismName(mechanism));
    return j;
}

} // namespace halfopen::lab
