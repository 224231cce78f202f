// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioEvaluator on synthetic event streams: detections and their three reference points,
// predictions for the host's settings, socket states, counts, expectations met and not met,
// and the summary's keys.

#include "EventStream.h"

#include "core/predict/DetectionPredictor.h"
#include "core/predict/VerdictFields.h"
#include "lab/LabWorld.h"
#include "lab/scenario/DetectionPrediction.h"
#include "lab/scenario/LiveEvaluation.h"
#include "lab/scenario/ScenarioEvaluator.h"
#include "lab/scenario/ScenarioSummaryText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cerrno>

using namespace halfopen::lab;
using namespace scenariotest;
using halfopen::core::TimeReference;

namespace {

constexpr qint64 kReady = 1000000000; // the lab's ready(), on the monotonic axis

Scenario scenario(const char *json)
{
    QString error;
    const auto s = Scenario::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("test"), &error);
    if (!s)
        qFatal("test scenario does not parse: %s", qPrintable(error));
    return *s;
}

const char *kKeepalive = R"({"title": "t", "explanation": "e",
  "lab": {"hosts": {"client": {"keepalive": {"idle_s": 2, "interval_s": 1, "count": 3}}}},
  "steps": [{"at_s": 1.0, "fault": "power-off", "host": "server"}],
  "end": {"timeout_s": 10},
  "expect": [
    {"id": "ka", "host": "client", "errno": "ETIMEDOUT", "mechanism": "keepalive", "within_s": [4.5, 6.5], "reference": "last_received"},
    {"id": "probes", "host": "client", "count": "keepalive_probes", "min": 3, "max": 3},
    {"id": "abort-rst", "host": "client", "count": "rst", "min": 1},
    {"id": "closed", "host": "client", "final_state": "CLOSED"},
    {"id": "server-gone", "host": "server", "final_state": "CLOSED"},
    {"id": "late", "host": "client", "errno": "ETIMEDOUT", "within_s": [1, 2], "reference": "fault"},
    {"id": "quiet", "host": "client", "no_error": true}
  ]})";

// Keepalive 2/1/3 after a power-off at 1 s: probes 2.09, 3.09, 4.09 s after the last packet
// received (the handshake at 0), ETIMEDOUT and the abort RST at 5.09 s.
QList<Event> keepaliveDeathStream(bool withSinceLastReceived)
{
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("power-off"), halfopen::core::Host::Server);
    for (int i = 0; i < 3; ++i)
        events << packet(kReady + us(2.09 + i), halfopen::core::Host::Client, QStringLiteral("keepalive-probe"), 1000,
                         5001);
    events << packet(kReady + us(5.09), halfopen::core::Host::Client, QStringLiteral("rst"), 1001, 0, 0,
                     QStringLiteral("R"));
    std::optional<qint64> since;
    if (withSinceLastReceived)
        since = 5090 - 0; // the SYN-ACK at +100 µs rounds away
    events << error(kReady + us(5.09), halfopen::core::Host::Client, ETIMEDOUT, DetectionMechanism::Keepalive, true,
                    since);
    events << endpoint(kReady + us(5.0901), halfopen::core::Host::Client, QStringLiteral("closed"));
    return events;
}

const ExpectationResult &result(const ScenarioOutcome &out, const QString &id)
{
    for (const ExpectationResult &r : out.expectations) {
        if (r.expectation.id == id)
            return r;
    }
    qFatal("no expectation %s", qPrintable(id));
}

} // namespace

class ScenarioEvaluatorTest : public QObject
{
    Q_OBJECT

private slots:
    void keepaliveDeath();
    void verdictEventReadsBackTyped();
    void lastReceivedFromTheCable();
    void firstUnackedSendFromSequenceNumbers();
    void firstUnackedSendWithoutSequenceNumbers();
    void ackLostInTheCut();
    void labWorldFollowsTheFaults();
    void rstAcknowledgesNothing();
    void heartbeatDeathIsOneDetection();
    void softErrorsOncePerFault();
    void eofAndStates();
    void timeWaitBeforeTheClosedStep();
    void powerOffRemovesSockets();
    void staleConnectionsPileUp();
    void expectationsWithoutHost();
    void eventsAfterTheEndDoNotCount();
    void summaryKeys();
    void summaryTextDetectionLines();
    void liveEvaluationMatchesTheWholeSession();
    void liveEvaluationTakesLateEvents();
};

