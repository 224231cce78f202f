// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioRunner against a scripted LabDriver: steps carried out after ready(), every event
// recorded with a verdict per detection, expectations judged as events arrive, the end
// conditions, lab failures, and the summary.

#include "EventStream.h"
#include "ScriptedLabDriver.h"

#include "core/session/Session.h"
#include "lab/scenario/RecordedRun.h"
#include "lab/scenario/ScenarioRunner.h"
#include "lab/scenario/ScenarioSummaryText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>

using namespace halfopen::lab;
using namespace scenariotest;
using halfopen::core::Session;

namespace {

// Keepalive 2/1/3 on the client; the server is powered off 50 ms after ready.
QByteArray keepaliveScenario(const char *when, double timeoutS, const char *window)
{
    return QStringLiteral(R"({"title": "t", "explanation": "e",
      "lab": {"hosts": {"client": {"keepalive": {"idle_s": 2, "interval_s": 1, "count": 3}}}},
      "steps": [{"at_s": 0.05, "fault": "power-off", "host": "server"}],
      "end": {"timeout_s": %1, "when": "%2"},
      "expect": [{"id": "ka", "host": "client", "errno": "ETIMEDOUT", "mechanism": "keepalive", "within_s": %3, "reference": "last_received"},
                 {"id": "probes", "host": "client", "count": "keepalive_probes", "min": 3, "max": 3}]})")
        .arg(timeoutS)
        .arg(QLatin1String(when), QLatin1String(window))
        .toUtf8();
}

Scenario parse(const QByteArray &json)
{
    QString error;
    const auto s = Scenario::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("scripted"), &error);
    if (!s)
        qFatal("scenario does not parse: %s", qPrintable(error));
    return *s;
}

// What a powered-off peer does to an idle keepalive 2/1/3 client: the handshake right after
// ready, then, from the power-off, probes and the ETIMEDOUT 5.09 s after the last packet.
void scriptKeepaliveDeath(ScriptedLabDriver &lab)
{
    lab.afterReady = handshake(0);
    lab.consequences = [&lab](const Fault &fault) -> QList<Event> {
        if (fault.kind != FaultKind::PowerOff)
            return {};
        // Offsets are from the fault; the handshake was at ready, so shift by the difference.
        const qint64 sinceReady = halfopen::core::monotonicNowUs() - lab.readyUs;
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << packet(us(2.09 + i) - sinceReady, halfopen::core::Host::Client, QStringLiteral("keepalive-probe"),
                             1000, 5001);
        events << error(us(5.09) - sinceReady, halfopen::core::Host::Client, ETIMEDOUT, DetectionMechanism::Keepalive,
                        true, 5090)
               << endpoint(us(5.0901) - sinceReady, halfopen::core::Host::Client, QStringLiteral("closed"));
        return events;
    };
}

QJsonObject onlyDetection(const QJsonObject &summary)
{
    const QJsonArray detections = summary.value(QStringLiteral("detections")).toArray();
    return detections.size() == 1 ? detections.first().toObject() : QJsonObject();
}

} // namespace

class ScenarioRunnerTest : public QObject
{
    Q_OBJECT

private slots:
    void endsWhenExpectationsAreMet();
    void endsAtTimeoutWhenNotMet();
    void timeoutEndWaitsEvenWhenMet();
    void waitsForTheLastStep();
    void labFailsToStart();
    void failedLabJudgesNothing();
    void labNeverReady();
    void labStopsByItself();
    void stoppedByUser();
    void recordedRunOnARealNetwork();
};

