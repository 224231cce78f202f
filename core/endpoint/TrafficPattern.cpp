// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/TrafficPattern.h"
#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <QStringList>

namespace halfopen::core {

bool TrafficPattern::parse(const QString &text, TrafficPattern *out, QString *error)
{
    auto fail = [&](const QString &message) {
        *error = message;
        return false;
    };
    const QStringList parts = text.split(QLatin1Char(':'));
    const QString kind = parts.value(0).trimmed().toLower();
    TrafficPattern pattern;
    if (kind == QLatin1String("idle") && parts.size() == 1) {
        pattern.kind = Kind::Idle;
    } else if (kind == QLatin1String("stream") && parts.size() == 1) {
        pattern.kind = Kind::Stream;
    } else if (kind == QLatin1String("periodic") && parts.size() == 3) {
        bool okInterval = false;
        bool okBytes = false;
        pattern.kind = Kind::Periodic;
        pattern.intervalMs = parts.at(1).toInt(&okInterval);
        pattern.bytes = parts.at(2).toInt(&okBytes);
        // In the words every settings reader uses (JsonFields).
        if (!okInterval || pattern.intervalMs < 1 || pattern.intervalMs > kMaxIntervalMs)
            return fail(JsonFields::problem(
                QCoreApplication::translate("TrafficPattern", "periodic interval"),
                JsonFields::wholeNumberRule(1, kMaxIntervalMs, parts.at(1).trimmed(), QStringLiteral(" ms"))));
        if (!okBytes || pattern.bytes < 1 || pattern.bytes > kMaxBytes)
            return fail(JsonFields::problem(QCoreApplication::translate("TrafficPattern", "periodic bytes"),
                                            JsonFields::wholeNumberRule(1, kMaxBytes, parts.at(2).trimmed())));
    } else {
        return fail(
            QCoreApplication::translate("TrafficPattern",
                                        "'%1' is not a traffic pattern: use idle, stream or periodic:INTERVAL_MS:BYTES")
                .arg(text));
    }
    *out = pattern;
    return true;
}

QString TrafficPattern::toString() const
{
    switch (kind) {
    case Kind::Idle:
        return QStringLiteral("idle");
    case Kind::Stream:
        return QStringLiteral("stream");
    case Kind::Periodic:
        return QStringLiteral("periodic:%1:%2").arg(intervalMs).arg(bytes);
    }
    return {};
}

} // namespace halfopen::core
