// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli predict as a script sees it: the JSON keys and values, the table, and bad input
// answered with one line naming the field and its range, exit status 2.

#include "tests/support/CliRun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

using Run = halfopen::testing::CliRun;

Run predict(const QStringList &arguments)
{
    return halfopen::testing::runCli(QStringList{QStringLiteral("predict")} + arguments, 10000);
}

QJsonObject predictJson(const QStringList &arguments)
{
    const Run run = predict(arguments + QStringList{QStringLiteral("--json")});
    if (run.exitCode != 0) {
        qWarning("exit %d: %s", run.exitCode, qPrintable(run.err));
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.outBytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestPredictCommand : public QObject
{
    Q_OBJECT
private slots:
    void jsonHasAKeyPerKindOfDeath();
    void jsonValues();
    void userTimeoutAndKeepalive();
    void heartbeatNoticesTheFrozenPeer();
    void retries2ZeroIsAllowed();
    void table();
    void help();
    void badInput_data();
    void badInput();
};

void TestPredictCommand::jsonHasAKeyPerKindOfDeath()
{
    const QJsonObject json = predictJson({});
    const QStringList kinds{
        "idle_peer_powered_off", "peer_unplugged_data_in_flight", "connect_to_powered_off_host", "peer_process_killed",
        "peer_rebooted",         "peer_process_frozen",           "peer_rebooted_idle"};
    QCOMPARE(json.keys().size(), kinds.size());
    for (const QString &kind : kinds) {
        QVERIFY2(json.contains(kind), qPrintable(kind));
        const QJsonObject p = json.value(kind).toObject();
        for (const char *key :
             {"mechanism", "errno", "seconds", "min_seconds", "max_seconds", "reference", "explanation"})
            QVERIFY2(p.contains(QLatin1String(key)), qPrintable(kind + QLatin1Char(' ') + QLatin1String(key)));
        QVERIFY(
            QStringList({"fault", "last_received", "first_unacked_send"}).contains(p.value("reference").toString()));
        QVERIFY(!p.value("explanation").toString().isEmpty());
    }
    // No keepalive, no heartbeat: an idle connection to a powered-off peer lives forever.
    const QJsonObject idle = json.value("idle_peer_powered_off").toObject();
    QCOMPARE(idle.value("mechanism").toString(), QStringLiteral("none"));
    QVERIFY(idle.value("seconds").isNull());
    QVERIFY(idle.value("errno").isNull());
}

void TestPredictCommand::jsonValues()
{
    const QJsonObject json = predictJson({"--keepalive", "2,1,3", "--retries2", "5", "--syn-retries", "2"});

    const QJsonObject idle = json.value("idle_peer_powered_off").toObject();
    QCOMPARE(idle.value("mechanism").toString(), QStringLiteral("keepalive"));
    QCOMPARE(idle.value("errno").toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(idle.value("reference").toString(), QStringLiteral("last_received"));
    QCOMPARE(idle.value("seconds").toDouble(), 5.0);
    QVERIFY(idle.value("min_seconds").toDouble() <= 5.09 && 5.09 <= idle.value("max_seconds").toDouble());

    const QJsonObject unplugged = json.value("peer_unplugged_data_in_flight").toObject();
    QCOMPARE(unplugged.value("mechanism").toString(), QStringLiteral("retransmission_timeout"));
    QCOMPARE(unplugged.value("errno").toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(unplugged.value("reference").toString(), QStringLiteral("first_unacked_send"));
    const double seconds = unplugged.value("seconds").toDouble();
    QVERIFY2(seconds >= 13.0 && seconds <= 13.5, qPrintable(QString::number(seconds)));
    QVERIFY(unplugged.value("max_seconds").toDouble() >= 13.5);

    const QJsonObject connect = json.value("connect_to_powered_off_host").toObject();
    QCOMPARE(connect.value("mechanism").toString(), QStringLiteral("syn_timeout"));
    QCOMPARE(connect.value("seconds").toDouble(), 7.0);

    const QJsonObject killed = json.value("peer_process_killed").toObject();
    QCOMPARE(killed.value("mechanism").toString(), QStringLiteral("fin"));
    QCOMPARE(killed.value("errno").toString(), QStringLiteral("EPIPE"));
    QCOMPARE(killed.value("reference").toString(), QStringLiteral("fault"));
    QVERIFY(killed.value("seconds").toDouble() < 0.01);

    const QJsonObject rebooted = json.value("peer_rebooted").toObject();
    QCOMPARE(rebooted.value("mechanism").toString(), QStringLiteral("rst"));
    QCOMPARE(rebooted.value("errno").toString(), QStringLiteral("ECONNRESET"));
    QVERIFY(rebooted.value("seconds").toDouble() < 0.01);

    const QJsonObject frozen = json.value("peer_process_frozen").toObject();
    QCOMPARE(frozen.value("mechanism").toString(), QStringLiteral("none"));
    QVERIFY(frozen.value("seconds").isNull());
}

void TestPredictCommand::userTimeoutAndKeepalive()
{
    const QJsonObject json = predictJson({"--keepalive", "2,1,3", "--user-timeout", "3000"});
    QCOMPARE(json.value("idle_peer_powered_off").toObject().value("seconds").toDouble(), 3.0);
    const QJsonObject unplugged = json.value("peer_unplugged_data_in_flight").toObject();
    QCOMPARE(unplugged.value("mechanism").toString(), QStringLiteral("user_timeout"));
    const double seconds = unplugged.value("seconds").toDouble();
    QVERIFY2(seconds >= 3.4 && seconds <= 3.43, qPrintable(QString::number(seconds)));
    // 8 probes although the count is 3.
    const QJsonObject longer
        = predictJson({"--keepalive", "2,1,3", "--user-timeout", "10000"}).value("idle_peer_powered_off").toObject();
    QCOMPARE(longer.value("seconds").toDouble(), 10.0);
}

void TestPredictCommand::heartbeatNoticesTheFrozenPeer()
{
    const QJsonObject json = predictJson({"--heartbeat", "1000,3", "--keepalive", "2,1,3"});
    for (const char *kind : {"peer_process_frozen", "idle_peer_powered_off"}) {
        const QJsonObject p = json.value(QLatin1String(kind)).toObject();
        QCOMPARE(p.value("mechanism").toString(), QStringLiteral("heartbeat"));
        QCOMPARE(p.value("reference").toString(), QStringLiteral("fault"));
        QCOMPARE(p.value("min_seconds").toDouble(), 3.0);
        QCOMPARE(p.value("max_seconds").toDouble(), 4.0);
    }
}

void TestPredictCommand::retries2ZeroIsAllowed()
{
    // The kernel accepts tcp_retries2 = 0 (a u8 sysctl without a minimum).
    const QJsonObject p = predictJson({"--retries2", "0"}).value("peer_unplugged_data_in_flight").toObject();
    QCOMPARE(p.value("mechanism").toString(), QStringLiteral("retransmission_timeout"));
    QVERIFY(p.value("seconds").toDouble() < 1.0);
}

void TestPredictCommand::table()
{
    const Run run = predict({"--keepalive", "2,1,3", "--retries2", "5"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QString out = run.out;
    // One row per kind of death with the mechanism and errno, and an explanation for each.
    for (const char *word : {"keepalive", "retransmission_timeout", "syn_timeout", "fin", "rst", "ETIMEDOUT",
                             "ECONNRESET", "EPIPE", "13.056 s", "never"})
        QVERIFY2(out.contains(QLatin1String(word)), word);
    QVERIFY(out.count(QLatin1Char('\n')) >= 14);
}

void TestPredictCommand::help()
{
    const Run run = predict({"--help"});
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--keepalive", "--user-timeout", "--retries2", "--syn-retries", "--heartbeat", "--json"})
        QVERIFY2(run.out.contains(option), option);
}

void TestPredictCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("range"); // must appear in the message
    QTest::newRow("keepalive idle 0") << QStringList{"--keepalive", "0,1,3"} << "keepalive idle"
                                      << "from 1 to 32767";
    QTest::newRow("keepalive idle 32768") << QStringList{"--keepalive", "32768,1,3"} << "keepalive idle"
                                          << "32767";
    QTest::newRow("keepalive interval 0") << QStringList{"--keepalive", "2,0,3"} << "keepalive interval"
                                          << "32767";
    QTest::newRow("keepalive count 128") << QStringList{"--keepalive", "2,1,128"} << "keepalive count"
                                         << "from 1 to 127";
    QTest::newRow("keepalive idle huge") << QStringList{"--keepalive", "99999999999,1,3"} << "keepalive idle"
                                         << "32767";
    QTest::newRow("keepalive two values") << QStringList{"--keepalive", "2,1"} << "keepalive"
                                          << "1..127";
    QTest::newRow("keepalive words") << QStringList{"--keepalive", "a,b,c"} << "keepalive"
                                     << "1..32767";
    QTest::newRow("user timeout negative") << QStringList{"--user-timeout", "-1"} << "user timeout"
                                           << "from 0 to 2147483647";
    QTest::newRow("user timeout too big") << QStringList{"--user-timeout", "3000000000"} << "user timeout"
                                          << "2147483647";
    QTest::newRow("user timeout word") << QStringList{"--user-timeout", "soon"} << "user timeout"
                                       << "2147483647";
    QTest::newRow("retries2 256") << QStringList{"--retries2", "256"} << "retries2"
                                  << "from 0 to 255";
    QTest::newRow("retries2 -1") << QStringList{"--retries2", "-1"} << "retries2"
                                 << "from 0 to 255";
    QTest::newRow("syn retries 0") << QStringList{"--syn-retries", "0"} << "syn retries"
                                   << "from 1 to 127";
    QTest::newRow("syn retries 128") << QStringList{"--syn-retries", "128"} << "syn retries"
                                     << "from 1 to 127";
    QTest::newRow("syn linear 128") << QStringList{"--syn-linear-timeouts", "128"} << "syn linear timeouts"
                                    << "from 0 to 127";
    QTest::newRow("heartbeat 0 ms") << QStringList{"--heartbeat", "0,3"} << "heartbeat interval"
                                    << "from 1 to";
    QTest::newRow("heartbeat 0 misses") << QStringList{"--heartbeat", "1000,0"} << "heartbeat misses"
                                        << "from 1 to";
    QTest::newRow("heartbeat one value") << QStringList{"--heartbeat", "1000"} << "heartbeat"
                                         << "interval 1..";
    QTest::newRow("heartbeat three values") << QStringList{"--heartbeat", "1000,3,1"} << "heartbeat"
                                            << "misses 1..";
    QTest::newRow("rto max 500") << QStringList{"--rto-max", "500"} << "rto max"
                                 << "from 1000 to 120000";
    QTest::newRow("rtt word") << QStringList{"--rtt", "fast"} << "rtt"
                              << "from 0 to";
    QTest::newRow("unknown option") << QStringList{"--keepalive-idle", "2"} << "option"
                                    << "keepalive-idle";
    QTest::newRow("unknown option lists the known") << QStringList{"--bogus"} << "option"
                                                    << "--heartbeat";
    QTest::newRow("missing value") << QStringList{"--retries2"} << "option"
                                   << "retries2";
    QTest::newRow("stray argument") << QStringList{"now"} << "argument"
                                    << "now";
}

void TestPredictCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, range);
    const Run run = predict(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    const QString err = run.err;
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("halfopen-cli: %1: ").arg(field)), qPrintable(err));
    QVERIFY2(err.contains(range), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestPredictCommand)
#include "tst_PredictCommand.moc"
