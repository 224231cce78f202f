#include "core/predict/Prediction.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QJsonArray>

namespace halfopen::core {

namespace {
QJsonValue secondsOrNull(bool never, qint64 us)
{
    return never ? QJsonValue(QJsonValue::Null) : QJsonValue(double(us) / 1e6);
}
} // namespace

std::optional<double> Prediction::seconds() const
{
    if (!expectedUs)
        return std::nullopt;
    return double(*expectedUs) / 1e6;
}

QJsonObject Prediction::toJson() const
{
    QJsonArray eventArray;
    for (const ScheduledEvent &event : events)
        eventArray.append(event.toJson());
    return {
        {QStringLiteral("mechanism"), mechanismName(mechanism)},
        {QStringLiteral("errno"), errnoValue != 0 ? QJsonValue(ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("seconds"), secondsOrNull(isNever(), expectedUs.value_or(0))},
        {QStringLiteral("min_seconds"), secondsOrNull(isNever(), minUs)},
        {QStringLiteral("max_seconds"), secondsOrNull(isNever(), maxUs)},
        {QStringLiteral("reference"), timeReferenceName(reference)},
        {QStringLiteral("explanation"), explanation},
        {QStringLiteral("events"), eventArray},
    };
}

} // namespace halfopen::core
