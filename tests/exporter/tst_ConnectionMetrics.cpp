// SPDX-License-Identifier: GPL-3.0-or-later
// From scans to metric families: the aggregates count every socket, per-connection series go to
// the riskiest connections first and stop at --max-series, the ended-connections counter follows
// successive scans, and promtool (Prometheus's own linter) accepts what comes out.

#include "exporter/ConnectionMetrics.h"
#include "exporter/MetricsFormat.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace halfopen::exporter;
using halfopen::core::TcpState;
using halfopen::core::TcpTimer;

namespace {

ConnectionReport connection(quint64 cookie, const char *process, Risk risk, std::optional<double> idleSeconds,
                            TcpState state = TcpState::Established)
{
    ConnectionReport r;
    r.cookie = cookie;
    r.local = "198.18.0.2:" + QByteArray::number(40000 + cookie);
    r.remote = "198.18.0.1:1883";
    r.process = process;
    r.sample.state = state;
    r.sample.rtoUs = 204000;
    r.sample.timerKnown = true;
    r.hasTcpInfo = true;
    r.risk = risk;
    r.idleDetectionSeconds = idleSeconds;
    r.predicted = risk != Risk::NotAssessed;
    r.predictedSeconds[0] = idleSeconds;
    r.optionsSource = "socket";
    return r;
}

// The value of the first sample of `name` whose labels contain every part of `labels`.
std::optional<double> valueOf(const std::vector<MetricFamily> &families, const QByteArray &name,
                              const QList<QByteArray> &labels = {})
{
    for (const MetricFamily &family : families) {
        if (family.sampleName() != name)
            continue;
        for (const MetricSample &sample : family.samples) {
            const QByteArray all = sample.labels + ',' + sample.extraLabels;
            bool match = true;
            for (const QByteArray &label : labels)
                match = match && all.contains(label);
            if (match)
                return sample.value;
        }
    }
    return std::nullopt;
}

qsizetype sampleCount(const std::vector<MetricFamily> &families, const QByteArray &name)
{
    for (const MetricFamily &family : families) {
        if (family.sampleName() == name)
            return qsizetype(family.samples.size());
    }
    return -1;
}

} // namespace