void ScenarioEvaluatorTest::keepaliveDeath()
{
    const Scenario s = scenario(kKeepalive);
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(s, keepaliveDeathStream(true), kReady, std::numeric_limits<qint64>::max());

    QCOMPARE(out.faults.size(), 1);
    QCOMPARE(out.faults.first().fault, QStringLiteral("power-off"));
    QCOMPARE(out.detections.size(), 1);
    const Detection &d = out.detections.first();
    QCOMPARE(d.host, halfopen::core::Host::Client);
    QCOMPARE(d.errnoValue, ETIMEDOUT);
    QCOMPARE(d.mechanism, DetectionMechanism::Keepalive);
    QVERIFY(d.fatal);
    QCOMPARE(d.reference, TimeReference::LastReceived); // the expectation's reference
    QCOMPARE(*d.elapsedS(TimeReference::LastReceived), 5.09);
    QCOMPARE(*d.elapsedS(TimeReference::Fault), 4.09);
    QVERIFY(!d.firstUnackedSendUs); // idle: nothing waited for an ACK

    // The prediction is core/predict's for the client's settings, not a number of our own.
    QVERIFY(d.prediction);
    const halfopen::core::DetectionPredictor predictor(
        DetectionPrediction::inputFor(s.lab, halfopen::core::Host::Client));
    QCOMPARE(*d.prediction->seconds(), *predictor.keepalive(halfopen::core::DeathKind::IdlePeerPoweredOff).seconds());
    QVERIFY(qAbs(*d.prediction->seconds() - 5.0) < 0.2);
    QCOMPARE(d.prediction->reference, TimeReference::LastReceived);

    QVERIFY(result(out, QStringLiteral("ka")).met);
    QVERIFY(result(out, QStringLiteral("probes")).met);
    QCOMPARE(result(out, QStringLiteral("probes")).observed.value(QStringLiteral("count")).toInteger(), 3);
    QVERIFY(result(out, QStringLiteral("abort-rst")).met);
    QVERIFY(result(out, QStringLiteral("closed")).met);
    QVERIFY(result(out, QStringLiteral("server-gone")).met);
    // Not met: the wrong window (observed shows the real elapsed time) and "quiet".
    const ExpectationResult &late = result(out, QStringLiteral("late"));
    QVERIFY(!late.met);
    QCOMPARE(late.observed.value(QStringLiteral("elapsed_s")).toDouble(), 4.09);
    QCOMPARE(late.observed.value(QStringLiteral("reference")).toString(), QStringLiteral("fault"));
    QVERIFY(!result(out, QStringLiteral("quiet")).met);
    QVERIFY(!out.allMet());
}

