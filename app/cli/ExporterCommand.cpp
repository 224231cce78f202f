// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli exporter`: the audit of a network namespace's connections as Prometheus
// metrics on /metrics (the text format, or OpenMetrics when the scraper asks for it). Scans
// when scraped, never in between; reads only.

#include "CliCommands.h"
#include "CliUsage.h"

#include "exporter/AuditConnectionSource.h"
#include "exporter/MetricsExporter.h"
#include "exporter/MetricsServer.h"

#include "core/tcp/SocketAddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>
#include <optional>

using namespace halfopen::exporter;

namespace halfopen::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(exporter)
};

struct ExporterRequest
{
    QHostAddress address;
    quint16 port = 0;
    AuditConnectionSource::Options source;
    ExportLimits limits;
};

std::optional<int> parseRequest(const QStringList &arguments, ExporterRequest *request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Serve the half-open risk of every TCP connection of this machine (or of a network namespace) as Prometheus "
        "metrics on http://ADDR:PORT/metrics. Each scrape audits the connections: process, own keepalive and "
        "TCP_USER_TIMEOUT, predicted detection per kind of peer death, risk. Reads only."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    Text::tr("Address and port to serve on: 127.0.0.1:9877, [::]:9877, :9877 (every "
                                             "IPv4 address); port 0 picks a free one."),
                                    Text::tr("ADDR:PORT"));
    const QCommandLineOption netns(
        QStringLiteral("netns"),
        Text::tr("Network namespace to watch: /proc/PID/ns/net or /run/netns/NAME (needs CAP_SYS_ADMIN)."),
        Text::tr("PATH"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Text::tr("Only connections whose local or remote port is N (1 to 65535)."),
                                  Text::tr("N"));
    const QCommandLineOption process(
        QStringLiteral("process"),
        Text::tr("Only connections held by a process with this command name (as ps -o comm shows it)."),
        Text::tr("NAME"));
    const QCommandLineOption maxSeries(QStringLiteral("max-series"),
                                       Text::tr("At most N connections get series of their own, the riskiest first (0 "
                                                "to %1, default %2); the aggregates count them all.")
                                           .arg(ExportLimits::kMaxMaxSeries)
                                           .arg(ExportLimits::kDefaultMaxSeries),
                                       Text::tr("N"));
    const QCommandLineOption aggregateOnly(
        QStringLiteral("aggregate-only"),
        Text::tr("No per-connection series: counts by state, risk and process only."));
    const QCommandLineOption threshold(
        QStringLiteral("risk-threshold"),
        Text::tr("Seconds above which noticing a powered-off peer counts as slow (default %1).")
            .arg(audit::ConnectionRisk::kDefaultThresholdS),
        Text::tr("S"));
    parser.addOptions({help, listen, netns, port, process, maxSeries, aggregateOnly, threshold});

    const QString allowed = Text::tr("allowed --listen ADDR:PORT, --netns PATH, --port N, --process NAME, --max-series "
                                     "N, --aggregate-only, --risk-threshold S, --help");
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return usageError(QStringLiteral("--") + unknown.first(), Text::tr("unknown option: %1").arg(allowed));
        return usageError(arguments.size() > 1 ? arguments.last() : QStringLiteral("options"),
                          Text::tr("%1 (%2)").arg(parser.errorText(), allowed));
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        std::fputs(qPrintable(text), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("arguments"),
                          Text::tr("unexpected '%1': exporter takes options only (%2)")
                              .arg(parser.positionalArguments().first(), allowed));
    if (!parser.isSet(listen))
        return usageError(QStringLiteral("--listen"),
                          Text::tr("missing: allowed ADDR:PORT such as 127.0.0.1:9877 or :9877"));
    QString error;
    const core::SocketAddress address = core::SocketAddress::parse(parser.value(listen), &error, true);
    if (!address.isValid())
        return usageError(QStringLiteral("--listen"), error);
    request->address = QHostAddress(address.host());
    request->port = address.port();

    if (parser.isSet(port)) {
        bool ok = false;
        const int value = parser.value(port).toInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return usageError(QStringLiteral("--port"),
                              Text::tr("'%1' is out of range: allowed 1 to 65535").arg(parser.value(port)));
        request->source.filter.port = quint16(value);
    }
    if (parser.isSet(process)) {
        request->source.filter.process = parser.value(process);
        if (request->source.filter.process.isEmpty() || request->source.filter.process.size() > 15)
            return usageError(
                QStringLiteral("--process"),
                Text::tr("'%1': allowed a command name of 1 to 15 characters").arg(request->source.filter.process));
    }
    if (parser.isSet(maxSeries)) {
        bool ok = false;
        const int value = parser.value(maxSeries).toInt(&ok);
        if (!ok || value < 0 || value > ExportLimits::kMaxMaxSeries)
            return usageError(QStringLiteral("--max-series"),
                              Text::tr("'%1' is out of range: allowed 0 to %2")
                                  .arg(parser.value(maxSeries))
                                  .arg(ExportLimits::kMaxMaxSeries));
        request->limits.maxSeries = value;
    }
    request->limits.aggregateOnly = parser.isSet(aggregateOnly);
    if (parser.isSet(threshold)) {
        bool ok = false;
        const int value = parser.value(threshold).toInt(&ok);
        if (!ok || value < 1 || value > audit::ConnectionRisk::kMaxThresholdS)
            return usageError(QStringLiteral("--risk-threshold"),
                              Text::tr("'%1' is out of range: allowed 1 to %2 seconds")
                                  .arg(parser.value(threshold))
                                  .arg(audit::ConnectionRisk::kMaxThresholdS));
        request->source.riskThresholdS = value;
    }
    request->source.netnsPath = parser.value(netns);
    if (parser.isSet(netns) && request->source.netnsPath.isEmpty())
        return usageError(QStringLiteral("--netns"),
                          Text::tr("empty path: allowed /proc/PID/ns/net or /run/netns/NAME"));
    return std::nullopt;
}

