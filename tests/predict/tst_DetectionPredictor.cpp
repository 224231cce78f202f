// SPDX-License-Identifier: GPL-3.0-or-later
// The predictor against the kernel's rules and the numbers measured on this machine
// (TCP-FACTS.md). Measured values must fall inside the predicted range; expected values are
// checked against the formulas, with ranges where jiffies and the timer wheel round.

#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/DetectionPredictor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <cerrno>

using namespace halfopen::core;
using Kind = ScheduledEvent::Kind;

namespace {

constexpr qint64 kSecond = 1000000;

PredictionInput withKeepalive(int idleS, int intervalS, int count, int userTimeoutMs = 0)
{
    PredictionInput input;
    input.keepalive = {true, idleS, intervalS, count};
    input.userTimeoutMs = userTimeoutMs;
    return input;
}

PredictionInput withHeartbeat(PredictionInput input, int intervalMs, int misses)
{
    input.heartbeat = {true, intervalMs, misses};
    return input;
}

QList<qint64> timesOf(const QList<ScheduledEvent> &events, Kind kind)
{
    QList<qint64> times;
    for (const ScheduledEvent &e : events) {
        if (e.kind == kind)
            times.append(e.atUs);
    }
    return times;
}

bool inRange(const Prediction &p, double seconds)
{
    const qint64 us = qRound64(seconds * kSecond);
    return p.expectedUs && p.minUs <= us && us <= p.maxUs;
}

QByteArray describe(const Prediction &p)
{
    return QStringLiteral("%1: expected %2 s in [%3, %4]")
        .arg(mechanismName(p.mechanism))
        .arg(p.seconds().value_or(-1))
        .arg(double(p.minUs) / kSecond)
        .arg(double(p.maxUs) / kSecond)
        .toUtf8();
}

} // namespace

class TestDetectionPredictor : public QObject
{
    Q_OBJECT
private slots:
    void keepalive_data();
    void keepalive();
    void keepaliveFormulaWithoutUserTimeout();
    void keepaliveUserTimeoutNearACheck();
    void idleWithoutKeepaliveIsNever();

    void retransmissionsRetries2Five();
    void retransmissionsRetries2Default();
    void retransmissionsStopAtTheFirstTimerPastTheBudget();
    void userTimeoutReplacesRetries2();
    void userTimeoutLongerThanRetries2();

    void connect_data();
    void connect();
    void connectWithUserTimeout();

    void peerKilled();
    void peerRebooted();
    void peerFrozen();

    void heartbeatBeatsKeepalive();
    void keepaliveBeatsSlowHeartbeat();
    void unansweredPingRunsTheRetransmissionTimer();
    void userTimeoutAgainstHeartbeatWhileUnplugged();
    void keepaliveWaitsWhileDataIsInFlight();
    void candidatesFastestFirst();
    void schedulesAreOrderedAndEndAtTheDetection();
    void explanations();
    void json();
    void namesRoundTrip();

    void validation_data();
    void validation();
    void dynamicArpTwoPathsWithTheirCondition();
    void dynamicArpShortReachableTime();
    void dynamicArpConnectAndKeepalive();
    void rebootedPeerFoundByASend();
    void applicationKeepalives();
};

void TestDetectionPredictor::keepalive_data()
{
    QTest::addColumn<PredictionInput>("input");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("probes");
    QTest::addColumn<double>("measured"); // TCP-FACTS, from the last packet received; 0: none
    QTest::newRow("2/1/3") << withKeepalive(2, 1, 3) << 5.0 << 3 << 5.09;
    QTest::newRow("2/1/3 + UT 3000") << withKeepalive(2, 1, 3, 3000) << 3.0 << 1 << 3.04;
    QTest::newRow("2/1/100 + UT 3000: count ignored") << withKeepalive(2, 1, 100, 3000) << 3.0 << 1 << 3.04;
    QTest::newRow("2/1/3 + UT 10000: 8 probes") << withKeepalive(2, 1, 3, 10000) << 10.0 << 8 << 10.2;
    // The user timeout is over before the first probe: one probe, then the next check gives up.
    QTest::newRow("10/5/3 + UT 3000") << withKeepalive(10, 5, 3, 3000) << 15.0 << 1 << 0.0;
    QTest::newRow("kernel defaults 7200/75/9") << withKeepalive(7200, 75, 9) << 7875.0 << 9 << 0.0;
}