void ScenarioRunnerTest::endsWhenExpectationsAreMet()
{
    ScriptedLabDriver lab;
    scriptKeepaliveDeath(lab);
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy ready(&runner, &ScenarioRunner::ready);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    QElapsedTimer wall;
    wall.start();
    runner.start(parse(keepaliveScenario("expectations_met", 30, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    QVERIFY(wall.elapsed() < 5000); // the death is stamped in the future: no need to wait for it
    QCOMPARE(ready.size(), 1);
    QVERIFY(lab.started);
    QCOMPARE(lab.stops, 1);
    QCOMPARE(lab.applied.size(), 1);
    QCOMPARE(lab.applied.first().kind, FaultKind::PowerOff);
    QCOMPARE(lab.config.client.endpoint.options.keepalive.idleS, 2); // the scenario's lab went to the driver

    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("scenario")).toString(), QStringLiteral("scripted"));
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("expectations_met"));
    QCOMPARE(runner.readyUs(), lab.readyUs); // time zero is the lab's own ready

    const QJsonObject d = onlyDetection(summary);
    QCOMPARE(d.value(QStringLiteral("errno")).toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(d.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
    QCOMPARE(d.value(QStringLiteral("reference")).toString(), QStringLiteral("last_received"));
    QVERIFY(qAbs(d.value(QStringLiteral("detected_t_s")).toDouble() - 5.09) < 1e-3);
    QVERIFY(qAbs(d.value(QStringLiteral("elapsed_s")).toDouble() - 5.09) < 1e-3);
    const double faultT = d.value(QStringLiteral("fault_t_s")).toDouble();
    QVERIFY2(faultT >= 0.05 && faultT < 1.0, qPrintable(QString::number(faultT)));
    QVERIFY(qAbs(d.value(QStringLiteral("elapsed_from")).toObject().value(QStringLiteral("fault")).toDouble()
                 - (5.09 - faultT))
            < 1e-3);
    QVERIFY(qAbs(d.value(QStringLiteral("predicted_s")).toDouble() - 5.0) < 0.2);

    const QJsonArray faults = summary.value(QStringLiteral("faults")).toArray();
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.first().toObject().value(QStringLiteral("fault")).toString(), QStringLiteral("power-off"));

    // Every event went into the session, plus one verdict carrying the same figures.
    int verdicts = 0;
    int errors = 0;
    for (const Event &e : session.events()) {
        if (e.kind == EventKind::Verdict) {
            ++verdicts;
            QCOMPARE(e.host, halfopen::core::Host::Client);
            QCOMPARE(e.errnoValue, ETIMEDOUT);
            QVERIFY(qAbs(e.detail.value(QStringLiteral("elapsed_s")).toDouble() - 5.09) < 1e-3);
        }
        errors += e.kind == EventKind::Error;
    }
    QCOMPARE(verdicts, 1);
    QCOMPARE(errors, 1);
    QCOMPARE(session.originUs(), runner.readyUs());
    QVERIFY(!runner.isRunning());
    QVERIFY(runner.outcome().passed());
}

void ScenarioRunnerTest::endsAtTimeoutWhenNotMet()
{
    ScriptedLabDriver lab;
    scriptKeepaliveDeath(lab);
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    QElapsedTimer wall;
    wall.start();
    runner.start(parse(keepaliveScenario("expectations_met", 0.4, "[1, 2]")));
    QVERIFY(finished.wait(5000));
    QVERIFY(wall.elapsed() >= 400);
    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("timeout"));
    const QJsonArray expectations = summary.value(QStringLiteral("expectations")).toArray();
    QCOMPARE(expectations.size(), 2);
    const QJsonObject ka = expectations.at(0).toObject();
    QCOMPARE(ka.value(QStringLiteral("met")).toBool(), false);
    QVERIFY(qAbs(ka.value(QStringLiteral("observed")).toObject().value(QStringLiteral("elapsed_s")).toDouble() - 5.09)
            < 1e-3);
    QCOMPARE(expectations.at(1).toObject().value(QStringLiteral("met")).toBool(), true);
}