// The verdict event a detection records is read back by core::VerdictFields with every figure
// it was written with (the window's verdict and the timeline's spans read it that way).
void ScenarioEvaluatorTest::verdictEventReadsBackTyped()
{
    const ScenarioOutcome out = ScenarioEvaluator::evaluate(scenario(kKeepalive), keepaliveDeathStream(true), kReady,
                                                            std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    const Detection &d = out.detections.first();
    const Event e = d.toVerdictEvent(kReady);
    const halfopen::core::VerdictFields v = halfopen::core::VerdictFields::of(e);
    QVERIFY(v.fatal);
    QCOMPARE(v.operation, d.operation);
    QCOMPARE(v.fault, QStringLiteral("power-off"));
    QCOMPARE(v.faultTS, std::optional(1.0));
    QCOMPARE(v.detectedTS, std::optional(5.09));
    QCOMPARE(v.reference, std::optional(TimeReference::LastReceived));
    QCOMPARE(v.elapsedS, d.elapsedS(TimeReference::LastReceived));
    for (TimeReference r : {TimeReference::Fault, TimeReference::LastReceived, TimeReference::FirstUnackedSend})
        QCOMPARE(v.elapsedFromReference(r), d.elapsedS(r));
    QCOMPARE(v.predictedS, d.prediction->seconds());
    QCOMPARE(v.predictedReference, std::optional(d.prediction->reference));
    QCOMPARE(v.predictedMechanism, std::optional(d.prediction->mechanism));
    QCOMPARE(v.predictedRangeS->first, d.prediction->minUs / 1e6);
    QVERIFY(!v.fromMarker(TimeReference::Fault));
    // What it writes is what the detection wrote, key for key.
    const QJsonObject written = v.toJson();
    const QJsonObject summary = d.toJson(kReady);
    for (auto it = written.begin(); it != written.end(); ++it)
        QVERIFY2(summary.value(it.key()) == it.value(), qPrintable(it.key()));

    // The summary's detection object reads back whole: the figures and the event's own fields.
    const DetectionSummary back = DetectionSummary::fromJson(summary);
    QCOMPARE(back.host, d.host);
    QCOMPARE(back.errnoValue, ETIMEDOUT);
    QCOMPARE(back.mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(back.verdict.detectedTS, v.detectedTS);
    QCOMPARE(back.verdict.predictedS, v.predictedS);
    QCOMPARE(back.toJson(), summary);
    QCOMPARE(QJsonObject(e.detail), summary); // the verdict event's detail is that object
}

void ScenarioEvaluatorTest::lastReceivedFromTheCable()
{
    // Without tcp_info's figure, the last packet the server sent the client counts.
    QList<Event> events = keepaliveDeathStream(false);
    events.insert(5,
                  packet(kReady + us(0.5), halfopen::core::Host::Server, QStringLiteral("data"), 5001, 1001, 10,
                         QStringLiteral("P.")));
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    QCOMPARE(*out.detections.first().elapsedS(TimeReference::LastReceived), 4.59);
}

void ScenarioEvaluatorTest::firstUnackedSendFromSequenceNumbers()
{
    const Scenario s = scenario(R"({"title": "t", "explanation": "e",
      "lab": {"hosts": {"client": {"sysctls": {"net.ipv4.tcp_retries2": 5}}}},
      "steps": [{"at_s": 1.0, "fault": "unplug", "host": "server"}], "end": {"timeout_s": 20},
      "expect": [{"id": "rto", "host": "client", "errno": "ETIMEDOUT", "within_s": [12.6, 14.6], "reference": "first_unacked_send"}]})");
    QList<Event> events = handshake(kReady);
    const halfopen::core::Host c = halfopen::core::Host::Client;
    const halfopen::core::Host srv = halfopen::core::Host::Server;
    // 100 bytes at 0.5 s, acknowledged; 100 bytes at 0.99 s whose ACK is lost in the cut at 1 s.
    events << packet(kReady + us(0.5), c, QStringLiteral("data"), 1001, 5001, 100, QStringLiteral("P."))
           << packet(kReady + us(0.5001), srv, QStringLiteral("ack"), 5001, 1101)
           << packet(kReady + us(0.99), c, QStringLiteral("data"), 1101, 5001, 100, QStringLiteral("P."))
           << fault(kReady + us(1.0), QStringLiteral("unplug"), srv)
           << packet(kReady + us(1.2), c, QStringLiteral("tail-loss-probe"), 1101, 5001, 100, QStringLiteral("P."))
           << packet(kReady + us(1.49), c, QStringLiteral("data"), 1201, 5001, 100, QStringLiteral("P."))
           << packet(kReady + us(1.61), c, QStringLiteral("retransmission"), 1101, 5001, 100, QStringLiteral("P."))
           << error(kReady + us(14.05), c, ETIMEDOUT, DetectionMechanism::RetransmissionTimeout, true, 13560);
    const ScenarioOutcome out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    const Detection &d = out.detections.first();
    QCOMPARE(*d.elapsedS(TimeReference::FirstUnackedSend), 13.06); // from 0.99 s, not 0.5 s nor 1.2 s
    QCOMPARE(*d.elapsedS(TimeReference::Fault), 13.05);
    QCOMPARE(d.reference, TimeReference::FirstUnackedSend);
    QVERIFY(d.prediction);
    QCOMPARE(d.prediction->mechanism, DetectionMechanism::RetransmissionTimeout);
    QVERIFY(qAbs(*d.prediction->seconds() - 13.056) < 0.01); // tcp_retries2 5 from the lab's sysctls
    QVERIFY(out.allMet());
    // The tail-loss probe is counted apart: tcp_info's retransmits and tcp_retries2 leave it out.
    QCOMPARE(out.counts.value(c).value(QStringLiteral("retransmissions")).toInteger(), 1);
    QCOMPARE(out.counts.value(c).value(QStringLiteral("tail_loss_probes")).toInteger(), 1);
}

void ScenarioEvaluatorTest::firstUnackedSendWithoutSequenceNumbers()
{
    // A hand-written stream without seq/ack: what was sent before the peer last spoke counts
    // as acknowledged.
    QList<Event> events;
    const halfopen::core::Host c = halfopen::core::Host::Client;
    events << endpoint(kReady, c, QStringLiteral("connected")) << packet(kReady + us(0.5), c, QStringLiteral("data"))
           << packet(kReady + us(0.6), halfopen::core::Host::Server, QStringLiteral("ack"))
           << packet(kReady + us(2.0), c, QStringLiteral("data"))
           << packet(kReady + us(2.2), c, QStringLiteral("retransmission"))
           << error(kReady + us(5.0), c, ETIMEDOUT, DetectionMechanism::UserTimeout);
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(*out.detections.first().elapsedS(TimeReference::FirstUnackedSend), 3.0);
}

void ScenarioEvaluatorTest::ackLostInTheCut()
{
    // The cable reports a frame as it enters: the server's ACK that enters just after the
    // unplug never reaches the client, so the data it acknowledges stays unacknowledged.
    const halfopen::core::Host c = halfopen::core::Host::Client;
    const halfopen::core::Host srv = halfopen::core::Host::Server;
    QList<Event> events = handshake(kReady);
    events << packet(kReady + us(0.9999), c, QStringLiteral("data"), 1001, 5001, 100, QStringLiteral("P."))
           << fault(kReady + us(1.0), QStringLiteral("unplug"), srv)
           << packet(kReady + us(1.00001), srv, QStringLiteral("ack"), 5001, 1101)
           << packet(kReady + us(1.2), c, QStringLiteral("retransmission"), 1001, 5001, 100, QStringLiteral("P."))
           << error(kReady + us(4.42), c, ETIMEDOUT, DetectionMechanism::UserTimeout, true, 3920);
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    QCOMPARE(*out.detections.first().referenceUs(TimeReference::FirstUnackedSend), kReady + us(0.9999));
}

void ScenarioEvaluatorTest::labWorldFollowsTheFaults()
{
    const halfopen::core::Host c = halfopen::core::Host::Client;
    const halfopen::core::Host srv = halfopen::core::Host::Server;
    LabWorld cuts;
    QVERIFY(cuts.delivers(c, srv) && cuts.delivers(srv, c));
    Event oneWay = fault(0, QStringLiteral("unplug"), srv);
    oneWay.detail.insert(QStringLiteral("direction"), QStringLiteral("to-host"));
    cuts.apply(oneWay);
    QVERIFY(!cuts.delivers(c, srv));
    QVERIFY(cuts.delivers(srv, c));
    oneWay.what = QStringLiteral("replug");
    cuts.apply(oneWay);
    QVERIFY(cuts.delivers(c, srv));
    cuts.apply(fault(0, QStringLiteral("reboot"), srv));
    QVERIFY(!cuts.delivers(srv, c) && !cuts.delivers(c, srv));
    cuts.apply(fault(0, QStringLiteral("power-on"), srv));
    QVERIFY(cuts.delivers(srv, c) && cuts.delivers(c, srv));
    cuts.apply(fault(0, QStringLiteral("icmp-unreachable-on"), srv));
    QVERIFY(!cuts.delivers(c, srv));
    QVERIFY(cuts.delivers(srv, c));
    cuts.apply(fault(0, QStringLiteral("unplug"), c));
    QVERIFY(!cuts.delivers(srv, c));
}

void ScenarioEvaluatorTest::rstAcknowledgesNothing()
{
    // connect() to a closed port: the RST carries ack = ISN + 1 but refuses, it does not accept.
    const halfopen::core::Host c = halfopen::core::Host::Client;
    QList<Event> events;
    events << packet(kReady + 50, c, QStringLiteral("syn"), 1000, 0, 0, QStringLiteral("S"))
           << packet(kReady + 150, halfopen::core::Host::Server, QStringLiteral("rst"), 0, 1001, 0,
                     QStringLiteral("R."));
    Event refused
        = error(kReady + 180, c, ECONNREFUSED, DetectionMechanism::Rst, true, std::nullopt, QStringLiteral("connect"));
    refused.local.clear(); // a failed connect has no local address to report
    events << refused;
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    const Detection &d = out.detections.first();
    QCOMPARE(*d.referenceUs(TimeReference::FirstUnackedSend), kReady + 50);
    QVERIFY(!d.lastReceivedUs); // an RST is no sign of life of the connection
    QVERIFY(!d.faultUs);
    QCOMPARE(out.counts.value(halfopen::core::Host::Server).value(QStringLiteral("rst")).toInteger(), 1);
    QCOMPARE(out.finalStates.value(c), TcpState::Closed);
}

void ScenarioEvaluatorTest::heartbeatDeathIsOneDetection()
{
    const halfopen::core::Host c = halfopen::core::Host::Client;
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("freeze-process"), halfopen::core::Host::Server);
    for (int i = 1; i <= 3; ++i)
        events << heartbeat(kReady + us(1.0 + 0.5 * i), c, QStringLiteral("missed"), i);
    events << heartbeat(kReady + us(2.5), c, QStringLiteral("dead"), 3)
           << error(kReady + us(2.5001), c, ETIMEDOUT, DetectionMechanism::Heartbeat, true, std::nullopt,
                    QStringLiteral("heartbeat"));
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    QCOMPARE(out.detections.first().mechanism, DetectionMechanism::Heartbeat);
    QCOMPARE(out.detections.first().errnoValue, ETIMEDOUT);
    QCOMPARE(*out.detections.first().elapsedS(TimeReference::Fault), 1.5);
    QCOMPARE(out.counts.value(c).value(QStringLiteral("heartbeats_missed")).toInteger(), 3);
}

