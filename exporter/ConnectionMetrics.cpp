// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/ConnectionMetrics.h"

#include "core/tcp/TcpState.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace halfopen::exporter {

using core::DeathKind;
using core::TcpState;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::array kRisks = {Risk::HalfOpenForever, Risk::Slow, Risk::Unknown, Risk::Ok};

// Sockets that are connections: listeners and TIME_WAIT leftovers have no peer to lose.
bool isConnection(const ConnectionReport &report)
{
    const TcpState state = report.sample.state;
    return state != TcpState::Listen && state != TcpState::TimeWait && state != TcpState::Closed;
}

int riskRank(const ConnectionReport &report)
{
    if (report.suspectedDeadPeer())
        return 0;
    switch (report.risk) {
    case Risk::HalfOpenForever:
        return 1;
    case Risk::Slow:
        return 2;
    case Risk::Unknown:
        return 3;
    case Risk::Ok:
        return 4;
    case Risk::NotAssessed:
        break;
    }
    return 5;
}

double idleDetection(const ConnectionReport &report)
{
    switch (report.risk) {
    case Risk::Ok:
    case Risk::Slow:
    case Risk::HalfOpenForever:
        return report.idleDetectionSeconds ? *report.idleDetectionSeconds : kInf;
    default:
        return -1;
    }
}

QByteArray stateLabel(TcpState state)
{
    return labelPair("state", core::tcpStateName(state).toLatin1());
}

std::vector<TcpState> allStates()
{
    std::vector<TcpState> states;
    for (int value = int(TcpState::Established); value <= int(TcpState::Closing); ++value)
        states.push_back(TcpState(value));
    return states;
}

} // namespace

std::vector<int> selectSeries(const std::vector<ConnectionReport> &scan, const ExportLimits &limits)
{
    std::vector<int> order;
    if (limits.aggregateOnly || limits.maxSeries <= 0)
        return order;
    order.reserve(scan.size());
    for (int i = 0; i < int(scan.size()); ++i) {
        if (isConnection(scan[size_t(i)]))
            order.push_back(i);
    }
    std::vector<std::pair<int, double>> keys(scan.size());
    for (const int i : order)
        keys[size_t(i)] = {riskRank(scan[size_t(i)]), idleDetection(scan[size_t(i)])};
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto &ka = keys[size_t(a)];
        const auto &kb = keys[size_t(b)];
        if (ka.first != kb.first)
            return ka.first < kb.first;
        if (ka.second != kb.second)
            return ka.second > kb.second;
        const ConnectionReport &ra = scan[size_t(a)];
        const ConnectionReport &rb = scan[size_t(b)];
        return ra.local != rb.local ? ra.local < rb.local : ra.remote < rb.remote;
    });
    if (order.size() > size_t(limits.maxSeries))
        order.resize(size_t(limits.maxSeries));
    return order;
}

