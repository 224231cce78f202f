// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/ConnectionMetrics.h"
#include "exporter/ConnectionReport.h"
#include "exporter/EndedConnections.h"
#include "exporter/MetricsFormat.h"

#include <QString>

#include <vector>

namespace halfopen::exporter {

// Where the connections come from: the audit engine in the exporter, fixed lists in tests.
class ConnectionSource
{
public:
    virtual ~ConnectionSource() = default;
    // Every socket of the watched namespace, now. False with a message when the scan failed.
    virtual bool scan(std::vector<ConnectionReport> *out, QString *error) = 0;
    // Fills what only connections with series of their own need: the predictions per kind of
    // death (ConnectionReport::predicted, predictedSeconds).
    virtual void complete(ConnectionReport *report) = 0;
};

// One scrape: scan, update the between-scans counters, build the families, render them.
// Scans only when asked (no timer): an exporter nobody scrapes costs nothing.
class MetricsExporter
{
public:
    MetricsExporter(ConnectionSource *source, const ExportLimits &limits, const QByteArray &version);

    QByteArray scrape(MetricsFormat format);
    // The last scan's error, empty after a successful one.
    QString lastError() const { return m_lastError; }

private:
    ConnectionSource *m_source;
    ExportLimits m_limits;
    QByteArray m_version;
    EndedConnections m_ended;
    std::vector<ConnectionReport> m_scan; // reused: its capacity stays between scrapes
    double m_lastScrapeSeconds = 0;
    quint64 m_scrapes = 0;
    QString m_lastError;
};

} // namespace halfopen::exporter
