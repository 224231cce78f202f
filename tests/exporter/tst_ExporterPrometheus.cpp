// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli exporter scraped by a real Prometheus (Debian's), with the packaged alert rules,
// watching a network namespace of the test's own: client b keeps two idle connections to a
// server in namespace a, one with keepalive 7/3/4 (an idle powered-off peer is noticed
// 7 + 3 × 4 = 19 s after the last packet), one without keepalive (half-open forever). Through
// Prometheus's HTTP API: the prediction reads 19, the half-open-forever count 1, and the alert
// fires for the connection without keepalive only. Also: promtool check metrics on the real
// output, both exposition formats, the dashboard's queries valid, and the exporter's
// least-privilege claims (what CAP_SYS_PTRACE + CAP_DAC_READ_SEARCH give, what nobody gets).

#include "ExporterSupport.h"

#include "audit/ConnectionAudit.h"

#include "tests/support/CliPeer.h"
#include "tests/support/NetnsPair.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace halfopen;
using namespace halfopen::testing;

namespace {

QString promtool()
{
    return QStandardPaths::findExecutable(QStringLiteral("promtool"));
}

// Runs promtool check metrics on `text`; empty when it is happy, else what it said.
QByteArray promtoolComplaints(const QByteArray &text)
{
    QProcess check;
    check.start(promtool(), {QStringLiteral("check"), QStringLiteral("metrics")});
    check.waitForStarted();
    check.write(text);
    check.closeWriteChannel();
    check.waitForFinished(30000);
    const QByteArray said = (check.readAllStandardOutput() + check.readAllStandardError()).trimmed();
    return check.exitCode() == 0 && said.isEmpty() ? QByteArray()
                                                   : said + " (exit " + QByteArray::number(check.exitCode()) + ')';
}

// The metric names (families as the text format names them) in an exposition.
QSet<QString> familyNames(const QByteArray &text)
{
    QSet<QString> names;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("# TYPE "))
            names.insert(QString::fromUtf8(line.split(' ').value(2)));
    }
    return names;
}

// Every halfopen_* name a PromQL text mentions.
QSet<QString> namesIn(const QString &text)
{
    QSet<QString> names;
    static const QRegularExpression name(QStringLiteral("\\bhalfopen_[a-z_]+\\b"));
    for (auto it = name.globalMatch(text); it.hasNext();)
        names.insert(it.next().captured());
    return names;
}

