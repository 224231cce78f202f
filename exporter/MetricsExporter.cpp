// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/MetricsExporter.h"

#include <QElapsedTimer>

#include <malloc.h>

namespace halfopen::exporter {

MetricsExporter::MetricsExporter(ConnectionSource *source, const ExportLimits &limits, const QByteArray &version)
    : m_source(source)
    , m_limits(limits)
    , m_version(version)
{ }

QByteArray MetricsExporter::scrape(MetricsFormat format)
{
    QElapsedTimer clock;
    clock.start();
    m_scan.clear();
    QString error;
    const bool ok = m_source->scan(&m_scan, &error);
    if (ok) {
        m_ended.update(m_scan);
        m_lastError.clear();
    } else {
        // No partial picture: an empty scan would count every connection as ended.
        m_scan.clear();
        m_lastError = error;
    }
    ExporterStatus status;
    status.scanSucceeded = ok;
    status.lastScrapeSeconds = m_lastScrapeSeconds;
    status.scrapes = ++m_scrapes;
    status.version = m_version;
    const std::vector<int> selected = selectSeries(m_scan, m_limits);
    for (const int index : selected)
        m_source->complete(&m_scan[size_t(index)]);
    status.scanSeconds = clock.nsecsElapsed() / 1e9;
    QByteArray text = renderMetrics(buildMetrics(m_scan, selected, m_ended, status), format);
    m_lastScrapeSeconds = clock.nsecsElapsed() / 1e9;
    // A scrape over thousands of connections allocates megabytes that are free again now; give
    // them back so that an exporter between scrapes holds only what it keeps.
    ::malloc_trim(0);
    return text;
}

} // namespace halfopen::exporter
