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

QJsonObject Detection::toJson(qint64 readyUs) const
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
    QJsonObject j = v.toJson();
    // What the verdict event carries as its own fields too; the summary needs them here.
    j.insert(QStringLiteral("host"), core::hostName(host));
    j.insert(QStringLiteral("errno"),
             errnoValue ? QJsonValue(core::ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null));
    j.insert(QStringLiteral("errno_value"), errnoValue);
    j.insert(QStringLiteral("mechanism"), core::mechanismName(mechanism));
    return j;
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

} // namespace halfopen::lab
