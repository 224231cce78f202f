// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/MetricsFormat.h"

#include <QList>

#include <algorithm>

#include <charconv>
#include <cmath>

namespace halfopen::exporter {

namespace {

// HELP text escaping: the text format escapes \\ and \n; OpenMetrics also \".
void appendHelp(QByteArray *out, const QByteArray &help, MetricsFormat format)
{
    for (const char c : help) {
        switch (c) {
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '"':
            out->append(format == MetricsFormat::OpenMetrics ? "\\\"" : "\"");
            break;
        default:
            out->append(c);
        }
    }
}

QByteArrayView typeName(MetricType type, MetricsFormat format)
{
    switch (type) {
    case MetricType::Counter:
        return "counter";
    case MetricType::Info:
        return format == MetricsFormat::OpenMetrics ? "info" : "gauge";
    case MetricType::Gauge:
        break;
    }
    return "gauge";
}

struct MediaRange
{
    QByteArray type;    // "text/plain", "application/openmetrics-text", "*/*"
    QByteArray version; // the version parameter, "" when absent
    double q = 1;
};

QList<MediaRange> parseAccept(QByteArrayView accept)
{
    QList<MediaRange> ranges;
    for (const QByteArray &item : accept.toByteArray().split(',')) {
        const QList<QByteArray> parts = item.split(';');
        MediaRange range;
        range.type = parts.first().trimmed().toLower();
        if (range.type.isEmpty())
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            const qsizetype equals = parameter.indexOf('=');
            if (equals < 0)
                continue;
            const QByteArray name = parameter.left(equals).trimmed().toLower();
            QByteArray value = parameter.mid(equals + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            if (name == "q") {
                bool ok = false;
                const double q = value.toDouble(&ok);
                range.q = ok ? std::clamp(q, 0.0, 1.0) : 0;
            } else if (name == "version") {
                range.version = value;
            }
        }
        ranges.append(range);
    }
    return ranges;
}

// The q a client gives to TYPE at VERSION: the most specific matching range decides (RFC 9110).
double qualityOf(const QList<MediaRange> &ranges, QByteArrayView type, QByteArrayView version)
{
    int bestSpecificity = -1;
    double q = 0;
    const QByteArrayView major = type.first(type.indexOf('/'));
    for (const MediaRange &range : ranges) {
        int specificity = -1;
        if (range.type == type) {
            if (range.version.isEmpty())
                specificity = 2;
            else if (range.version == version)
                specificity = 3;
        } else if (range.type == "*/*") {
            specificity = 0;
        } else if (range.type.endsWith("/*") && QByteArrayView(range.type).first(range.type.size() - 2) == major) {
            specificity = 1;
        }
        if (specificity > bestSpecificity) {
            bestSpecificity = specificity;
            q = range.q;
        }
    }
    return q;
}

} // namespace

QByteArray contentType(MetricsFormat format)
{
    return format == MetricsFormat::OpenMetrics
        ? QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")
        : QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

MetricsFormat negotiateFormat(QByteArrayView accept)
{
    const QList<MediaRange> ranges = parseAccept(accept);
    // Only an explicit mention of OpenMetrics selects it: "*/*" alone keeps the classic format.
    bool named = false;
    for (const MediaRange &range : ranges)
        named = named || range.type == "application/openmetrics-text";
    if (!named)
        return MetricsFormat::PrometheusText;
    const double openMetrics = qualityOf(ranges, "application/openmetrics-text", "1.0.0");
    const double text = qualityOf(ranges, "text/plain", "0.0.4");
    return openMetrics > 0 && openMetrics >= text ? MetricsFormat::OpenMetrics : MetricsFormat::PrometheusText;
}

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, result.ptr - buffer);
}

QByteArray renderMetrics(const std::vector<MetricFamily> &families, MetricsFormat format)
{
    // A sample line is about 100 bytes; reserving once avoids most of the regrowth at 10 000
    // connections (several MB).
    size_t samples = 0;
    for (const MetricFamily &family : families)
        samples += family.samples.size();
    QByteArray out;
    out.reserve(qsizetype(samples * 120 + families.size() * 160 + 16));

    const bool openMetrics = format == MetricsFormat::OpenMetrics;
    char number[32];
    for (const MetricFamily &family : families) {
        const QByteArray sampleName = family.sampleName();
        // The text format names the family by its samples' name; OpenMetrics by the family's.
        const QByteArray &described = openMetrics ? family.name : sampleName;
        out.append("# HELP ").append(described).append(' ');
        appendHelp(&out, family.help, format);
        out.append("\n# TYPE ").append(described).append(' ').append(typeName(family.type, format)).append('\n');
        if (openMetrics && !family.unit.isEmpty())
            out.append("# UNIT ").append(family.name).append(' ').append(family.unit).append('\n');
        for (const MetricSample &sample : family.samples) {
            out.append(sampleName);
            if (!sample.labels.isEmpty() || !sample.extraLabels.isEmpty()) {
                out.append('{').append(sample.labels);
                if (!sample.labels.isEmpty() && !sample.extraLabels.isEmpty())
                    out.append(',');
                out.append(sample.extraLabels).append('}');
            }
            out.append(' ');
            if (std::isfinite(sample.value)) {
                const auto result = std::to_chars(number, number + sizeof number, sample.value);
                out.append(number, result.ptr - number);
            } else {
                out.append(formatValue(sample.value));
            }
            out.append('\n');
        }
    }
    if (openMetrics)
        out.append("# EOF\n");
    return out;
}

} // namespace halfopen::exporter