void ScenarioEvaluatorTest::softErrorsOncePerFault()
{
    const halfopen::core::Host c = halfopen::core::Host::Client;
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("icmp-unreachable-on"), halfopen::core::Host::Server);
    for (int i = 0; i < 4; ++i)
        events << error(kReady + us(1.2 + i * 0.2), c, EHOSTUNREACH, DetectionMechanism::Icmp, false);
    Event local = error(kReady + us(1.3), halfopen::core::Host::Server, EMFILE, DetectionMechanism::LocalError, false);
    events << local;
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    QVERIFY(!out.detections.first().fatal);
    QCOMPARE(out.detections.first().errnoValue, EHOSTUNREACH);
    QVERIFY(!out.detections.first().prediction); // a soft error at once: nothing to predict
    QCOMPARE(out.finalStates.value(c), TcpState::Established);
}

void ScenarioEvaluatorTest::eofAndStates()
{
    const Scenario s = scenario(R"({"title": "t", "explanation": "e", "lab": {},
      "steps": [{"at_s": 1.0, "fault": "kill-process", "host": "server"}], "end": {"timeout_s": 6},
      "expect": [{"id": "eof", "host": "client", "mechanism": "fin", "within_s": [0, 0.1], "reference": "fault"},
                 {"id": "close-wait", "host": "client", "state_seen": "CLOSE_WAIT"},
                 {"id": "fin-wait-2", "host": "server", "state_seen": "FIN_WAIT_2"},
                 {"id": "time-wait", "host": "server", "final_state": "TIME_WAIT"},
                 {"id": "client-closed", "host": "client", "final_state": "CLOSED"},
                 {"id": "no-closing", "state_seen": "CLOSING"}]})");
    const halfopen::core::Host c = halfopen::core::Host::Client;
    const halfopen::core::Host srv = halfopen::core::Host::Server;
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("kill-process"), srv)
           << packet(kReady + us(1.0005), srv, QStringLiteral("fin"), 5001, 1001, 0, QStringLiteral("F."))
           << state(kReady + us(1.0007), c, TcpState::Established, TcpState::CloseWait) << eof(kReady + us(1.0008), c)
           << endpoint(kReady + us(1.0009), c, QStringLiteral("closed"))
           // sock_diag reports the killed side's orphan as it goes
           << state(kReady + us(1.05), srv, TcpState::Unknown, TcpState::FinWait2)
           << state(kReady + us(1.15), srv, TcpState::FinWait2, TcpState::TimeWait);
    const ScenarioOutcome out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    const Detection &d = out.detections.first();
    QCOMPARE(d.errnoValue, 0);
    QCOMPARE(d.mechanism, DetectionMechanism::Fin);
    QVERIFY(d.prediction);
    QCOMPARE(d.prediction->mechanism, DetectionMechanism::Fin);
    QCOMPARE(out.finalStates.value(c), TcpState::Closed);
    QCOMPARE(out.finalStates.value(srv), TcpState::TimeWait);
    for (const ExpectationResult &r : out.expectations)
        QVERIFY2(r.met == (r.expectation.id != QLatin1String("no-closing")), qPrintable(r.expectation.id));
    QCOMPARE(out.counts.value(srv).value(QStringLiteral("fin")).toInteger(), 1);
}