void TestDetectionPredictor::keepalive()
{
    QFETCH(PredictionInput, input);
    QFETCH(double, expected);
    QFETCH(int, probes);
    QFETCH(double, measured);
    const DetectionPredictor predictor(input);
    const Prediction p = predictor.predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(p.mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    QCOMPARE(p.reference, TimeReference::LastReceived);
    QVERIFY(p.seconds().has_value());
    QCOMPARE(*p.seconds(), expected);
    QVERIFY2(p.minUs <= *p.expectedUs && *p.expectedUs <= p.maxUs, describe(p));
    if (measured > 0)
        QVERIFY2(inRange(p, measured), describe(p));

    // The first probe after `idle`, then one every `interval`.
    const QList<qint64> probeTimes = timesOf(p.events, Kind::KeepaliveProbe);
    QCOMPARE(probeTimes.size(), probes);
    for (int i = 0; i < probeTimes.size(); ++i)
        QCOMPARE(probeTimes.at(i), (input.keepalive.idleS + qint64(i) * input.keepalive.intervalS) * kSecond);
    // Each timer may be one wheel granule late: the range is at most that much wider.
    QVERIFY2(p.maxUs - *p.expectedUs <= TimerWheel().slackUs(qint64(input.keepalive.idleS) * kSecond)
                     + probes * TimerWheel().slackUs(qint64(input.keepalive.intervalS) * kSecond),
             describe(p));
}

void TestDetectionPredictor::keepaliveFormulaWithoutUserTimeout()
{
    // last_rx + idle + count × interval, for any settings.
    for (int idle : {1, 2, 60, 7200})
        for (int interval : {1, 3, 75})
            for (int count : {1, 3, 9, 127}) {
                const Prediction p
                    = DetectionPredictor(withKeepalive(idle, interval, count)).predict(DeathKind::IdlePeerPoweredOff);
                QCOMPARE(*p.expectedUs, (idle + qint64(count) * interval) * kSecond);
                QCOMPARE(timesOf(p.events, Kind::KeepaliveProbe).size(), count);
            }
    // With a user timeout: the first check at or past it, after at least one probe.
    for (int ut : {500, 2000, 2500, 3000, 7000, 60000}) {
        const Prediction p = DetectionPredictor(withKeepalive(2, 2, 3, ut)).predict(DeathKind::IdlePeerPoweredOff);
        const qint64 checks = std::max<qint64>(1, (qint64(ut) * 1000 - 2 * kSecond + 2 * kSecond - 1) / (2 * kSecond));
        QCOMPARE(*p.expectedUs, 2 * kSecond + checks * 2 * kSecond);
    }
}

void TestDetectionPredictor::keepaliveUserTimeoutNearACheck()
{
    // UT 3010 ms misses the check at 3 s by 10 ms, so on time the kernel gives up at 4 s; a
    // timer firing late reaches 3.01 s and gives up at that check. The range covers both.
    const Prediction p = DetectionPredictor(withKeepalive(2, 1, 3, 3010)).predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(*p.expectedUs, 4 * kSecond);
    QVERIFY2(p.minUs > 3 * kSecond && p.minUs < 3100000, describe(p));
    QVERIFY2(p.maxUs >= 4 * kSecond, describe(p));
}

void TestDetectionPredictor::idleWithoutKeepaliveIsNever()
{
    PredictionInput input;
    input.userTimeoutMs = 3000; // a user timeout alone needs unacknowledged data or keepalive
    const Prediction p = DetectionPredictor(input).predict(DeathKind::IdlePeerPoweredOff);
    QVERIFY(p.isNever());
    QCOMPARE(p.mechanism, DetectionMechanism::None);
    QCOMPARE(p.errnoValue, 0);
    QVERIFY(!p.seconds().has_value());
    QVERIFY(!p.explanation.isEmpty());
}

void TestDetectionPredictor::retransmissionsRetries2Five()
{
    PredictionInput input;
    input.retries2 = 5;
    const DetectionPredictor predictor(input);
    QCOMPARE(predictor.retransmissionBudgetUs(), qint64(12600000));
    const Prediction p = predictor.predict(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.mechanism, DetectionMechanism::RetransmissionTimeout);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    QCOMPARE(p.reference, TimeReference::FirstUnackedSend);
    QVERIFY2(*p.expectedUs >= 13000000 && *p.expectedUs <= 13500000, describe(p));
    QVERIFY2(inRange(p, 13.5), describe(p)); // measured

    // A tail-loss probe at ~0.2 s that does not count, the first timeout retransmission at
    // ~0.41 s, then the RTO doubling: 5 retransmissions.
    const QList<qint64> tlp = timesOf(p.events, Kind::TailLossProbe);
    QCOMPARE(tlp.size(), 1);
    QVERIFY(tlp.first() >= 200000 && tlp.first() <= 210000);
    const QList<qint64> rtx = timesOf(p.events, Kind::Retransmission);
    QCOMPARE(rtx.size(), 5);
    QVERIFY(rtx.first() >= 400000 && rtx.first() <= 420000);
    QCOMPARE(rtx.at(0) - tlp.first(), predictor.firstRtoUs());
    for (int i = 1; i + 1 < rtx.size(); ++i)
        QCOMPARE(rtx.at(i + 1) - rtx.at(i), 2 * (rtx.at(i) - rtx.at(i - 1)));
    QCOMPARE(*p.expectedUs - rtx.last(), 2 * (rtx.last() - rtx.at(rtx.size() - 2)));
    QCOMPARE(timesOf(p.events, Kind::Detected), QList<qint64>{*p.expectedUs});
}

void TestDetectionPredictor::retransmissionsRetries2Default()
{
    const DetectionPredictor predictor{PredictionInput{}};
    QCOMPARE(predictor.retransmissionBudgetUs(), qint64(924600000));
    const Prediction p = predictor.predict(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.mechanism, DetectionMechanism::RetransmissionTimeout);
    QVERIFY2(*p.expectedUs >= 925 * kSecond && *p.expectedUs <= 940 * kSecond, describe(p));
    const QList<qint64> rtx = timesOf(p.events, Kind::Retransmission);
    QCOMPARE(rtx.size(), 15);
    // The RTO stops doubling at RTO max.
    qint64 largestGap = 0;
    for (int i = 1; i < rtx.size(); ++i)
        largestGap = std::max(largestGap, rtx.at(i) - rtx.at(i - 1));
    QCOMPARE(largestGap, 120 * kSecond);
    QCOMPARE(*p.expectedUs - rtx.last(), 120 * kSecond);
}

void TestDetectionPredictor::retransmissionsStopAtTheFirstTimerPastTheBudget()
{
    // retransmits_timed_out(): the error comes at the first timer expiry at least one budget
    // after the first timeout retransmission; the one before was still inside the budget.
    for (int retries2 = 0; retries2 <= 30; ++retries2) {
        PredictionInput input;
        input.retries2 = retries2;
        const DetectionPredictor predictor(input);
        const Prediction p = predictor.predict(DeathKind::PeerUnpluggedDataInFlight);
        const QList<qint64> rtx = timesOf(p.events, Kind::Retransmission);
        QVERIFY(!rtx.isEmpty());
        const qint64 budget = predictor.retransmissionBudgetUs();
        QVERIFY2(*p.expectedUs - rtx.first() >= budget, describe(p));
        QVERIFY2(rtx.last() - rtx.first() < budget, describe(p));
    }
}

void TestDetectionPredictor::userTimeoutReplacesRetries2()
{
    PredictionInput input;
    input.userTimeoutMs = 3000;
    const Prediction p = DetectionPredictor(input).predict(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.mechanism, DetectionMechanism::UserTimeout);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    QCOMPARE(p.reference, TimeReference::FirstUnackedSend);
    QVERIFY2(*p.expectedUs >= 3400000 && *p.expectedUs <= 3430000, describe(p));
    QVERIFY2(inRange(p, 3.42), describe(p)); // measured
    // Counted from the first timeout retransmission, and the last timer is shortened to land
    // on the user timeout instead of sleeping a whole doubled RTO.
    const QList<qint64> rtx = timesOf(p.events, Kind::Retransmission);
    QCOMPARE(*p.expectedUs - rtx.first(), 3 * kSecond);
    QVERIFY(*p.expectedUs - rtx.last() < rtx.last() - rtx.at(rtx.size() - 2));
}

void TestDetectionPredictor::userTimeoutLongerThanRetries2()
{
    // TCP_USER_TIMEOUT replaces the tcp_retries2 budget in both directions.
    PredictionInput input;
    input.retries2 = 5;
    input.userTimeoutMs = 30000;
    const Prediction p = DetectionPredictor(input).predict(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.mechanism, DetectionMechanism::UserTimeout);
    const QList<qint64> rtx = timesOf(p.events, Kind::Retransmission);
    QCOMPARE(*p.expectedUs - rtx.first(), 30 * kSecond);
}

void TestDetectionPredictor::connect_data()
{
    QTest::addColumn<int>("synRetries");
    QTest::addColumn<int>("linear");
    QTest::addColumn<QList<qint64>>("retransmissionsS");
    QTest::addColumn<qint64>("expectedS");
    QTest::addColumn<double>("measured");
    // TCP-FACTS: static ARP, tcp_syn_retries 2: SYNs at 0,1,2,3,4,5 s, ETIMEDOUT at 7.12 s.
    QTest::newRow("syn_retries 2") << 2 << 4 << QList<qint64>{1, 2, 3, 4, 5} << qint64(7) << 7.12;
    // Defaults: 10 retransmissions (6 + 4), the last at 67 s, given up at 131 s.
    QTest::newRow("defaults 6/4") << 6 << 4 << QList<qint64>{1, 2, 3, 4, 5, 7, 11, 19, 35, 67} << qint64(131) << 0.0;
    // Without linear timeouts: the documented 63 s to the last SYN, 127 s to the error.
    QTest::newRow("6, no linear") << 6 << 0 << QList<qint64>{1, 3, 7, 15, 31, 63} << qint64(127) << 0.0;
    QTest::newRow("1/1") << 1 << 1 << QList<qint64>{1, 2} << qint64(4) << 0.0;
}

void TestDetectionPredictor::connect()
{
    QFETCH(int, synRetries);
    QFETCH(int, linear);
    QFETCH(QList<qint64>, retransmissionsS);
    QFETCH(qint64, expectedS);
    QFETCH(double, measured);
    PredictionInput input;
    input.synRetries = synRetries;
    input.synLinearTimeouts = linear;
    const Prediction p = DetectionPredictor(input).predict(DeathKind::ConnectToPoweredOffHost);
    QCOMPARE(p.mechanism, DetectionMechanism::SynTimeout);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    QCOMPARE(p.reference, TimeReference::FirstUnackedSend);
    QCOMPARE(timesOf(p.events, Kind::Syn), QList<qint64>{0});
    QList<qint64> expectedTimes;
    for (qint64 s : retransmissionsS)
        expectedTimes.append(s * kSecond);
    QCOMPARE(timesOf(p.events, Kind::SynRetransmission), expectedTimes);
    QCOMPARE(*p.expectedUs, expectedS * kSecond);
    if (measured > 0)
        QVERIFY2(inRange(p, measured), describe(p));
}

void TestDetectionPredictor::connectWithUserTimeout()
{
    PredictionInput input;
    input.userTimeoutMs = 3000;
    const Prediction p = DetectionPredictor(input).predict(DeathKind::ConnectToPoweredOffHost);
    QCOMPARE(p.mechanism, DetectionMechanism::UserTimeout);
    QCOMPARE(*p.expectedUs, 3 * kSecond);
}

void TestDetectionPredictor::peerKilled()
{
    for (const PredictionInput &input : {PredictionInput{}, withHeartbeat(withKeepalive(2, 1, 3, 3000), 1000, 3)}) {
        const Prediction p = DetectionPredictor(input).predict(DeathKind::PeerProcessKilled);
        QCOMPARE(p.mechanism, DetectionMechanism::Fin);
        QCOMPARE(p.errnoValue, EPIPE); // on the second write after the FIN
        QCOMPARE(p.reference, TimeReference::Fault);
        QVERIFY2(*p.expectedUs < 10000 && inRange(p, 0.001), describe(p)); // measured ~1 ms
        QCOMPARE(timesOf(p.events, Kind::Fin).size(), 1);
    }
}

void TestDetectionPredictor::peerRebooted()
{
    const Prediction p = DetectionPredictor(PredictionInput{}).predict(DeathKind::PeerRebooted);
    QCOMPARE(p.mechanism, DetectionMechanism::Rst);
    QCOMPARE(p.errnoValue, ECONNRESET);
    QCOMPARE(p.reference, TimeReference::FirstUnackedSend);
    QVERIFY2(inRange(p, 0.0001), describe(p)); // measured 0.1 ms after the send
    QCOMPARE(timesOf(p.events, Kind::Rst).size(), 1);
}

void TestDetectionPredictor::peerFrozen()
{
    // The frozen process's kernel answers keepalive probes and ACKs data: only a heartbeat helps.
    const Prediction alone = DetectionPredictor(withKeepalive(2, 1, 3, 3000)).predict(DeathKind::PeerProcessFrozen);
    QVERIFY(alone.isNever());
    QCOMPARE(alone.mechanism, DetectionMechanism::None);

    const Prediction p
        = DetectionPredictor(withHeartbeat(withKeepalive(2, 1, 3), 1000, 3)).predict(DeathKind::PeerProcessFrozen);
    QCOMPARE(p.mechanism, DetectionMechanism::Heartbeat);
    QCOMPARE(p.errnoValue, ETIMEDOUT); // the endpoint reports a heartbeat death as ETIMEDOUT
    QCOMPARE(p.reference, TimeReference::Fault);
    // K × I to (K + 1) × I after the fault; measured 3.2–3.7 s.
    QCOMPARE(p.minUs, 3 * kSecond);
    QCOMPARE(p.maxUs, 4 * kSecond);
    QVERIFY(inRange(p, 3.2) && inRange(p, 3.7));
    QCOMPARE(timesOf(p.events, Kind::HeartbeatMiss).size(), 3);
}

void TestDetectionPredictor::heartbeatBeatsKeepalive()
{
    // Heartbeat 1 s × 3 against keepalive 2/1/3: the pings keep data in flight, so keepalive
    // never gets to probe, and the heartbeat notices after 3–4 s.
    const DetectionPredictor predictor(withHeartbeat(withKeepalive(2, 1, 3), 1000, 3));
    const Prediction p = predictor.predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(p.mechanism, DetectionMechanism::Heartbeat);
    QCOMPARE(p.reference, TimeReference::Fault);
    QCOMPARE(*p.expectedUs, 3500000);
    QVERIFY(inRange(p, 3.2) && inRange(p, 3.7));

    bool keepaliveListed = false;
    for (const Prediction &c : predictor.candidates(DeathKind::IdlePeerPoweredOff)) {
        if (c.mechanism == DetectionMechanism::Keepalive) {
            keepaliveListed = true;
            QVERIFY(c.isNever());
        }
    }
    QVERIFY(keepaliveListed);
}

void TestDetectionPredictor::keepaliveBeatsSlowHeartbeat()
{
    // Keepalive 2/1/3 finishes in 5 s, well inside a 60 s heartbeat's quiet time.
    const Prediction p
        = DetectionPredictor(withHeartbeat(withKeepalive(2, 1, 3), 60000, 3)).predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(p.mechanism, DetectionMechanism::Keepalive);
    QCOMPARE(*p.expectedUs, 5 * kSecond);
}

void TestDetectionPredictor::unansweredPingRunsTheRetransmissionTimer()
{
    // A 10 s × 3 heartbeat would take 30–40 s, but its first unanswered ping runs the
    // retransmission timer, and a 3 s user timeout ends that after 3.41 s.
    PredictionInput input = withHeartbeat(PredictionInput{}, 10000, 3);
    input.userTimeoutMs = 3000;
    const DetectionPredictor predictor(input);
    const Prediction unplugged = predictor.predict(DeathKind::PeerUnpluggedDataInFlight);
    const Prediction p = predictor.predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(p.mechanism, DetectionMechanism::UserTimeout);
    QCOMPARE(p.reference, TimeReference::Fault);
    // The ping goes out 0–10 s after the fault.
    QCOMPARE(p.minUs, unplugged.minUs);
    QCOMPARE(p.maxUs, unplugged.maxUs + 10 * kSecond);
    QCOMPARE(*p.expectedUs, *unplugged.expectedUs + 5 * kSecond);
    QCOMPARE(timesOf(p.events, Kind::HeartbeatPing), QList<qint64>{5 * kSecond});
}

void TestDetectionPredictor::userTimeoutAgainstHeartbeatWhileUnplugged()
{
    PredictionInput input;
    input.userTimeoutMs = 3000;
    // UT ends it at 3.41 s; a 1 s × 3 heartbeat expects 3.5 s.
    QCOMPARE(DetectionPredictor(withHeartbeat(input, 1000, 3)).predict(DeathKind::PeerUnpluggedDataInFlight).mechanism,
             DetectionMechanism::UserTimeout);
    // A 1 s × 2 heartbeat expects 2.5 s.
    QCOMPARE(DetectionPredictor(withHeartbeat(input, 1000, 2)).predict(DeathKind::PeerUnpluggedDataInFlight).mechanism,
             DetectionMechanism::Heartbeat);
}

void TestDetectionPredictor::keepaliveWaitsWhileDataIsInFlight()
{
    // Keepalive 1/1/1 would need 2 s, but it does not run while data is unacknowledged.
    const DetectionPredictor predictor(withKeepalive(1, 1, 1));
    const QList<Prediction> candidates = predictor.candidates(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(candidates.first().mechanism, DetectionMechanism::RetransmissionTimeout);
    QCOMPARE(candidates.last().mechanism, DetectionMechanism::Keepalive);
    QVERIFY(candidates.last().isNever());
}

void TestDetectionPredictor::candidatesFastestFirst()
{
    PredictionInput input = withHeartbeat(withKeepalive(2, 1, 3, 5000), 2000, 4);
    input.retries2 = 8;
    const DetectionPredictor predictor(input);
    for (DeathKind kind : allDeathKinds()) {
        const QList<Prediction> all = predictor.candidates(kind);
        QVERIFY(!all.isEmpty());
        QCOMPARE(predictor.predict(kind).mechanism, all.first().mechanism);
        for (qsizetype i = 1; i < all.size(); ++i) {
            const Prediction &a = all.at(i - 1);
            const Prediction &b = all.at(i);
            QVERIFY(!a.isNever() || b.isNever());
            if (!b.isNever())
                QVERIFY(*a.expectedUs <= *b.expectedUs);
        }
        for (const Prediction &p : all)
            QCOMPARE(p.kind, kind);
    }
}

void TestDetectionPredictor::schedulesAreOrderedAndEndAtTheDetection()
{
    const QList<PredictionInput> inputs{PredictionInput{}, withKeepalive(2, 1, 3, 10000),
                                        withHeartbeat(withKeepalive(30, 5, 4), 700, 5)};
    for (const PredictionInput &input : inputs) {
        const DetectionPredictor predictor(input);
        for (DeathKind kind : allDeathKinds()) {
            const Prediction p = predictor.predict(kind);
            QCOMPARE(predictor.schedule(kind), p.events);
            if (p.isNever())
                continue;
            QVERIFY(!p.events.isEmpty());
            for (qsizetype i = 1; i < p.events.size(); ++i)
                QVERIFY(p.events.at(i - 1).atUs <= p.events.at(i).atUs);
            QCOMPARE(p.events.last().kind, Kind::Detected);
            QCOMPARE(p.events.last().atUs, *p.expectedUs);
            QVERIFY2(p.minUs <= *p.expectedUs && *p.expectedUs <= p.maxUs, describe(p));
        }
    }
}

void TestDetectionPredictor::explanations()
{
    const DetectionPredictor predictor(withKeepalive(2, 1, 3));
    for (DeathKind kind : allDeathKinds())
        QVERIFY(!predictor.predict(kind).explanation.isEmpty());
    const QString keepalive = predictor.predict(DeathKind::IdlePeerPoweredOff).explanation;
    QVERIFY2(keepalive.contains(QLatin1String("2 s")) && keepalive.contains(QLatin1String("1 s"))
                 && keepalive.contains(QLatin1String("5 s")),
             qPrintable(keepalive));
    const QString connect = predictor.predict(DeathKind::ConnectToPoweredOffHost).explanation;
    QVERIFY2(connect.contains(QLatin1String("EHOSTUNREACH")), qPrintable(connect)); // the ARP caveat
}

void TestDetectionPredictor::json()
{
    const QJsonObject json = DetectionPredictor(withKeepalive(2, 1, 3)).toJson();
    QCOMPARE(json.size(), 7);
    for (DeathKind kind : allDeathKinds())
        QVERIFY(json.contains(deathKindName(kind)));
    const QJsonObject idle = json.value(QStringLiteral("idle_peer_powered_off")).toObject();
    QCOMPARE(idle.value(QStringLiteral("mechanism")).toString(), QStringLiteral("keepalive"));
    QCOMPARE(idle.value(QStringLiteral("errno")).toString(), QStringLiteral("ETIMEDOUT"));
    QCOMPARE(idle.value(QStringLiteral("seconds")).toDouble(), 5.0);
    QCOMPARE(idle.value(QStringLiteral("min_seconds")).toDouble(), 5.0);
    QVERIFY(idle.value(QStringLiteral("max_seconds")).toDouble() > 5.09);
    QCOMPARE(idle.value(QStringLiteral("reference")).toString(), QStringLiteral("last_received"));
    QCOMPARE(idle.value(QStringLiteral("events")).toArray().size(), 4); // 3 probes, detected

    const QJsonObject frozen = json.value(QStringLiteral("peer_process_frozen")).toObject();
    QVERIFY(frozen.value(QStringLiteral("seconds")).isNull());
    QVERIFY(frozen.value(QStringLiteral("errno")).isNull());
    QCOMPARE(frozen.value(QStringLiteral("mechanism")).toString(), QStringLiteral("none"));

    const QJsonArray alternatives = json.value(QStringLiteral("peer_unplugged_data_in_flight"))
                                        .toObject()
                                        .value(QStringLiteral("alternatives"))
                                        .toArray();
    QCOMPARE(alternatives.size(), 1);
    QCOMPARE(alternatives.first().toObject().value(QStringLiteral("mechanism")).toString(),
             QStringLiteral("keepalive"));
    QVERIFY(alternatives.first().toObject().value(QStringLiteral("seconds")).isNull());
}

void TestDetectionPredictor::namesRoundTrip()
{
    QSet<QString> seen;
    for (DeathKind kind : allDeathKinds()) {
        const QString name = deathKindName(kind);
        QVERIFY(!seen.contains(name));
        seen.insert(name);
        QCOMPARE(deathKindFromName(name), std::optional{kind});
        QVERIFY(!deathKindTitle(kind).isEmpty());
    }
    QCOMPARE(seen.size(), 7);
    QVERIFY(!deathKindFromName(u"powered_off").has_value());
    for (TimeReference reference : {TimeReference::Fault, TimeReference::LastReceived, TimeReference::FirstUnackedSend})
        QCOMPARE(timeReferenceFromName(timeReferenceName(reference)), std::optional{reference});
    QCOMPARE(timeReferenceName(TimeReference::FirstUnackedSend), QStringLiteral("first_unacked_send"));
    QVERIFY(!timeReferenceFromName(u"connect").has_value());
}

void TestDetectionPredictor::validation_data()
{
    QTest::addColumn<PredictionInput>("input");
    QTest::addColumn<QString>("field"); // empty: valid
    PredictionInput base;
    QTest::newRow("defaults") << base << QString();
    QTest::newRow("keepalive idle 0") << withKeepalive(0, 1, 3) << "keepalive idle";
    QTest::newRow("keepalive idle 32768") << withKeepalive(32768, 1, 3) << "keepalive idle";
    QTest::newRow("keepalive count 128") << withKeepalive(2, 1, 128) << "keepalive count";
    QTest::newRow("keepalive 32767/32767/127") << withKeepalive(32767, 32767, 127) << QString();
    PredictionInput in = base;
    in.userTimeoutMs = -1;
    QTest::newRow("user timeout -1") << in << "user timeout";
    in = base;
    in.retries2 = 0; // the sysctl is a u8: 0 is allowed and means a 200 ms budget
    QTest::newRow("retries2 0") << in << QString();
    in.retries2 = 255;
    QTest::newRow("retries2 255") << in << QString();
    in.retries2 = 256;
    QTest::newRow("retries2 256") << in << "retries2";
    in = base;
    in.synRetries = 0;
    QTest::newRow("syn retries 0") << in << "syn retries";
    in.synRetries = 128;
    QTest::newRow("syn retries 128") << in << "syn retries";
    in = base;
    in.synLinearTimeouts = 128;
    QTest::newRow("syn linear 128") << in << "syn linear timeouts";
    QTest::newRow("heartbeat 0 ms") << withHeartbeat(base, 0, 3) << "heartbeat interval";
    QTest::newRow("heartbeat 0 misses") << withHeartbeat(base, 1000, 0) << "heartbeat misses";
    QTest::newRow("heartbeat 1 ms x 1") << withHeartbeat(base, 1, 1) << QString();
    in = base;
    in.rttMs = -0.5;
    QTest::newRow("rtt negative") << in << "rtt";
    in = base;
    in.rtoMaxMs = 999;
    QTest::newRow("rto max 999") << in << "rto max";
    in = base;
    in.rtoMinMs = 121000;
    QTest::newRow("rto min above max") << in << "rto min";
}

void TestDetectionPredictor::validation()
{
    QFETCH(PredictionInput, input);
    QFETCH(QString, field);
    const QList<SettingError> errors = input.validate();
    if (field.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(QLatin1String("from")), qPrintable(errors.first().message));
}

void TestDetectionPredictor::dynamicArpTwoPathsWithTheirCondition()
{
    // TCP-FACTS: UT 60000 with ARP: ETIMEDOUT at 60.4-60.5 s or, when ARP failed first,
    // EHOSTUNREACH at 79.6-80.6 s (the revert re-arms a ~23 s timer past the user timeout).
    PredictionInput input;
    input.userTimeoutMs = 60000;
    input.neighbour.dynamic = true;
    const Prediction p = DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.paths.size(), 2);
    const PredictionPath &early = p.paths.at(0); // the entry goes stale before retransmission 7 (26.1 s)
    const PredictionPath &late = p.paths.at(1);
    QCOMPARE(early.errnoValue, EHOSTUNREACH);
    QCOMPARE(early.mechanism, DetectionMechanism::NeighbourUnreachable);
    QVERIFY2(early.minUs <= 79600000 && early.maxUs >= 80600000, qPrintable(QString::number(early.expectedUs)));
    QVERIFY(early.expectedUs > 78000000 && early.expectedUs < 79000000);
    QCOMPARE(late.errnoValue, ETIMEDOUT);
    QCOMPARE(late.mechanism, DetectionMechanism::UserTimeout);
    QVERIFY(late.expectedUs >= 60400000 && late.expectedUs <= 60500000);
    QCOMPARE(early.reachableFromUs, 15000000);
    QCOMPARE(late.reachableToUs, 45000000);
    QCOMPARE(early.reachableToUs, late.reachableFromUs);
    QVERIFY(qAbs(early.likelihood + late.likelihood - 1.0) < 1e-9);
    QVERIFY(!early.condition.isEmpty() && early.condition != late.condition);
    // The headline is the likelier path (63 %: ETIMEDOUT).
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    // A detection carries the path it took.
    const Prediction took = DetectionPredictor(input).retransmissionsEndingWith(DeathKind::PeerUnpluggedDataInFlight,
                                                                                EHOSTUNREACH, 80600000);
    QCOMPARE(took.errnoValue, EHOSTUNREACH);
    QCOMPARE(*took.expectedUs, early.expectedUs);
    QVERIFY(p.toJson().value(QStringLiteral("paths")).toArray().size() == 2);
    // Static neighbour (the default): no paths, the textbook ETIMEDOUT.
    input.neighbour.dynamic = false;
    QVERIFY(DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight).paths.isEmpty());
}

