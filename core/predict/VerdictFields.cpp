// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/VerdictFields.h"

#include <QJsonArray>

namespace halfopen::core {

namespace {

const QString kFatal = QStringLiteral("fatal");
const QString kOperation = QStringLiteral("operation");
const QString kFault = QStringLiteral("fault");
const QString kFaultHost = QStringLiteral("fault_host");
const QString kFaultTS = QStringLiteral("fault_t_s");
const QString kDetectedTS = QStringLiteral("detected_t_s");
const QString kElapsedS = QStringLiteral("elapsed_s");
const QString kReference = QStringLiteral("reference");
const QString kElapsedFrom = QStringLiteral("elapsed_from");
const QString kPredictedS = QStringLiteral("predicted_s");
const QString kPredictedRangeS = QStringLiteral("predicted_range_s");
const QString kPredictedReference = QStringLiteral("predicted_reference");
const QString kPredictedMechanism = QStringLiteral("predicted_mechanism");

constexpr TimeReference kReferences[]
    = {TimeReference::Fault, TimeReference::LastReceived, TimeReference::FirstUnackedSend};

std::optional<double> seconds(const QJsonValue &v)
{
    return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt;
}

QJsonValue json(std::optional<double> s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

} // namespace

VerdictFields VerdictFields::fromJson(const QJsonObject &d)
{
    VerdictFields v;
    v.fatal = d.value(kFatal).toBool(true);
    v.operation = socketOperationFromName(d.value(kOperation).toString()).value_or(SocketOperation::None);
    v.fault = d.value(kFault).toString();
    v.faultHost = hostFromName(d.value(kFaultHost).toString()).value_or(Host::None);
    v.faultTS = seconds(d.value(kFaultTS));
    v.detectedTS = seconds(d.value(kDetectedTS));
    v.reference = timeReferenceFromName(d.value(kReference).toString());
    v.elapsedS = seconds(d.value(kElapsedS));
    const QJsonObject from = d.value(kElapsedFrom).toObject();
    for (const TimeReference r : kReferences)
        v.elapsedFrom[size_t(r)] = seconds(from.value(timeReferenceName(r)));
    v.predictedS = seconds(d.value(kPredictedS));
    if (const QJsonArray range = d.value(kPredictedRangeS).toArray(); range.size() == 2)
        v.predictedRangeS = std::pair(range.at(0).toDouble(), range.at(1).toDouble());
    v.predictedReference = timeReferenceFromName(d.value(kPredictedReference).toString());
    if (d.contains(kPredictedMechanism))
        v.predictedMechanism = mechanismFromName(d.value(kPredictedMechanism).toString());
    return v;
}

QJsonObject VerdictFields::toJson() const
{
    QJsonObject from;
    for (const TimeReference r : kReferences)
        from.insert(timeReferenceName(r), json(elapsedFrom[size_t(r)]));
    QJsonObject j{
        {kFatal, fatal},
        {kOperation, socketOperationName(operation)},
        {kFault, fault.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fault)},
        {kFaultTS, json(faultTS)},
        {kDetectedTS, json(detectedTS)},
        {kElapsedS, json(elapsedS)},
        {kReference, timeReferenceName(reference.value_or(TimeReference::Fault))},
        {kElapsedFrom, from},
        {kPredictedS, json(predictedS)},
    };
    if (faultHost != Host::None)
        j.insert(kFaultHost, hostName(faultHost));
    if (predictedRangeS)
        j.insert(kPredictedRangeS, QJsonArray{predictedRangeS->first, predictedRangeS->second});
    if (predictedReference)
        j.insert(kPredictedReference, timeReferenceName(*predictedReference));
    if (predictedMechanism)
        j.insert(kPredictedMechanism, mechanismName(*predictedMechanism));
    return j;
}

QJsonObject VerdictFields::addSpanTo(QJsonObject detail) const
{
    if (faultTS)
        detail.insert(kFaultTS, *faultTS);
    if (detectedTS)
        detail.insert(kDetectedTS, *detectedTS);
    if (elapsedS)
        detail.insert(kElapsedS, *elapsedS);
    return detail;
}

} // namespace halfopen::core
