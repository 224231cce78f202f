// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/Detection.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QJsonArray>

namespace halfopen::lab {

using core::TimeReference;

namespace {

QJsonValue seconds(std::optional<double> s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

QJsonValue sinceReady(std::optional<qint64> tUs, qint64 readyUs)
{
    return tUs ? QJsonValue((*tUs - readyUs) / 1e6) : QJsonValue(QJsonValue::Null);
}

} // namespace

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
    QJsonObject j{
        {QStringLiteral("host"), host},
        {QStringLiteral("errno"),
         errnoValue ? QJsonValue(core::ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("errno_value"), errnoValue},
        {QStringLiteral("mechanism"), core::mechanismName(mechanism)},
        {QStringLiteral("fatal"), fatal},
        {QStringLiteral("operation"), operation},
        {QStringLiteral("fault"), faultName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(faultName)},
        {QStringLiteral("fault_t_s"), sinceReady(faultUs, readyUs)},
        {QStringLiteral("detected_t_s"), (detectedUs - readyUs) / 1e6},
        {QStringLiteral("elapsed_s"), seconds(elapsedS(reference))},
        {QStringLiteral("reference"), core::timeReferenceName(reference)},
        {QStringLiteral("elapsed_from"),
         QJsonObject{
             {core::timeReferenceName(TimeReference::Fault), seconds(elapsedS(TimeReference::Fault))},
             {core::timeReferenceName(TimeReference::LastReceived), seconds(elapsedS(TimeReference::LastReceived))},
             {core::timeReferenceName(TimeReference::FirstUnackedSend),
              seconds(elapsedS(TimeReference::FirstUnackedSend))}}},
    };
    if (!faultHost.isEmpty())
        j.insert(QStringLiteral("fault_host"), faultHost);
    if (prediction) {
        j.insert(QStringLiteral("predicted_s"), seconds(prediction->seconds()));
        j.insert(QStringLiteral("predicted_range_s"), QJsonArray{prediction->minUs / 1e6, prediction->maxUs / 1e6});
        j.insert(QStringLiteral("predicted_reference"), core::timeReferenceName(prediction->reference));
        j.insert(QStringLiteral("predicted_mechanism"), core::mechanismName(prediction->mechanism));
    } else {
        j.insert(QStringLiteral("predicted_s"), QJsonValue(QJsonValue::Null));
    }
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