// The active closer's handshake can end before close() returns to its endpoint: sock_diag's
// TIME_WAIT is then stamped before the endpoint's `closed` step, and the kernel's word stays
// (CI's sanitizer run once judged this CLOSED).
void ScenarioEvaluatorTest::timeWaitBeforeTheClosedStep()
{
    const Scenario s = scenario(R"({"title": "t", "explanation": "e", "lab": {},
      "steps": [{"at_s": 1.0, "fault": "close", "host": "client"}], "end": {"timeout_s": 6},
      "expect": [{"id": "client-time-wait", "host": "client", "final_state": "TIME_WAIT"},
                 {"id": "server-closed", "host": "server", "final_state": "CLOSED"}]})");
    const halfopen::core::Host c = halfopen::core::Host::Client;
    const halfopen::core::Host srv = halfopen::core::Host::Server;
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("close"), c)
           << state(kReady + us(1.0004), c, TcpState::Established, TcpState::TimeWait)
           << state(kReady + us(1.0004), srv, TcpState::Established, TcpState::Closed)
           << endpoint(kReady + us(1.0006), srv, QStringLiteral("closed"))
           << endpoint(kReady + us(1.0009), c, QStringLiteral("closed"));
    const ScenarioOutcome out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.finalStates.value(c), TcpState::TimeWait);
    QCOMPARE(out.finalStates.value(srv), TcpState::Closed);
    for (const ExpectationResult &r : out.expectations)
        QVERIFY2(r.met, qPrintable(r.expectation.id));

    // A `closed` step after an ESTABLISHED report still means CLOSED until sock_diag speaks.
    QList<Event> plain = handshake(kReady);
    plain << endpoint(kReady + us(1.0009), c, QStringLiteral("closed"));
    QCOMPARE(ScenarioEvaluator::evaluate(s, plain, kReady, std::numeric_limits<qint64>::max()).finalStates.value(c),
             TcpState::Closed);
}

