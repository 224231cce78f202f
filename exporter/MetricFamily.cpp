// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/MetricFamily.h"

namespace halfopen::exporter {

QByteArray MetricFamily::sampleName() const
{
    switch (type) {
    case MetricType::Counter:
        return name + "_total";
    case MetricType::Info:
        return name + "_info";
    case MetricType::Gauge:
        break;
    }
    return name;
}

QByteArray labelPair(QByteArrayView name, QByteArrayView value)
{
    QByteArray pair;
    pair.reserve(name.size() + value.size() + 4);
    pair.append(name).append("=\"");
    for (const char c : value) {
        switch (c) {
        case '\\':
            pair.append("\\\\");
            break;
        case '"':
            pair.append("\\\"");
            break;
        case '\n':
            pair.append("\\n");
            break;
        default:
            pair.append(c);
        }
    }
    pair.append('"');
    return pair;
}

QByteArray joinLabels(std::initializer_list<QByteArrayView> pairs)
{
    QByteArray joined;
    for (const QByteArrayView pair : pairs) {
        if (pair.isEmpty())
            continue;
        if (!joined.isEmpty())
            joined.append(',');
        joined.append(pair);
    }
    return joined;
}

} // namespace halfopen::exporter