void TestDetectionPredictor::dynamicArpShortReachableTime()
{
    // The lab's scenario: base_reachable_time 1 s, UT 18 s. ARP fails (16.06 s), the revert's
    // unclamped 3.5 s timer ends the connection at 19.6 s with EHOSTUNREACH.
    PredictionInput input;
    input.userTimeoutMs = 18000;
    input.neighbour.dynamic = true;
    input.neighbour.timers.baseReachableTimeMs = 1000;
    Prediction p = DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.paths.size(), 1);
    QCOMPARE(p.errnoValue, EHOSTUNREACH);
    QVERIFY(*p.expectedUs > 19500000 && *p.expectedUs < 19700000);
    QCOMPARE(p.paths.first().neighbourErrorUs.value_or(0) / 100000, 160); // 16.0x s
    // IP_RECVERR: the error is reported at once and not kept: ETIMEDOUT by the budget.
    input.userTimeoutMs = 0;
    input.retries2 = 6;
    input.recvErr = true;
    p = DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    QCOMPARE(p.mechanism, DetectionMechanism::RetransmissionTimeout);
    QVERIFY(p.softErrorUs && *p.softErrorUs > 16000000 && *p.softErrorUs < 16100000);
    QVERIFY(*p.expectedUs > 26000000 && *p.expectedUs < 26200000);
    const std::optional<Prediction> soft
        = DetectionPredictor(input).neighbourSoftError(DeathKind::PeerUnpluggedDataInFlight);
    QVERIFY(soft);
    QCOMPARE(soft->errnoValue, EHOSTUNREACH);
    QCOMPARE(soft->mechanism, DetectionMechanism::NeighbourUnreachable);
    QCOMPARE(*soft->expectedUs, *p.softErrorUs);
    QCOMPARE(soft->events.last().kind, Kind::Detected);
    // A reachable time longer than the whole budget: nothing changes.
    input.recvErr = false;
    input.neighbour.timers.baseReachableTimeMs = 600000;
    p = DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight);
    QCOMPARE(p.errnoValue, ETIMEDOUT);
    input.neighbour.dynamic = false;
    QCOMPARE(*p.expectedUs,
             *DetectionPredictor(input).retransmissions(DeathKind::PeerUnpluggedDataInFlight).expectedUs);
}