void ScenarioEvaluatorTest::powerOffRemovesSockets()
{
    QList<Event> events = handshake(kReady);
    events << fault(kReady + us(1.0), QStringLiteral("power-off"), halfopen::core::Host::Server);
    const ScenarioOutcome before = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, kReady + us(0.5));
    QCOMPARE(before.finalStates.value(halfopen::core::Host::Server), TcpState::Established);
    const ScenarioOutcome after = ScenarioEvaluator::evaluate(scenario(kKeepalive), events, kReady, kReady + us(2));
    QCOMPARE(after.finalStates.value(halfopen::core::Host::Server), TcpState::Closed);
    QCOMPARE(after.finalStates.value(halfopen::core::Host::Client), TcpState::Established); // the half-open side
}

void ScenarioEvaluatorTest::staleConnectionsPileUp()
{
    const Scenario s = scenario(R"({"title": "t", "explanation": "e", "lab": {"hosts": {"client": {"reconnect": true}}},
      "steps": [], "end": {"timeout_s": 8},
      "expect": [{"id": "stale", "host": "server", "sockets_in_state": "ESTABLISHED", "min": 4}]})");
    QList<Event> events;
    for (int i = 0; i < 4; ++i) {
        const QString clientAddress = QStringLiteral("198.18.0.1:%1").arg(40000 + i);
        Event accepted = endpoint(kReady + us(1.5 * i), halfopen::core::Host::Server, QStringLiteral("accepted"));
        accepted.remote = clientAddress;
        events << accepted;
        if (i < 3)
            events << fault(kReady + us(1.5 * i + 1), QStringLiteral("reboot"), halfopen::core::Host::Client);
    }
    ScenarioOutcome out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QVERIFY(out.allMet());
    QCOMPARE(out.expectations.first().observed.value(QStringLiteral("count")).toInteger(), 4);

    // One of them closed: three left, not enough.
    Event closed = endpoint(kReady + us(6), halfopen::core::Host::Server, QStringLiteral("closed"));
    closed.remote = QStringLiteral("198.18.0.1:40001");
    events << closed;
    out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QVERIFY(!out.allMet());
    QCOMPARE(out.expectations.first().observed.value(QStringLiteral("count")).toInteger(), 3);
}

void ScenarioEvaluatorTest::expectationsWithoutHost()
{
    const Scenario s = scenario(R"({"title": "t", "explanation": "e", "lab": {}, "steps": [], "end": {"timeout_s": 8},
      "expect": [{"id": "rst-total", "count": "rst", "min": 2, "max": 2},
                 {"id": "any-reset", "errno": "ECONNRESET"},
                 {"id": "both-closed", "final_state": "CLOSED"}]})");
    QList<Event> events = handshake(kReady);
    events << packet(kReady + us(1), halfopen::core::Host::Client, QStringLiteral("rst"))
           << packet(kReady + us(1.1), halfopen::core::Host::Server, QStringLiteral("rst"))
           << error(kReady + us(1.2), halfopen::core::Host::Server, ECONNRESET, DetectionMechanism::Rst)
           << endpoint(kReady + us(1.3), halfopen::core::Host::Server, QStringLiteral("closed"));
    ScenarioOutcome out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QVERIFY(result(out, QStringLiteral("rst-total")).met);
    QVERIFY(result(out, QStringLiteral("any-reset")).met);
    QVERIFY(!result(out, QStringLiteral("both-closed")).met); // the client is still ESTABLISHED
    QCOMPARE(result(out, QStringLiteral("both-closed")).observed.value(QStringLiteral("client")).toString(),
             QStringLiteral("ESTABLISHED"));
    events << endpoint(kReady + us(1.4), halfopen::core::Host::Client, QStringLiteral("closed"));
    out = ScenarioEvaluator::evaluate(s, events, kReady, std::numeric_limits<qint64>::max());
    QVERIFY(out.allMet());
}

void ScenarioEvaluatorTest::eventsAfterTheEndDoNotCount()
{
    const ScenarioOutcome out
        = ScenarioEvaluator::evaluate(scenario(kKeepalive), keepaliveDeathStream(true), kReady, kReady + us(3));
    QVERIFY(out.detections.isEmpty());
    QCOMPARE(out.counts.value(halfopen::core::Host::Client).value(QStringLiteral("keepalive_probes")).toInteger(), 1);
    QVERIFY(result(out, QStringLiteral("quiet")).met);
    QVERIFY(!result(out, QStringLiteral("ka")).met);
    QCOMPARE(result(out, QStringLiteral("ka")).observed.value(QStringLiteral("detected")).toBool(), false);
}