QByteArray readSource(const QString &relative)
{
    QFile file(QStringLiteral(HALFOPEN_SOURCE_DIR "/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sampleValue(const QJsonArray &result, int index = 0)
{
    return result.at(index).toObject().value(QStringLiteral("value")).toArray().at(1).toString();
}

} // namespace

class tst_ExporterPrometheus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("creates network namespaces: needs root");
        m_net = std::make_unique<NetnsPair>();
        QVERIFY(m_net->isReady());
        m_server = std::make_unique<CliPeer>(m_net->execIn(m_net->a()));
        const int port = m_server->startServer(QStringLiteral("%1:0").arg(NetnsPair::kAddressA));
        QVERIFY2(port > 0, m_server->standardError().constData());
        const QString target = QStringLiteral("%1:%2").arg(NetnsPair::kAddressA).arg(port);
        m_serverAddress = target;
        m_keepalive = std::make_unique<CliPeer>(m_net->execIn(m_net->b()));
        m_keepalive->start({QStringLiteral("connect"), target, QStringLiteral("--keepalive"), QStringLiteral("7,3,4")});
        m_bare = std::make_unique<CliPeer>(m_net->execIn(m_net->b()));
        m_bare->start({QStringLiteral("connect"), target});
        for (CliPeer *client : {m_keepalive.get(), m_bare.get()})
            QTRY_VERIFY_WITH_TIMEOUT(client->find(core::EventKind::Endpoint, QStringLiteral("connected")), 10000);
        m_keepaliveLocal = m_keepalive->find(core::EventKind::Endpoint, QStringLiteral("connected"))->local;
        m_bareLocal = m_bare->find(core::EventKind::Endpoint, QStringLiteral("connected"))->local;
        m_netnsPath = QStringLiteral("/run/netns/") + m_net->b();
    }

    void cleanupTestCase()
    {
        m_keepalive.reset();
        m_bare.reset();
        m_server.reset();
        m_net.reset(); // the namespaces go last, with nothing left in them
    }

    // The exposition itself, both formats, read straight from the exporter.
    void exposition()
    {
        if (promtool().isEmpty())
            QSKIP("promtool is not installed (Debian: prometheus)");
        ExporterProcess exporter;
        QVERIFY(exporter.start({QStringLiteral("--netns"), m_netnsPath}));

        HttpReply text = httpGet(exporter.port(), "/metrics");
        QCOMPARE(text.status, 200);
        QCOMPARE(text.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const QByteArray complaints = promtoolComplaints(text.body);
        QVERIFY2(complaints.isEmpty(), complaints.constData());
        const QByteArray keepaliveLabels = "local=\"" + m_keepaliveLocal.toUtf8() + "\"";
        QVERIFY2(text.body.contains("halfopen_connection_predicted_detection_seconds{" + keepaliveLabels
                                    + ",remote=\"198.18.0.1:"),
                 text.body.constData());
        QVERIFY(text.body.contains("halfopen_connection_predicted_detection_seconds{local=\"" + m_bareLocal.toUtf8()));
        QVERIFY(text.body.contains("halfopen_connections_by_risk{risk=\"half-open-forever\"} 1\n"));
        QVERIFY(text.body.contains("halfopen_connections_by_options_source{source=\"socket\"} 2\n"));
        QVERIFY(text.body.contains("halfopen_scan_success 1\n"));

        const HttpReply open
            = httpGet(exporter.port(), "/metrics",
                      "application/openmetrics-text;version=1.0.0,application/"
                      "openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        QCOMPARE(open.status, 200);
        QCOMPARE(open.header("Content-Type"), QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8"));
        QVERIFY(open.body.endsWith("# EOF\n"));
        QVERIFY(open.body.contains("# TYPE halfopen_connections_ended counter\n"));
        QVERIFY(open.body.contains("# UNIT halfopen_connection_predicted_detection_seconds seconds\n"));

        QCOMPARE(httpGet(exporter.port(), "/nothing").status, 404);
        QCOMPARE(httpGet(exporter.port(), "/").status, 200);

        // Everything the rules and the dashboard query is something the exporter writes.
        const QSet<QString> written = familyNames(text.body);
        QSet<QString> used
            = namesIn(QString::fromUtf8(readSource(QStringLiteral("packaging/prometheus/halfopen-alerts.yml"))));
        used += namesIn(QString::fromUtf8(readSource(QStringLiteral("packaging/prometheus/halfopen-dashboard.json"))));
        QVERIFY(used.size() >= 10);
        for (const QString &name : std::as_const(used))
            QVERIFY2(written.contains(name), qPrintable(name + QStringLiteral(" is used but not written")));
    }

    void prometheusScrapesAndAlerts()
    {
        if (PrometheusServer::executable().isEmpty())
            QSKIP("prometheus is not installed (Debian: prometheus)");
        ExporterProcess exporter;
        QVERIFY(exporter.start({QStringLiteral("--netns"), m_netnsPath}));

        // The packaged rules with short waits: the 10 minutes become 2 seconds.
        PrometheusServer prometheus;
        QByteArray rules = readSource(QStringLiteral("packaging/prometheus/halfopen-alerts.yml"));
        QVERIFY(rules.contains("for: 10m"));
        rules.replace(QByteArrayLiteral("for: 10m"), QByteArrayLiteral("for: 2s"));
        rules.replace(QByteArrayLiteral("for: 1m"), QByteArrayLiteral("for: 2s"));
        rules.replace(QByteArrayLiteral("for: 5m"), QByteArrayLiteral("for: 2s"));
        const QString rulesFile = prometheus.dir() + QStringLiteral("/halfopen-alerts.yml");
        QFile file(rulesFile);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(rules) == rules.size());
        file.close();
        QVERIFY2(prometheus.start(exporter.port(), {rulesFile}), prometheus.log().constData());

        // The 7/3/4 connection's predicted detection of an idle powered-off peer: 19 s.
        const QString detection = QStringLiteral(
            "halfopen_connection_predicted_detection_seconds{death=\"idle_peer_powered_off\",local=\"%1\"}");
        QJsonArray result;
        QTRY_VERIFY2_WITH_TIMEOUT((result = prometheus.query(detection.arg(m_keepaliveLocal))).size() == 1,
                                  prometheus.log().constData(), 20000);
        QCOMPARE(sampleValue(result), QStringLiteral("19"));
        QCOMPARE(result.at(0)
                     .toObject()
                     .value(QStringLiteral("metric"))
                     .toObject()
                     .value(QStringLiteral("process"))
                     .toString(),
                 QStringLiteral("halfopen-cli"));
        // Without keepalive: never.
        result = prometheus.query(detection.arg(m_bareLocal));
        QCOMPARE(result.size(), 1);
        QCOMPARE(sampleValue(result), QStringLiteral("+Inf"));
        // One connection of the namespace would stay half-open forever: the bare one.
        result = prometheus.query(QStringLiteral("sum(halfopen_connections_by_risk{risk=\"half-open-forever\"})"));
        QCOMPARE(sampleValue(result), QStringLiteral("1"));
        result = prometheus.query(QStringLiteral("halfopen_connection_risk{risk=\"half-open-forever\"}"));
        QCOMPARE(result.size(), 1);
        QCOMPARE(result.at(0)
                     .toObject()
                     .value(QStringLiteral("metric"))
                     .toObject()
                     .value(QStringLiteral("local"))
                     .toString(),
                 m_bareLocal);

        // The target is healthy: Prometheus asked for OpenMetrics and parsed what it got.
        const QJsonArray targets
            = prometheus.api("targets").toObject().value(QStringLiteral("activeTargets")).toArray();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.at(0).toObject().value(QStringLiteral("health")).toString(), QStringLiteral("up"));

        // The alert fires for the connection without keepalive, and only for it.
        auto firing = [&] {
            QStringList locals;
            const QJsonArray alerts = prometheus.api("alerts").toObject().value(QStringLiteral("alerts")).toArray();
            for (const QJsonValue &alert : alerts) {
                const QJsonObject a = alert.toObject();
                const QJsonObject labels = a.value(QStringLiteral("labels")).toObject();
                if (a.value(QStringLiteral("state")).toString() == QLatin1String("firing")
                    && labels.value(QStringLiteral("alertname")).toString()
                        == QLatin1String("HalfOpenForeverConnection"))
                    locals << labels.value(QStringLiteral("local")).toString();
            }
            return locals;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(!firing().isEmpty(), prometheus.log().constData(), 30000);
        QCOMPARE(firing(), QStringList{m_bareLocal});
        const QJsonArray alerts = prometheus.api("alerts").toObject().value(QStringLiteral("alerts")).toArray();
        bool described = false;
        for (const QJsonValue &alert : alerts) {
            const QString description = alert.toObject()
                                            .value(QStringLiteral("annotations"))
                                            .toObject()
                                            .value(QStringLiteral("description"))
                                            .toString();
            described = described
                || (description.contains(m_bareLocal) && description.contains(QStringLiteral("Fix: SO_KEEPALIVE 1")));
        }
        QVERIFY2(described, QJsonDocument(alerts).toJson().constData());

        // Prometheus talked to nobody but the exporter and this test: its every connection, found
        // the way the audit finds a process's connections, is on loopback.
        {
            audit::ConnectionAudit processes;
            QVERIFY(processes.open());
            audit::AuditFilter filter;
            filter.pid = prometheus.pid();
            std::vector<audit::AuditedConnection> connections;
            QVERIFY(processes.scan(filter, &connections));
            QVERIFY(!connections.empty()); // at least its scrape connection to the exporter
            for (const audit::AuditedConnection &c : connections)
                QVERIFY2(c.socket.remote.host().startsWith(QLatin1String("127.")),
                         qPrintable(c.socket.remote.toString()));
        }

        // Every query of the dashboard is valid PromQL for this Prometheus, and most return data.
        const QJsonObject dashboard
            = QJsonDocument::fromJson(readSource(QStringLiteral("packaging/prometheus/halfopen-dashboard.json")))
                  .object();
        int queries = 0;
        int withData = 0;
        for (const QJsonValue &panel : dashboard.value(QStringLiteral("panels")).toArray()) {
            for (const QJsonValue &target : panel.toObject().value(QStringLiteral("targets")).toArray()) {
                QString expr = target.toObject().value(QStringLiteral("expr")).toString();
                expr.replace(QStringLiteral("$instance"), QStringLiteral(".*"))
                    .replace(QStringLiteral("$__rate_interval"), QStringLiteral("1m"));
                QString error;
                const QJsonValue data = prometheus.api("query?query=" + QUrl::toPercentEncoding(expr), &error);
                QVERIFY2(data.isObject(), qPrintable(expr + QStringLiteral(": ") + error));
                ++queries;
                withData += data.toObject().value(QStringLiteral("result")).toArray().isEmpty() ? 0 : 1;
            }
        }
        QVERIFY(queries >= 12);
        QVERIFY2(withData >= queries / 2,
                 qPrintable(QStringLiteral("%1 of %2 queries returned data").arg(withData).arg(queries)));
    }

    // The systemd unit's claim: CAP_SYS_PTRACE + CAP_DAC_READ_SEARCH are enough to map other
    // users' processes and read their sockets' options; without them the exporter falls back
    // to the timer and says so; --netns needs CAP_SYS_ADMIN and says that.
    void leastPrivilege()
    {
        const QStringList nobody{QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                                 QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups")};
        const QString caps = QStringLiteral("-all,+sys_ptrace,+dac_read_search");
        core::NetworkNamespace netns;
        QString error;
        QVERIFY2(netns.open(m_netnsPath, &error), qPrintable(error));

        // Run inside the namespace (so that it needs no setns), the exporter also sees its own
        // HTTP connection with the test: only the two clients' series are looked at.
        auto series
            = [this](const char *name, const QString &local, const QByteArray &process, const QByteArray &extra) {
                  return QByteArray(name) + "{local=\"" + local.toUtf8() + "\",remote=\"" + m_serverAddress.toUtf8()
                      + "\",process=\"" + process + "\"" + extra + '}';
              };
        {
            ExporterProcess exporter;
            QVERIFY(exporter.start({},
                                   m_net->execIn(m_net->b()) + nobody
                                       + QStringList{QStringLiteral("--inh-caps=") + caps,
                                                     QStringLiteral("--ambient-caps=") + caps,
                                                     QStringLiteral("--bounding-set=") + caps}));
            const HttpReply reply = httpGet(exporter.port(), "/metrics", {}, netns.fd());
            QCOMPARE(reply.status, 200);
            // Processes mapped and options read from the sockets of another user (root).
            QVERIFY2(reply.body.contains(series("halfopen_connection_keepalive_enabled", m_keepaliveLocal,
                                                "halfopen-cli", ",source=\"socket\"")
                                         + " 1\n"),
                     reply.body.constData());
            QVERIFY(reply.body.contains(
                series("halfopen_connection_keepalive_idle_seconds", m_keepaliveLocal, "halfopen-cli", {}) + " 7\n"));
            QVERIFY(reply.body.contains(
                series("halfopen_connection_keepalive_enabled", m_bareLocal, "halfopen-cli", ",source=\"socket\"")
                + " 0\n"));
        }
        {
            ExporterProcess exporter;
            QVERIFY(exporter.start({}, m_net->execIn(m_net->b()) + nobody));
            const HttpReply reply = httpGet(exporter.port(), "/metrics", {}, netns.fd());
            QCOMPARE(reply.status, 200);
            // No process, no option values; keepalive on or off is still known from the
            // kernel's timer, and so is the risk.
            QVERIFY2(reply.body.contains(
                         series("halfopen_connection_keepalive_enabled", m_keepaliveLocal, "", ",source=\"timer\"")
                         + " 1\n"),
                     reply.body.constData());
            QVERIFY(
                !reply.body.contains(series("halfopen_connection_keepalive_idle_seconds", m_keepaliveLocal, "", {})));
            QVERIFY(reply.body.contains(
                series("halfopen_connection_keepalive_enabled", m_bareLocal, "", ",source=\"timer\"") + " 0\n"));
            QVERIFY2(reply.body.contains(series("halfopen_connection_risk", m_bareLocal, "",
                                                ",risk=\"half-open-forever\",fix=\"SO_KEEPALIVE 1, TCP_KEEPIDLE 60, "
                                                "TCP_KEEPINTVL 10, TCP_KEEPCNT 3 → 90 s\"")
                                         + " 1\n"),
                     reply.body.constData());
        }
        QProcess refused;
        refused.start(nobody.first(),
                      nobody.mid(1)
                          + QStringList{QStringLiteral(HALFOPEN_CLI), QStringLiteral("exporter"),
                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--netns"), m_netnsPath});
        QVERIFY(refused.waitForFinished(10000));
        const QByteArray said = refused.readAllStandardError();
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY2(said.contains("--netns") && said.contains("EPERM"), said.constData());
    }

    // Last (it cuts the link): a connection that dies of retransmission timeouts is seen failing
    // (a suspected dead peer) and then counted as ended by "timeout" for its process.
    void endedByTimeout()
    {
        ExporterProcess exporter;
        QVERIFY(exporter.start({QStringLiteral("--netns"), m_netnsPath}));
        CliPeer sender(m_net->execIn(m_net->b()));
        sender.start({QStringLiteral("connect"), m_serverAddress, QStringLiteral("--user-timeout"),
                      QStringLiteral("5000"), QStringLiteral("--traffic"), QStringLiteral("periodic:200:100")});
        QTRY_VERIFY_WITH_TIMEOUT(sender.find(core::EventKind::Endpoint, QStringLiteral("connected")), 10000);
        const QByteArray local = sender.find(core::EventKind::Endpoint, QStringLiteral("connected"))->local.toUtf8();
        const QByteArray timeouts = "halfopen_connections_ended_total{process=\"halfopen-cli\",reason=\"timeout\"} ";
        auto counted = [&](const QByteArray &body) {
            const qsizetype at = body.indexOf(timeouts);
            return at < 0 ? -1 : body.mid(at + timeouts.size(), body.indexOf('\n', at) - at - timeouts.size()).toInt();
        };
        const HttpReply before = httpGet(exporter.port(), "/metrics");
        QVERIFY(before.body.contains("local=\"" + local + "\""));
        const int timeoutsBefore = counted(before.body);
        QCOMPARE(timeoutsBefore, 0);

        QVERIFY(m_net->unplug());
        bool suspected = false;
        int timeoutsAfter = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000) {
            const HttpReply reply = httpGet(exporter.port(), "/metrics");
            suspected = suspected
                || reply.body.contains("halfopen_connection_suspected_dead_peer{local=\"" + local + "\",remote=\""
                                       + m_serverAddress.toUtf8() + "\",process=\"halfopen-cli\"} 1\n");
            timeoutsAfter = counted(reply.body);
            if (timeoutsAfter > 0 && !reply.body.contains("local=\"" + local + "\""))
                break;
            QTest::qWait(250);
        }
        QVERIFY2(suspected, "the failing connection was never a suspected dead peer");
        QVERIFY2(timeoutsAfter >= 1, QByteArray::number(timeoutsAfter).constData());
        QTRY_COMPARE_WITH_TIMEOUT(sender.process().state(), QProcess::NotRunning, 10000);
        QCOMPARE(sender.process().exitCode(), 1); // ETIMEDOUT, as the exporter judged
    }

private:
    std::unique_ptr<NetnsPair> m_net;
    std::unique_ptr<CliPeer> m_server;
    std::unique_ptr<CliPeer> m_keepalive;
    std::unique_ptr<CliPeer> m_bare;
    QString m_keepaliveLocal;
    QString m_bareLocal;
    QString m_netnsPath;
    QString m_serverAddress;
};

QTEST_MAIN(tst_ExporterPrometheus)
#include "tst_ExporterPrometheus.moc"