void TestDetectionPredictor::dynamicArpConnectAndKeepalive()
{
    PredictionInput input = withKeepalive(2, 1, 3);
    input.neighbour.dynamic = true;
    const DetectionPredictor predictor(input);
    const Prediction connect = predictor.predict(DeathKind::ConnectToPoweredOffHost);
    QCOMPARE(connect.errnoValue, EHOSTUNREACH);
    QCOMPARE(connect.mechanism, DetectionMechanism::NeighbourUnreachable);
    QVERIFY(connect.minUs <= 3070000 && connect.maxUs >= 3070000); // TCP-FACTS: 3.07 s
    // Keepalive probes carry snd_una - 1: the neighbour's error is out of window, ETIMEDOUT stays.
    const Prediction idle = predictor.predict(DeathKind::IdlePeerPoweredOff);
    QCOMPARE(idle.errnoValue, ETIMEDOUT);
    QCOMPARE(*idle.expectedUs, 5000000);
}

void TestDetectionPredictor::rebootedPeerFoundByASend()
{
    // keepalive-rebooted-peer in the lab: keepalive 2/1/3, the server reboots: ECONNRESET
    // 2.012 s after the last packet received: the first probe + RTT (+ the wheel's slack).
    const DetectionPredictor keepalive(withKeepalive(2, 1, 3));
    const Prediction probe = keepalive.predict(DeathKind::PeerRebootedIdle);
    QCOMPARE(probe.mechanism, DetectionMechanism::Rst);
    QCOMPARE(probe.errnoValue, ECONNRESET);
    QCOMPARE(probe.reference, TimeReference::LastReceived);
    QVERIFY(probe.minUs <= 2012000 && probe.maxUs >= 2012000);
    QCOMPARE(keepalive.rstAnsweringKeepaliveProbe().expectedUs, probe.expectedUs);
    // Without keepalive: never, until the application sends.
    QVERIFY(DetectionPredictor(PredictionInput{}).predict(DeathKind::PeerRebootedIdle).isNever());
    // An RST answering the 3rd retransmission on the wire (TLP 204 ms, 408 ms, 816 ms...).
    const Prediction third = DetectionPredictor(PredictionInput{}).rstAnsweringRetransmission(3);
    QCOMPARE(third.reference, TimeReference::FirstUnackedSend);
    QVERIFY(*third.expectedUs > 800000 && *third.expectedUs < 900000);
}