void ScenarioEvaluatorTest::summaryKeys()
{
    ScenarioOutcome out = ScenarioEvaluator::evaluate(scenario(kKeepalive), keepaliveDeathStream(true), kReady,
                                                      std::numeric_limits<qint64>::max());
    out.endUs = kReady + us(5.1);
    out.ending = ScenarioOutcome::Ending::Timeout;
    const QJsonObject j = out.toJson();
    for (const char *key : {"scenario", "passed", "faults", "detections", "final_states", "counts", "expectations",
                            "ended_by", "duration_s"})
        QVERIFY2(j.contains(QLatin1String(key)), key);
    QCOMPARE(j.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("ended_by")).toString(), QStringLiteral("timeout"));
    QCOMPARE(j.value(QStringLiteral("duration_s")).toDouble(), 5.1);

    const QJsonObject f = j.value(QStringLiteral("faults")).toArray().first().toObject();
    QCOMPARE(f.value(QStringLiteral("t_s")).toDouble(), 1.0);
    QCOMPARE(f.value(QStringLiteral("fault")).toString(), QStringLiteral("power-off"));
    QCOMPARE(f.value(QStringLiteral("host")).toString(), QStringLiteral("server"));

    const QJsonObject d = j.value(QStringLiteral("detections")).toArray().first().toObject();
    for (const char *key : {"host", "errno", "errno_value", "mechanism", "fault_t_s", "detected_t_s", "elapsed_s",
                            "predicted_s", "reference"})
        QVERIFY2(d.contains(QLatin1String(key)), key);
    QCOMPARE(d.value(QStringLiteral("errno")).toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(d.value(QStringLiteral("errno_value")).toInt(), ETIMEDOUT);
    QCOMPARE(d.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
    QCOMPARE(d.value(QStringLiteral("fault_t_s")).toDouble(), 1.0);
    QCOMPARE(d.value(QStringLiteral("detected_t_s")).toDouble(), 5.09);
    QCOMPARE(d.value(QStringLiteral("elapsed_s")).toDouble(), 5.09);
    QCOMPARE(d.value(QStringLiteral("reference")).toString(), QStringLiteral("last_received"));
    QVERIFY(d.value(QStringLiteral("predicted_s")).isDouble());
    QCOMPARE(d.value(QStringLiteral("elapsed_from")).toObject().value(QStringLiteral("fault")).toDouble(), 4.09);
    QVERIFY(d.value(QStringLiteral("elapsed_from")).toObject().value(QStringLiteral("first_unacked_send")).isNull());

    QCOMPARE(j.value(QStringLiteral("final_states")).toObject().value(QStringLiteral("client")).toString(),
             QStringLiteral("CLOSED"));
    const QJsonObject counts = j.value(QStringLiteral("counts")).toObject().value(QStringLiteral("client")).toObject();
    for (const char *key :
         {"keepalive_probes", "retransmissions", "rst", "fin", "heartbeats_missed", "tail_loss_probes"})
        QVERIFY2(counts.contains(QLatin1String(key)), key);
    QCOMPARE(counts.value(QStringLiteral("keepalive_probes")).toInteger(), 3);

    const QJsonArray expectations = j.value(QStringLiteral("expectations")).toArray();
    QCOMPARE(expectations.size(), 7);
    const QJsonObject first = expectations.first().toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("ka"));
    QCOMPARE(first.value(QStringLiteral("met")).toBool(), true);
    QCOMPARE(first.value(QStringLiteral("observed")).toObject().value(QStringLiteral("elapsed_s")).toDouble(), 5.09);
    QCOMPARE(first.value(QStringLiteral("expected")).toObject().value(QStringLiteral("errno")).toString(),
             QStringLiteral("ETIMEDOUT"));
}

