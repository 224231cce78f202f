// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/ConnectionReport.h"
#include "exporter/EndedConnections.h"
#include "exporter/MetricFamily.h"

#include <QByteArray>

#include <vector>

namespace halfopen::exporter {

struct ExportLimits
{
    static constexpr int kDefaultMaxSeries = 1000;
    static constexpr int kMaxMaxSeries = 1000000;
    int maxSeries = kDefaultMaxSeries; // connections with series of their own, riskiest first
    bool aggregateOnly = false;        // no per-connection series at all
};

// What the exporter says about itself.
struct ExporterStatus
{
    bool scanSucceeded = true;
    double scanSeconds = 0;       // this scrape's scan: sock_diag, processes, options, predictions
    double lastScrapeSeconds = 0; // the previous scrape from request to response, rendering included
    quint64 scrapes = 0;          // scrapes served, this one included
    QByteArray version;
};

// The connections that get series of their own, as indexes into scan: at most
// limits.maxSeries (none with aggregateOnly), the riskiest first: suspected dead peers, then
// half-open forever, slow, unknown, ok, and within a risk the latest idle detection first.
// Connections only: no listeners, no TIME_WAIT.
std::vector<int> selectSeries(const std::vector<ConnectionReport> &scan, const ExportLimits &limits);

// The metric families for one scan (see docs/guide.md, "Watching a fleet", for the list).
// Aggregates cover every socket and cost one pass; per-connection families cover `selected`.
std::vector<MetricFamily> buildMetrics(const std::vector<ConnectionReport> &scan, const std::vector<int> &selected,
                                       const EndedConnections &ended, const ExporterStatus &status);

} // namespace halfopen::exporter
