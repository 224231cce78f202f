// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/MetricFamily.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace halfopen::exporter {

// The two exposition formats a Prometheus server reads.
enum class MetricsFormat {
    PrometheusText, // text/plain; version=0.0.4: what every scraper understands
    OpenMetrics,    // application/openmetrics-text; version=1.0.0: # UNIT, info type, # EOF
};

// The Content-Type header for a format.
QByteArray contentType(MetricsFormat format);

// Content negotiation on an Accept header, as Prometheus sends it
// ("application/openmetrics-text;version=1.0.0,...,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"):
// OpenMetrics 1.0.0 when the client ranks it at least as high as the text format, the text
// format otherwise — also when the header is missing or names neither.
MetricsFormat negotiateFormat(QByteArrayView accept);

// Renders the families in that format. Values are written in their shortest exact form,
// "+Inf" for infinity; OpenMetrics output ends with "# EOF".
QByteArray renderMetrics(const std::vector<MetricFamily> &families, MetricsFormat format);

// The shortest text that reads back as exactly `value`: "19", "0.204", "+Inf", "NaN".
QByteArray formatValue(double value);

} // namespace halfopen::exporter