namespace {

// The parts of a judgement a live run shows: every detection with its references, counts, states
// and expectations.
QByteArray judgement(const ScenarioOutcome &out)
{
    return QJsonDocument(out.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

// Fed in batches as a live run is (the session growing, judged after each batch), the live
// evaluation gives, after every batch, exactly what judging the whole session so far gives.
// The terminal's lines for a run's detections, from the summary's JSON (a saved summary reads
// as a live one): the detection beside its prediction, a soft error, an EOF without one.
void ScenarioEvaluatorTest::summaryTextDetectionLines()
{
    ScenarioOutcome out = ScenarioEvaluator::evaluate(scenario(kKeepalive), keepaliveDeathStream(true), kReady,
                                                      std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    Detection soft = out.detections.first();
    soft.fatal = false;
    soft.errnoValue = EHOSTUNREACH;
    soft.mechanism = DetectionMechanism::Icmp;
    soft.prediction.reset();
    soft.reference = TimeReference::Fault;
    Detection eof = soft;
    eof.fatal = true;
    eof.errnoValue = 0;
    eof.mechanism = DetectionMechanism::Fin;
    eof.host = halfopen::core::Host::Server;
    eof.faultUs.reset();
    eof.reference = TimeReference::LastReceived;
    out.detections << soft << eof;
    const QStringList lines = ScenarioSummaryText::lines(out.toJson());
    const qsizetype at = lines.indexOf(QStringLiteral("Detections:"));
    QVERIFY(at >= 0);
    QCOMPARE(lines.value(at + 1),
             QStringLiteral("  client  ETIMEDOUT by keepalive at 5.090 s: 5.09 s after the last packet received "
                            "(predicted 5 s after the last packet received)"));
    QCOMPARE(lines.value(at + 2),
             QStringLiteral("  client  EHOSTUNREACH by icmp at 5.090 s: 4.09 s after the fault, connection still up"));
    QCOMPARE(lines.value(at + 3),
             QStringLiteral("  server  end of file by fin at 5.090 s: 5.09 s after the last packet received"));
}

void ScenarioEvaluatorTest::liveEvaluationMatchesTheWholeSession()
{
    const Scenario s = scenario(kKeepalive);
    const QList<Event> all = keepaliveDeathStream(false);
    LiveEvaluation live(s);
    QList<Event> session;
    for (qsizetype i = 0; i < all.size(); ++i) {
        session.append(all.at(i));
        live.noteInserted(all.at(i), i);
        if (i % 2 == 1 || i == all.size() - 1) {
            const qint64 end = std::numeric_limits<qint64>::max();
            QCOMPARE(judgement(live.evaluate(session, kReady, end)),
                     judgement(ScenarioEvaluator::evaluate(s, session, kReady, end)));
        }
    }
    const ScenarioOutcome out = live.evaluate(session, kReady, std::numeric_limits<qint64>::max());
    QCOMPARE(out.detections.size(), 1);
    QVERIFY(qAbs(*out.detections.first().elapsedS(TimeReference::LastReceived) - 5.09) < 0.001);
    QCOMPARE(live.restarts(), 0);
}

// A late event inside the settling time is judged in its place without starting over; one
// older than that starts over; a verdict event (which the judgement does not read) never does.
void ScenarioEvaluatorTest::liveEvaluationTakesLateEvents()
{
    const Scenario s = scenario(kKeepalive);
    QList<Event> session = keepaliveDeathStream(false);
    // The second probe arrives late (after the RST and the error were recorded).
    const Event lateProbe = session.takeAt(session.size() - 5);
    QCOMPARE(lateProbe.what, QStringLiteral("keepalive-probe"));
    LiveEvaluation live(s);
    for (qsizetype i = 0; i < session.size(); ++i)
        live.noteInserted(session.at(i), i);
    const qint64 end = std::numeric_limits<qint64>::max();
    live.evaluate(session, kReady, end);

    const auto insert = [&](const Event &e) {
        const auto it = std::upper_bound(session.begin(), session.end(), e.tUs,
                                         [](qint64 t, const Event &x) { return t < x.tUs; });
        const qsizetype index = it - session.begin();
        session.insert(index, e);
        live.noteInserted(e, index);
    };
    insert(lateProbe); // 3.09 s, the newest event is at 5.09 s: older than the settling time
    QCOMPARE(judgement(live.evaluate(session, kReady, end)),
             judgement(ScenarioEvaluator::evaluate(s, session, kReady, end)));
    QCOMPARE(live.restarts(), 1);
    QCOMPARE(live.evaluate(session, kReady, end)
                 .counts.value(halfopen::core::Host::Client)
                 .value(QStringLiteral("keepalive_probes"))
                 .toInteger(),
             3);

    Event verdict;
    verdict.kind = EventKind::Verdict;
    verdict.tUs = kReady + us(1.5);
    verdict.host = halfopen::core::Host::Client;
    insert(verdict);
    QCOMPARE(judgement(live.evaluate(session, kReady, end)),
             judgement(ScenarioEvaluator::evaluate(s, session, kReady, end)));
    QCOMPARE(live.restarts(), 1);

    Event recent = fault(session.constLast().tUs - LiveEvaluation::kSettleUs / 2, QStringLiteral("marker"),
                         halfopen::core::Host::Client);
    insert(recent); // within the settling time: judged on the copy, no start over
    QCOMPARE(judgement(live.evaluate(session, kReady, end)),
             judgement(ScenarioEvaluator::evaluate(s, session, kReady, end)));
    QCOMPARE(live.restarts(), 1);
}

QTEST_GUILESS_MAIN(ScenarioEvaluatorTest)
#include "tst_ScenarioEvaluator.moc"
