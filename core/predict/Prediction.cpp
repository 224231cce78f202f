// SPDX-License-Identifier: GPL-3.0-or-later
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
    QJsonObject json{
        {QStringLiteral("mechanism"), mechanismName(mechanism)},
        {QStringLiteral("errno"),
         errnoValue != 0 ? QJsonValue(ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("seconds"), secondsOrNull(isNever(), expectedUs.value_or(0))},
        {QStringLiteral("min_seconds"), secondsOrNull(isNever(), minUs)},
        {QStringLiteral("max_seconds"), secondsOrNull(isNever(), maxUs)},
        {QStringLiteral("reference"), timeReferenceName(reference)},
        {QStringLiteral("explanation"), explanation},
        {QStringLiteral("events"), eventArray},
    };
    if (softErrorUs)
        json.insert(QStringLiteral("soft_error_seconds"), double(*softErrorUs) / 1e6);
    if (!paths.isEmpty()) {
        QJsonArray pathArray;
        for (const PredictionPath &path : paths)
            pathArray.append(path.toJson());
        json.insert(QStringLiteral("paths"), pathArray);
    }
    return json;
}

QJsonObject PredictionPath::toJson() const
{
    QJsonArray eventArray;
    for (const ScheduledEvent &event : events)
        eventArray.append(event.toJson());
    QJsonObject json{
        {QStringLiteral("condition"), condition},
        {QStringLiteral("reachable_from_seconds"), double(reachableFromUs) / 1e6},
        {QStringLiteral("reachable_to_seconds"), double(reachableToUs) / 1e6},
        {QStringLiteral("likelihood"), likelihood},
        {QStringLiteral("mechanism"), mechanismName(mechanism)},
        {QStringLiteral("errno"),
         errnoValue != 0 ? QJsonValue(ErrnoCatalog::name(errnoValue)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("seconds"), double(expectedUs) / 1e6},
        {QStringLiteral("min_seconds"), double(minUs) / 1e6},
        {QStringLiteral("max_seconds"), double(maxUs) / 1e6},
        {QStringLiteral("events"), eventArray},
    };
    json.insert(QStringLiteral("neighbour_error_seconds"),
                neighbourErrorUs ? QJsonValue(double(*neighbourErrorUs) / 1e6) : QJsonValue(QJsonValue::Null));
    return json;
}

} // namespace halfopen::core