void TestDetectionPredictor::applicationKeepalives()
{
    PredictionInput input;
    QString error;
    input.application = *ApplicationKeepalive::parse(QStringLiteral("mqtt-client:60"), &error);
    DetectionPredictor predictor(input);
    std::optional<Prediction> app = predictor.application(DeathKind::IdlePeerPoweredOff);
    QVERIFY(app);
    QCOMPARE(*app->expectedUs, 120000000); // 2 x K
    QCOMPARE(app->mechanism, DetectionMechanism::ApplicationKeepalive);
    // Without TCP keepalive the application is what notices the idle dead peer.
    QCOMPARE(predictor.predict(DeathKind::IdlePeerPoweredOff).mechanism, DetectionMechanism::ApplicationKeepalive);
    QVERIFY(predictor.toJson()
                .value(QStringLiteral("idle_peer_powered_off"))
                .toObject()
                .contains(QStringLiteral("application")));
    input.application = *ApplicationKeepalive::parse(QStringLiteral("mqtt-broker:60"), &error);
    QCOMPARE(*DetectionPredictor(input).application(DeathKind::PeerProcessFrozen)->expectedUs, 90000000); // 1.5 x K
    input.application = *ApplicationKeepalive::parse(QStringLiteral("mqtt-no-connect"), &error);
    QCOMPARE(*DetectionPredictor(input).application(DeathKind::IdlePeerPoweredOff)->expectedUs, 90000000);
    input.application = *ApplicationKeepalive::parse(QStringLiteral("amqp:60"), &error);
    QCOMPARE(*DetectionPredictor(input).application(DeathKind::IdlePeerPoweredOff)->expectedUs, 120000000);
    input.application = *ApplicationKeepalive::parse(QStringLiteral("grpc:30,10"), &error);
    QCOMPARE(*DetectionPredictor(input).application(DeathKind::IdlePeerPoweredOff)->expectedUs, 40000000);
    QCOMPARE(ApplicationKeepalive::format(input.application), QStringLiteral("grpc:30,10"));
    // A killed peer sends FIN first: no application row.
    QVERIFY(!DetectionPredictor(input).application(DeathKind::PeerProcessKilled));
    for (const char *bad :
         {"mqtt-client", "mqtt-client:0", "mqtt-client:70000", "mqtt-client:5,3", "http:5", "mqtt-no-connect:5"}) {
        QVERIFY2(!ApplicationKeepalive::parse(QString::fromLatin1(bad), &error), bad);
        QVERIFY2(error.startsWith(QLatin1String("app:")), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestDetectionPredictor)
#include "tst_DetectionPredictor.moc"
