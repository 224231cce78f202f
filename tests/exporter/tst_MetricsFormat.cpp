// SPDX-License-Identifier: GPL-3.0-or-later
// The exposition formats: the classic text format and OpenMetrics, escaping, values, and the
// content negotiation Prometheus's Accept header drives.

#include "exporter/MetricsFormat.h"

#include <QTest>

#include <limits>

using namespace halfopen::exporter;

class tst_MetricsFormat : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integer") << 19.0 << QByteArray("19");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("rto") << 0.204 << QByteArray("0.204");
        QTest::newRow("big") << 7861.4 << QByteArray("7861.4");
        QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    }
    void values()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(formatValue(value), text);
    }

    void labelEscaping()
    {
        QCOMPARE(labelPair("process", "a\"b\\c\nd"), QByteArray("process=\"a\\\"b\\\\c\\nd\""));
        QCOMPARE(joinLabels({"a=\"1\"", "", "b=\"2\""}), QByteArray("a=\"1\",b=\"2\""));
    }

    void textFormat()
    {
        std::vector<MetricFamily> families;
        MetricFamily &detection
            = families.emplace_back("halfopen_connection_predicted_detection_seconds", MetricType::Gauge,
                                    "Predicted \"time\"\\ until\nnoticed.", "seconds");
        detection.add(labelPair("local", "198.18.0.2:40000"), labelPair("death", "idle_peer_powered_off"), 19);
        detection.add(labelPair("local", "198.18.0.2:40001"), labelPair("death", "idle_peer_powered_off"),
                      std::numeric_limits<double>::infinity());
        families.emplace_back("halfopen_connections_ended", MetricType::Counter, "Ended.")
            .add(labelPair("process", "broker"), labelPair("reason", "timeout"), 3);
        families.emplace_back("halfopen_exporter_build", MetricType::Info, "Version.")
            .add(labelPair("version", "0.1.0"), 1);
        families.emplace_back("halfopen_suspected_dead_peers", MetricType::Gauge, "Suspected.").add(2);

        const QByteArray text = renderMetrics(families, MetricsFormat::PrometheusText);
        QCOMPARE(text,
                 QByteArray(
                     "# HELP halfopen_connection_predicted_detection_seconds Predicted \"time\"\\\\ until\\nnoticed.\n"
                     "# TYPE halfopen_connection_predicted_detection_seconds gauge\n"
                     "halfopen_connection_predicted_detection_seconds{local=\"198.18.0.2:40000\",death=\"idle_peer_"
                     "powered_off\"} 19\n"
                     "halfopen_connection_predicted_detection_seconds{local=\"198.18.0.2:40001\",death=\"idle_peer_"
                     "powered_off\"} +Inf\n"
                     "# HELP halfopen_connections_ended_total Ended.\n"
                     "# TYPE halfopen_connections_ended_total counter\n"
                     "halfopen_connections_ended_total{process=\"broker\",reason=\"timeout\"} 3\n"
                     "# HELP halfopen_exporter_build_info Version.\n"
                     "# TYPE halfopen_exporter_build_info gauge\n"
                     "halfopen_exporter_build_info{version=\"0.1.0\"} 1\n"
                     "# HELP halfopen_suspected_dead_peers Suspected.\n"
                     "# TYPE halfopen_suspected_dead_peers gauge\n"
                     "halfopen_suspected_dead_peers 2\n"));

        const QByteArray open = renderMetrics(families, MetricsFormat::OpenMetrics);
        QCOMPARE(
            open,
            QByteArray(
                "# HELP halfopen_connection_predicted_detection_seconds Predicted \\\"time\\\"\\\\ until\\nnoticed.\n"
                "# TYPE halfopen_connection_predicted_detection_seconds gauge\n"
                "# UNIT halfopen_connection_predicted_detection_seconds seconds\n"
                "halfopen_connection_predicted_detection_seconds{local=\"198.18.0.2:40000\",death=\"idle_peer_powered_"
                "off\"} 19\n"
                "halfopen_connection_predicted_detection_seconds{local=\"198.18.0.2:40001\",death=\"idle_peer_powered_"
                "off\"} +Inf\n"
                "# HELP halfopen_connections_ended Ended.\n"
                "# TYPE halfopen_connections_ended counter\n"
                "halfopen_connections_ended_total{process=\"broker\",reason=\"timeout\"} 3\n"
                "# HELP halfopen_exporter_build Version.\n"
                "# TYPE halfopen_exporter_build info\n"
                "halfopen_exporter_build_info{version=\"0.1.0\"} 1\n"
                "# HELP halfopen_suspected_dead_peers Suspected.\n"
                "# TYPE halfopen_suspected_dead_peers gauge\n"
                "halfopen_suspected_dead_peers 2\n"
                "# EOF\n"));
    }

    void negotiation_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("openMetrics");
        // What Prometheus 2.x sends by default.
        QTest::newRow("prometheus 2") << QByteArray(
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/"
            "plain;version=0.0.4;q=0.5,*/*;q=0.1")
                                      << true;
        // Prometheus with scrape_protocols / the text format preferred.
        QTest::newRow("text preferred") << QByteArray(
            "text/plain;version=0.0.4;q=1,application/openmetrics-text;version=1.0.0;q=0.5")
                                        << false;
        QTest::newRow("no header") << QByteArray() << false;
        QTest::newRow("curl") << QByteArray("*/*") << false;
        QTest::newRow("browser") << QByteArray("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                                 << false;
        QTest::newRow("openmetrics only") << QByteArray("application/openmetrics-text") << true;
        QTest::newRow("spaces, case") << QByteArray(
            " Application/OpenMetrics-Text ; version=\"1.0.0\" ; q=0.9 , text/plain ; q=0.2")
                                      << true;
        QTest::newRow("old openmetrics only") << QByteArray("application/openmetrics-text;version=0.0.1") << false;
        QTest::newRow("openmetrics refused") << QByteArray("application/openmetrics-text;q=0,text/plain") << false;
        QTest::newRow("tie") << QByteArray("text/plain;version=0.0.4,application/openmetrics-text;version=1.0.0")
                             << true;
    }
    void negotiation()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, openMetrics);
        QCOMPARE(negotiateFormat(accept) == MetricsFormat::OpenMetrics, openMetrics);
    }

    void contentTypes()
    {
        QCOMPARE(contentType(MetricsFormat::PrometheusText), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(contentType(MetricsFormat::OpenMetrics),
                 QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8"));
    }
};

QTEST_APPLESS_MAIN(tst_MetricsFormat)
#include "tst_MetricsFormat.moc"