void ScenarioRunnerTest::timeoutEndWaitsEvenWhenMet()
{
    ScriptedLabDriver lab;
    scriptKeepaliveDeath(lab);
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    QElapsedTimer wall;
    wall.start();
    runner.start(parse(keepaliveScenario("timeout", 0.4, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    QVERIFY(wall.elapsed() >= 400);
    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("timeout"));
}

void ScenarioRunnerTest::waitsForTheLastStep()
{
    // no_error holds from the start; the run still plays every step before it may end.
    ScriptedLabDriver lab;
    lab.afterReady = handshake(0);
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    QElapsedTimer wall;
    wall.start();
    runner.start(parse(R"({"title": "t", "explanation": "e", "lab": {},
      "steps": [{"at_s": 0.3, "fault": "unplug", "host": "server"}, {"at_s": 0.1, "fault": "power-off", "host": "server"}],
      "end": {"timeout_s": 5},
      "expect": [{"id": "quiet", "host": "client", "no_error": true},
                 {"id": "established", "host": "client", "final_state": "ESTABLISHED"}]})"));
    QVERIFY(finished.wait(5000));
    QVERIFY(wall.elapsed() >= 300);
    QVERIFY(wall.elapsed() < 4000);
    QCOMPARE(lab.applied.size(), 2);
    QCOMPARE(lab.applied.at(0).kind, FaultKind::PowerOff); // in time order, not file order
    QCOMPARE(lab.applied.at(1).kind, FaultKind::Unplug);
    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("expectations_met"));
    const QJsonArray faults = summary.value(QStringLiteral("faults")).toArray();
    QCOMPARE(faults.size(), 2);
    QVERIFY(faults.at(0).toObject().value(QStringLiteral("t_s")).toDouble() >= 0.1);
    QVERIFY(faults.at(1).toObject().value(QStringLiteral("t_s")).toDouble() >= 0.3);
    QCOMPARE(summary.value(QStringLiteral("final_states")).toObject().value(QStringLiteral("server")).toString(),
             QStringLiteral("CLOSED"));
}

void ScenarioRunnerTest::labFailsToStart()
{
    ScriptedLabDriver lab;
    lab.failOnStart = QStringLiteral("user namespaces are disabled: set kernel.unprivileged_userns_clone=1");
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy failed(&runner, &ScenarioRunner::failed);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start(parse(keepaliveScenario("expectations_met", 5, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), *lab.failOnStart);
    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("lab_failed"));
    QCOMPARE(summary.value(QStringLiteral("error")).toString(), *lab.failOnStart);
    QVERIFY(lab.applied.isEmpty());
    QCOMPARE(lab.stops, 1);
}

void ScenarioRunnerTest::failedLabJudgesNothing()
{
    // Issue 16: "[met] client-closed" was printed after the lab failed; the hosts' teardown is
    // no observation. Such a run judges no expectation, in the JSON and in the text.
    ScenarioOutcome outcome;
    outcome.scenario = QStringLiteral("x");
    outcome.ending = ScenarioOutcome::Ending::LabFailed;
    outcome.error = QStringLiteral("the endpoint is missing");
    ExpectationResult closed;
    closed.expectation.id = QStringLiteral("client-closed");
    closed.met = true;
    outcome.expectations.append(closed);
    const QJsonObject summary = outcome.toJson();
    const QJsonObject e = summary.value(QStringLiteral("expectations")).toArray().first().toObject();
    QCOMPARE(e.value(QStringLiteral("met")).toBool(), false);
    QCOMPARE(e.value(QStringLiteral("judged")).toBool(), false);
    const QString text = ScenarioSummaryText::lines(summary).join(QLatin1Char('\n'));
    QVERIFY2(!text.contains(QStringLiteral("[met]")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("[not judged: the lab failed] client-closed")), qPrintable(text));
}

void ScenarioRunnerTest::labNeverReady()
{
    ScriptedLabDriver lab;
    lab.readyOnStart = false;
    Session session;
    ScenarioRunner runner(&lab, &session);
    runner.setStartTimeoutMs(200);
    QSignalSpy failed(&runner, &ScenarioRunner::failed);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start(parse(keepaliveScenario("expectations_met", 5, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not ready")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(finished.first().first().toJsonObject().value(QStringLiteral("ended_by")).toString(),
             QStringLiteral("lab_failed"));
}

void ScenarioRunnerTest::labStopsByItself()
{
    ScriptedLabDriver lab;
    lab.afterReady = handshake(0);
    lab.consequences = [&lab](const Fault &) {
        QTimer::singleShot(0, &lab, [&lab] { emit lab.stopped(); }); // the supervisor died
        return QList<Event>();
    };
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy failed(&runner, &ScenarioRunner::failed);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    runner.start(parse(keepaliveScenario("expectations_met", 5, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(finished.first().first().toJsonObject().value(QStringLiteral("ended_by")).toString(),
             QStringLiteral("lab_failed"));
}

void ScenarioRunnerTest::stoppedByUser()
{
    ScriptedLabDriver lab;
    lab.afterReady = handshake(0);
    Session session;
    ScenarioRunner runner(&lab, &session);
    QSignalSpy finished(&runner, &ScenarioRunner::finished);
    connect(&runner, &ScenarioRunner::ready, &runner,
            [&runner] { QTimer::singleShot(100, &runner, &ScenarioRunner::stop); });
    runner.start(parse(keepaliveScenario("expectations_met", 30, "[4.5, 6.5]")));
    QVERIFY(finished.wait(5000));
    const QJsonObject summary = finished.first().first().toJsonObject();
    QCOMPARE(summary.value(QStringLiteral("ended_by")).toString(), QStringLiteral("stopped"));
    QCOMPARE(summary.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(lab.applied.size(), 1); // the power-off at 50 ms, nothing after the stop
    QCOMPARE(lab.stops, 1);
}

// A recording says it was made on a real network in its `ready`, with the network's settings;
// the lab's `ready` says nothing. The details as recordings have always had them.
void ScenarioRunnerTest::recordedRunOnARealNetwork()
{
    const Event run = RecordedRun::event(parse(keepaliveScenario("expectations_met", 5, "[4.5, 6.5]")), 1);
    const QJsonObject network{{QStringLiteral("role"), QStringLiteral("client")},
                              {QStringLiteral("peer"), QStringLiteral("192.0.2.7:5000")}};
    const Event realReady = Event::labEvent(2, halfopen::core::RunStep::Ready,
                                            {{QStringLiteral("mode"), QStringLiteral("real-network")},
                                             {QStringLiteral("network"), network},
                                             {QStringLiteral("endpoint"), QStringLiteral("192.0.2.1:40000")},
                                             {QStringLiteral("pid"), 4242},
                                             {QStringLiteral("sysctls"), QJsonObject()}});
    const std::optional<RecordedRun> real = RecordedRun::find({run, realReady});
    QVERIFY(real);
    QVERIFY(real->realNetwork);
    QCOMPARE(real->network, network);

    const std::optional<RecordedRun> lab = RecordedRun::find({run, Event::labEvent(2, halfopen::core::RunStep::Ready)});
    QVERIFY(lab);
    QVERIFY(!lab->realNetwork);
    QVERIFY(lab->network.isEmpty());
}

QTEST_GUILESS_MAIN(ScenarioRunnerTest)
#include "tst_ScenarioRunner.moc"