// Scrapes that fail are logged when the reason changes, not once per scrape.
class ScanLog
{
public:
    void note(const QString &error)
    {
        if (error == m_last)
            return;
        m_last = error;
        if (error.isEmpty())
            std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(Text::tr("the scan works again")));
        else
            std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(Text::tr("scan failed: %1").arg(error)));
    }

private:
    QString m_last;
};

} // namespace

int runExporter(const QStringList &arguments)
{
    ExporterRequest request;
    if (const auto status = parseRequest(arguments, &request))
        return *status;

    AuditConnectionSource source(request.source);
    QString error;
    if (!source.open(&error))
        return request.source.netnsPath.isEmpty() ? runtimeError(error) : usageError(QStringLiteral("--netns"), error);

    // The scan's errors go to the log (and halfopen_scan_success to Prometheus).
    struct LoggingSource : ConnectionSource
    {
        ConnectionSource *inner;
        ScanLog log;
        bool scan(std::vector<ConnectionReport> *out, QString *scanError) override
        {
            const bool ok = inner->scan(out, scanError);
            log.note(ok ? QString() : *scanError);
            return ok;
        }
        void complete(ConnectionReport *report) override { inner->complete(report); }
    } logged;
    logged.inner = &source;

    MetricsExporter exporter(&logged, request.limits, QByteArrayLiteral(HALFOPEN_VERSION));
    MetricsServer server(&exporter);
    if (!server.listen(request.address, request.port, &error))
        return runtimeError(error);

    const QString host = request.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(request.address.toString())
        : request.address.toString();
    std::printf("%s\n",
                qPrintable(Text::tr("halfopen-cli exporter: serving http://%1:%2/metrics (namespace: %3)")
                               .arg(host)
                               .arg(server.port())
                               .arg(request.source.netnsPath.isEmpty() ? Text::tr("this process's")
                                                                       : request.source.netnsPath)));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace halfopen::cli