std::vector<MetricFamily> buildMetrics(const std::vector<ConnectionReport> &scan, const std::vector<int> &order,
                                       const EndedConnections &ended, const ExporterStatus &status)
{
    std::vector<MetricFamily> families;
    families.reserve(40); // references into it are kept while families are added

    // --- aggregates: one pass over every socket ------------------------------------------------
    std::map<TcpState, quint64> byState;
    std::map<Risk, quint64> byRisk;
    std::map<QByteArray, quint64> bySource;
    struct ProcessCounts
    {
        std::map<Risk, quint64> byRisk;
        quint64 suspected = 0;
    };
    std::map<QByteArray, ProcessCounts> byProcess;
    quint64 suspected = 0;
    quint64 connections = 0;
    for (const ConnectionReport &report : scan) {
        ++byState[report.sample.state];
        if (!isConnection(report))
            continue;
        ++connections;
        ProcessCounts &process = byProcess[report.process];
        if (report.risk != Risk::NotAssessed) {
            ++byRisk[report.risk];
            ++process.byRisk[report.risk];
        }
        if (!report.optionsSource.isEmpty())
            ++bySource[report.optionsSource];
        if (report.suspectedDeadPeer()) {
            ++suspected;
            ++process.suspected;
        }
    }

    MetricFamily &stateFamily = families.emplace_back(
        "halfopen_connections", MetricType::Gauge,
        "TCP sockets of the watched network namespace by state (listeners and TIME_WAIT included).");
    for (const TcpState state : allStates()) {
        const auto it = byState.find(state);
        stateFamily.add(stateLabel(state), it == byState.end() ? 0 : double(it->second));
    }

    MetricFamily &riskFamily = families.emplace_back(
        "halfopen_connections_by_risk", MetricType::Gauge,
        "Connections by the time a dead peer would go unnoticed: half-open-forever (never noticed when idle), slow "
        "(later than the threshold), ok, unknown (options neither readable nor deducible).");
    for (const Risk risk : kRisks)
        riskFamily.add(labelPair("risk", riskName(risk)), double(byRisk[risk]));

    MetricFamily &sourceFamily = families.emplace_back(
        "halfopen_connections_by_options_source", MetricType::Gauge,
        "Connections by where their keepalive and user-timeout settings were read: socket (the socket itself, via "
        "pidfd_getfd), timer (inferred from the kernel's timer: no rights over the process), unknown.");
    for (const QByteArray &source :
         {QByteArrayLiteral("socket"), QByteArrayLiteral("timer"), QByteArrayLiteral("unknown")})
        sourceFamily.add(labelPair("source", source), double(bySource[source]));

    MetricFamily &processFamily
        = families.emplace_back("halfopen_process_connections", MetricType::Gauge,
                                "Connections held by each process (command name; empty: no process found) by risk.");
    MetricFamily &processSuspected
        = families.emplace_back("halfopen_process_suspected_dead_peers", MetricType::Gauge,
                                "Connections of each process whose peer looks dead now: unacknowledged data with the "
                                "RTO backed off 3 times or more, or keepalive probes unanswered.");
    for (const auto &[name, counts] : byProcess) {
        const QByteArray process = labelPair("process", name);
        for (const Risk risk : kRisks) {
            const auto it = counts.byRisk.find(risk);
            processFamily.add(process, labelPair("risk", riskName(risk)),
                              it == counts.byRisk.end() ? 0 : double(it->second));
        }
        processSuspected.add(process, double(counts.suspected));
    }

    families
        .emplace_back("halfopen_suspected_dead_peers", MetricType::Gauge,
                      "Connections whose peer looks dead now: unacknowledged data with the RTO backed off 3 times or "
                      "more, or keepalive probes unanswered.")
        .add(double(suspected));

    MetricFamily &endedFamily = families.emplace_back(
        "halfopen_connections_ended", MetricType::Counter,
        "Connections that ended between two scans, per process, by how they looked last: timeout (retransmitting or "
        "probing unanswered), closed (FIN exchanged or now in TIME_WAIT), vanished (healthy last time).");
    for (const auto &[key, count] : ended.counts())
        endedFamily.add(labelPair("process", key.first), labelPair("reason", endReasonName(key.second)), double(count));

    // --- per connection: at most maxSeries, riskiest first ----------------------------------------
    families
        .emplace_back("halfopen_connections_omitted", MetricType::Gauge,
                      "Connections left without series of their own by --max-series or --aggregate-only (the "
                      "aggregates still count them).")
        .add(double(connections - order.size()));

    MetricFamily state("halfopen_connection_state", MetricType::Gauge,
                       "The connection's TCP state: 1 for the state it is in.");
    MetricFamily risk(
        "halfopen_connection_risk", MetricType::Gauge,
        "The connection's risk (half-open-forever, slow, unknown, ok), 1, with the setting that would fix it.");
    MetricFamily keepalive("halfopen_connection_keepalive_enabled", MetricType::Gauge,
                           "SO_KEEPALIVE on the connection (1 on, 0 off), with where it was read: socket or timer.");
    MetricFamily idle("halfopen_connection_keepalive_idle_seconds", MetricType::Gauge,
                      "TCP_KEEPIDLE: idle time before the first keepalive probe.", "seconds");
    MetricFamily interval("halfopen_connection_keepalive_interval_seconds", MetricType::Gauge,
                          "TCP_KEEPINTVL: time between unanswered keepalive probes.", "seconds");
    MetricFamily count("halfopen_connection_keepalive_max_probes", MetricType::Gauge,
                       "TCP_KEEPCNT: unanswered keepalive probes before the connection is dropped.");
    MetricFamily userTimeout("halfopen_connection_user_timeout_seconds", MetricType::Gauge,
                             "TCP_USER_TIMEOUT (0: off, tcp_retries2 decides).", "seconds");
    MetricFamily detection("halfopen_connection_predicted_detection_seconds", MetricType::Gauge,
                           "Predicted time until this side notices its peer's death, per kind of death, from the "
                           "prediction's reference point (the last packet received for an idle peer); +Inf: never.",
                           "seconds");
    MetricFamily suspectedFamily("halfopen_connection_suspected_dead_peer", MetricType::Gauge,
                                 "1 when the peer looks dead now: unacknowledged data with the RTO backed off 3 times "
                                 "or more, or keepalive probes unanswered.");
    MetricFamily retransmits(
        "halfopen_connection_retransmits", MetricType::Gauge,
        "Consecutive retransmission timeouts of the oldest unacknowledged segment (tcpi_retransmits).");
    MetricFamily backoff("halfopen_connection_backoff", MetricType::Gauge,
                         "Exponential backoff shift of the retransmission timer (tcpi_backoff).");
    MetricFamily rto("halfopen_connection_rto_seconds", MetricType::Gauge, "Current retransmission timeout (tcpi_rto).",
                     "seconds");
    MetricFamily unacked("halfopen_connection_unacked_segments", MetricType::Gauge,
                         "Segments sent and not yet acknowledged (tcpi_unacked).");
    MetricFamily probes("halfopen_connection_probes_unanswered", MetricType::Gauge,
                        "Keepalive (or zero-window) probes sent and unanswered (tcpi_probes).");
    MetricFamily lastReceived(
        "halfopen_connection_last_received_age_seconds", MetricType::Gauge,
        "Seconds since the last packet (data or ACK) was received: where an idle connection's keepalive counts from.",
        "seconds");

    std::array<QByteArray, ConnectionReport::kDeathKinds> deathLabels;
    for (const DeathKind kind : core::allDeathKinds())
        deathLabels[size_t(kind)] = labelPair("death", core::deathKindName(kind).toLatin1());

    for (const int index : order) {
        const ConnectionReport &report = scan[size_t(index)];
        const QByteArray labels = joinLabels({labelPair("local", report.local), labelPair("remote", report.remote),
                                              labelPair("process", report.process)});
        state.add(labels, stateLabel(report.sample.state), 1);
        if (report.risk != Risk::NotAssessed)
            risk.add(labels,
                     report.fix.isEmpty()
                         ? labelPair("risk", riskName(report.risk))
                         : joinLabels({labelPair("risk", riskName(report.risk)), labelPair("fix", report.fix)}),
                     1);
        if (report.keepaliveEnabled)
            keepalive.add(labels, labelPair("source", report.optionsSource), *report.keepaliveEnabled ? 1 : 0);
        if (report.keepaliveIdleS)
            idle.add(labels, *report.keepaliveIdleS);
        if (report.keepaliveIntervalS)
            interval.add(labels, *report.keepaliveIntervalS);
        if (report.keepaliveCount)
            count.add(labels, *report.keepaliveCount);
        if (report.userTimeoutMs)
            userTimeout.add(labels, *report.userTimeoutMs / 1000.0);
        if (report.predicted) {
            for (size_t kind = 0; kind < report.predictedSeconds.size(); ++kind) {
                const auto &seconds = report.predictedSeconds[kind];
                detection.add(labels, deathLabels[kind], seconds ? *seconds : kInf);
            }
        }
        suspectedFamily.add(labels, report.suspectedDeadPeer() ? 1 : 0);
        if (report.hasTcpInfo) {
            const core::TcpInfoSample &s = report.sample;
            retransmits.add(labels, s.retransmits);
            backoff.add(labels, s.backoff);
            rto.add(labels, s.rtoUs / 1e6);
            unacked.add(labels, s.unacked);
            probes.add(labels, s.probes);
            if (const auto age = report.secondsSinceLastReceived())
                lastReceived.add(labels, *age);
        }
    }
    for (MetricFamily *family : {&state, &risk, &keepalive, &idle, &interval, &count, &userTimeout, &detection,
                                 &suspectedFamily, &retransmits, &backoff, &rto, &unacked, &probes, &lastReceived})
        families.push_back(std::move(*family));

    // --- the exporter itself ---------------------------------------------------------------------
    families
        .emplace_back("halfopen_scan_success", MetricType::Gauge,
                      "1 when this scrape's scan of the namespace succeeded; 0: the connection series are missing (see "
                      "the exporter's log).")
        .add(status.scanSucceeded ? 1 : 0);
    families
        .emplace_back("halfopen_scan_duration_seconds", MetricType::Gauge,
                      "Time this scrape's scan took: sock_diag dump, process mapping, option reads, predictions.",
                      "seconds")
        .add(status.scanSeconds);
    families
        .emplace_back("halfopen_last_scrape_duration_seconds", MetricType::Gauge,
                      "Time the previous scrape took from request to response, rendering included.", "seconds")
        .add(status.lastScrapeSeconds);
    families.emplace_back("halfopen_scrapes", MetricType::Counter, "Scrapes served since the exporter started.")
        .add(double(status.scrapes));
    families.emplace_back("halfopen_exporter_build", MetricType::Info, "The exporter's version.")
        .add(labelPair("version", status.version), 1);
    return families;
}

} // namespace halfopen::exporter
