// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/ConnectionReport.h"
#include "exporter/EndedConnections.h"
#include "exporter/MetricFamily.h"

#include <QByteArray>

#include <vector>

namespace halfopen::exporter {

struct ExportLimits {
    static constexpr int kDefaultMaxSeries = 1000;
    static constexpr int kMaxMaxSeries = 1000000;
    int maxSeries = kDefaultMaxSeries; // connections with series of their own, riskiest first
    bool aggregateOnly = false;        // no per-connection series at all
};

// What the exporter says about itself.
struct ExporterStatus {
    bool scanSucceeded = true;
    double scanSeconds = 0;       // this scrape's scan: sock_diag, processes, options, predictions
    double lastScrapeSeconds = 0; // the previous scrape from request to response, rendering included
    quint64 scrapes = 0;          // scrapes served, this one included
    QByteArray version;
};

// The metric families for one scan (see docs/guide.md, "Watching a fleet", for the list).
// Aggregates cover every socket and cost one pass; per-connection families cover at most
// limits.maxSeries connections, the riskiest first: suspected dead peers, then half-open
// forever, slow, ok, and within a risk the latest idle detection first.
std::vector<MetricFamily> buildMetrics(const std::vector<ConnectionReport> &scan, const ExportLimits &limits,
                                       const EndedConnections &ended, const ExporterStatus &status);

// The order above, as indexes into scan; connections only (no listeners, no TIME_WAIT).
std::vector<int> riskiestFirst(const std::vector<ConnectionReport> &scan);

} // namespace halfopen::exporter