class tst_ConnectionMetrics : public QObject
{
    Q_OBJECT

private slots:
    void riskiestFirstAndMaxSeries()
    {
        std::vector<ConnectionReport> scan;
        scan.push_back(connection(1, "web", Risk::Ok, 19));
        scan.push_back(connection(2, "sub", Risk::HalfOpenForever, std::nullopt));
        scan.push_back(connection(3, "web", Risk::Slow, 7861));
        scan.push_back(connection(4, "web", Risk::Slow, 400));
        ConnectionReport dead = connection(5, "plc", Risk::Ok, 19);
        dead.sample.unacked = 2;
        dead.sample.backoff = 3;
        scan.push_back(dead);
        scan.push_back(connection(6, "", Risk::NotAssessed, std::nullopt, TcpState::TimeWait));
        scan.push_back(connection(7, "sshd", Risk::NotAssessed, std::nullopt, TcpState::Listen));

        ExportLimits limits;
        QCOMPARE(selectSeries(scan, limits),
                 (std::vector<int>{4, 1, 2, 3, 0})); // dead peer, forever, slow (later first), ok
        scan[0].risk = Risk::Unknown;
        QCOMPARE(selectSeries(scan, limits), (std::vector<int>{4, 1, 2, 3, 0})); // unknown before ok
        scan[0].risk = Risk::Ok;
        scan[1].risk = Risk::Unknown;
        QCOMPARE(selectSeries(scan, limits), (std::vector<int>{4, 2, 3, 1, 0}));
        scan[1].risk = Risk::HalfOpenForever;

        limits.maxSeries = 2;
        EndedConnections ended;
        ended.update(scan);
        const auto families = buildMetrics(scan, selectSeries(scan, limits), ended, {});
        QCOMPARE(sampleCount(families, "halfopen_connection_state"), 2);
        QVERIFY(valueOf(families, "halfopen_connection_state", {"process=\"plc\""}));
        QVERIFY(valueOf(families, "halfopen_connection_state", {"process=\"sub\""}));
        QVERIFY(!valueOf(families, "halfopen_connection_state", {"process=\"web\""}));
        QCOMPARE(valueOf(families, "halfopen_connections_omitted"), 3.0);
        // Aggregates count everything.
        QCOMPARE(valueOf(families, "halfopen_connections", {"state=\"ESTABLISHED\""}), 5.0);
        QCOMPARE(valueOf(families, "halfopen_connections", {"state=\"TIME_WAIT\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connections", {"state=\"LISTEN\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connections", {"state=\"SYN_SENT\""}), 0.0);
        QCOMPARE(valueOf(families, "halfopen_connections_by_risk", {"risk=\"half-open-forever\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connections_by_risk", {"risk=\"slow\""}), 2.0);
        QCOMPARE(valueOf(families, "halfopen_connections_by_risk", {"risk=\"ok\""}), 2.0);
        QCOMPARE(valueOf(families, "halfopen_process_connections", {"process=\"web\"", "risk=\"slow\""}), 2.0);
        QCOMPARE(valueOf(families, "halfopen_process_connections", {"process=\"web\"", "risk=\"half-open-forever\""}),
                 0.0);
        QCOMPARE(valueOf(families, "halfopen_suspected_dead_peers"), 1.0);
        QCOMPARE(valueOf(families, "halfopen_process_suspected_dead_peers", {"process=\"plc\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connection_suspected_dead_peer", {"process=\"plc\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connection_predicted_detection_seconds",
                         {"process=\"sub\"", "death=\"idle_peer_powered_off\""}),
                 std::numeric_limits<double>::infinity());
        QCOMPARE(valueOf(families, "halfopen_connection_rto_seconds", {"process=\"plc\""}), 0.204);

        limits.aggregateOnly = true;
        QVERIFY(selectSeries(scan, limits).empty());
        const auto aggregates = buildMetrics(scan, selectSeries(scan, limits), ended, {});
        QCOMPARE(sampleCount(aggregates, "halfopen_connection_state"), 0);
        QCOMPARE(valueOf(aggregates, "halfopen_connections_omitted"), 5.0);
        QCOMPARE(valueOf(aggregates, "halfopen_connections_by_risk", {"risk=\"slow\""}), 2.0);
    }

    void suspectedDeadPeer()
    {
        ConnectionReport r = connection(1, "x", Risk::Ok, 19);
        QVERIFY(!r.suspectedDeadPeer());
        r.sample.unacked = 1;
        r.sample.backoff = 2;
        QVERIFY(!r.suspectedDeadPeer()); // two timeouts: a lossy link, not yet a dead peer
        r.sample.backoff = 3;
        QVERIFY(r.suspectedDeadPeer());
        r = connection(1, "x", Risk::Ok, 19);
        r.sample.timer = TcpTimer::Keepalive;
        r.sample.probes = 1;
        QVERIFY(r.suspectedDeadPeer());
        r.sample.timer = TcpTimer::Persist; // zero-window probes: the peer answers, its window is full
        QVERIFY(!r.suspectedDeadPeer());
    }

    void endedConnections()
    {
        EndedConnections ended;
        std::vector<ConnectionReport> scan;
        scan.push_back(connection(1, "plc", Risk::Ok, 19));
        ConnectionReport failing = connection(2, "plc", Risk::Ok, 19);
        failing.sample.retransmits = 4;
        failing.sample.backoff = 4;
        failing.sample.unacked = 1;
        scan.push_back(failing);
        scan.push_back(connection(3, "web", Risk::Ok, 19));
        scan.push_back(connection(4, "web", Risk::Ok, 19, TcpState::CloseWait));
        scan.push_back(connection(5, "web", Risk::Ok, 19));
        ended.update(scan);
        QCOMPARE(ended.count("plc", EndReason::Timeout), 0u);
        QVERIFY(ended.counts().count({"plc", EndReason::Timeout})); // the series exists from 0

        // Next scan: 2 gone while failing, 3 gone from healthy, 4 gone while closing, 5 now in
        // TIME_WAIT (another kernel object, same 4-tuple), 1 still there, 6 new.
        std::vector<ConnectionReport> next;
        next.push_back(scan[0]);
        ConnectionReport timeWait = connection(99, "", Risk::NotAssessed, std::nullopt, TcpState::TimeWait);
        timeWait.local = scan[4].local;
        timeWait.remote = scan[4].remote;
        next.push_back(timeWait);
        next.push_back(connection(6, "web", Risk::Ok, 19));
        ended.update(next);
        QCOMPARE(ended.count("plc", EndReason::Timeout), 1u);
        QCOMPARE(ended.count("plc", EndReason::Closed), 0u);
        QCOMPARE(ended.count("web", EndReason::Vanished), 1u);
        QCOMPARE(ended.count("web", EndReason::Closed), 2u);
        QCOMPARE(ended.tracked(), 2);

        // A failed scan must not count everyone as ended: MetricsExporter skips update() then;
        // an empty namespace does end them all.
        ended.update({});
        QCOMPARE(ended.count("plc", EndReason::Vanished), 1u);
        QCOMPARE(ended.count("web", EndReason::Vanished), 2u);

        const auto families = buildMetrics({}, {}, ended, {});
        QCOMPARE(valueOf(families, "halfopen_connections_ended_total", {"process=\"plc\"", "reason=\"timeout\""}), 1.0);
        QCOMPARE(valueOf(families, "halfopen_connections_ended_total", {"process=\"web\"", "reason=\"closed\""}), 2.0);
    }

    // Prometheus's linter on the classic text format: names, HELP, TYPE, units, counters.
    void promtoolAcceptsIt()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian: prometheus)");
        std::vector<ConnectionReport> scan;
        ConnectionReport known = connection(1, "mosquitto \"sub\"", Risk::Slow, 7861);
        known.keepaliveEnabled = true;
        known.keepaliveIdleS = 7200;
        known.keepaliveIntervalS = 75;
        known.keepaliveCount = 9;
        known.userTimeoutMs = 0;
        known.fix = "TCP_KEEPIDLE 60, TCP_KEEPINTVL 10, TCP_KEEPCNT 3 → 90 s";
        scan.push_back(known);
        scan.push_back(connection(2, "", Risk::HalfOpenForever, std::nullopt));
        EndedConnections ended;
        ended.update(scan);
        ExporterStatus status;
        status.version = "0.1.0";
        const QByteArray text
            = renderMetrics(buildMetrics(scan, selectSeries(scan, {}), ended, status), MetricsFormat::PrometheusText);
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(text);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray output = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
    }
};

QTEST_MAIN(tst_ConnectionMetrics)
#include "tst_ConnectionMetrics.moc"
