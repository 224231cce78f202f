// SPDX-License-Identifier: GPL-3.0-or-later
// The two pieces of kernel arithmetic under every prediction: the timer wheel's jiffies and
// granules (kernel/time/timer.c) and tcp_model_timeout (net/ipv4/tcp_timer.c).

#include "core/predict/RetransmissionBudget.h"
#include "core/predict/TimerWheel.h"

#include <QTest>

using namespace halfopen::core;

class TestKernelTimers : public QObject
{
    Q_OBJECT
private slots:
    void jiffies();
    void wheelGranules_data();
    void wheelGranules();
    void budgetFormula_data();
    void budgetFormula();
    void budgetIsTheSumOfDoublingRtos();
};

void TestKernelTimers::jiffies()
{
    const TimerWheel hz250(250);
    QCOMPARE(hz250.jiffyUs(), 4000);
    QCOMPARE(hz250.roundUpUs(0), 0);
    QCOMPARE(hz250.roundUpUs(1), 4000);
    QCOMPARE(hz250.roundUpUs(4000), 4000);
    QCOMPARE(hz250.roundUpUs(200100), 204000); // RTT + rto_min: tcpi_rto shows 204 ms
    QCOMPARE(TimerWheel(1000).jiffyUs(), 1000);
    QCOMPARE(TimerWheel(100).roundUpUs(200100), 210000);
}

void TestKernelTimers::wheelGranules_data()
{
    // TCP-FACTS caveat 1 at HZ 250: 4 ms under 252 ms, 32 ms under 2 s, 256 ms under 16 s,
    // 2 s under ~129 s; each level starts at 63 << (3 n) jiffies.
    QTest::addColumn<qint64>("delayUs");
    QTest::addColumn<qint64>("slackUs");
    QTest::newRow("tail-loss probe 204 ms") << qint64(204000) << qint64(4000);
    QTest::newRow("62 jiffies") << qint64(248000) << qint64(4000);
    QTest::newRow("63 jiffies") << qint64(252000) << qint64(32000);
    QTest::newRow("RTO 408 ms") << qint64(408000) << qint64(32000);
    QTest::newRow("keepalive 1 s") << qint64(1000000) << qint64(32000);
    QTest::newRow("keepalive 2 s") << qint64(2000000) << qint64(32000);
    QTest::newRow("504 jiffies") << qint64(2016000) << qint64(256000);
    QTest::newRow("RTO 6.528 s") << qint64(6528000) << qint64(256000);
    QTest::newRow("RTO 26 s") << qint64(26112000) << qint64(2048000);
    QTest::newRow("RTO max 120 s") << qint64(120000000) << qint64(2048000);
    QTest::newRow("keepalive 7200 s") << qint64(7200000000) << qint64(131072000);
}

void TestKernelTimers::wheelGranules()
{
    QFETCH(qint64, delayUs);
    QFETCH(qint64, slackUs);
    QCOMPARE(TimerWheel(250).slackUs(delayUs), slackUs);
}

void TestKernelTimers::budgetFormula_data()
{
    QTest::addColumn<int>("boundary");
    QTest::addColumn<qint64>("baseUs");
    QTest::addColumn<qint64>("rtoMaxUs");
    QTest::addColumn<qint64>("expectedUs");
    const qint64 rtoMin = RetransmissionBudget::kRtoMinUs;
    const qint64 syn = RetransmissionBudget::kSynRtoUs;
    const qint64 rtoMax = RetransmissionBudget::kRtoMaxUs;
    // Established: base 200 ms, threshold ilog2(600) = 9.
    QTest::newRow("retries2 0") << 0 << rtoMin << rtoMax << qint64(200000);
    QTest::newRow("retries2 5") << 5 << rtoMin << rtoMax << qint64(12600000);
    QTest::newRow("retries2 9") << 9 << rtoMin << rtoMax << qint64(204600000);
    QTest::newRow("retries2 15") << 15 << rtoMin << rtoMax << qint64(924600000);
    // SYN: base 1 s, threshold ilog2(120) = 6.
    QTest::newRow("syn_retries 2") << 2 << syn << rtoMax << qint64(7000000);
    QTest::newRow("syn_retries 6") << 6 << syn << rtoMax << qint64(127000000);
    QTest::newRow("syn_retries 8") << 8 << syn << rtoMax << qint64(367000000);
    // tcp_rto_max_ms 1000: threshold ilog2(5) = 2, then 1 s steps.
    QTest::newRow("retries2 5, rto max 1 s") << 5 << rtoMin << qint64(1000000) << qint64(4400000);
}

void TestKernelTimers::budgetFormula()
{
    QFETCH(int, boundary);
    QFETCH(qint64, baseUs);
    QFETCH(qint64, rtoMaxUs);
    QFETCH(qint64, expectedUs);
    QCOMPARE(RetransmissionBudget::timeoutUs(boundary, baseUs, rtoMaxUs), expectedUs);
}

void TestKernelTimers::budgetIsTheSumOfDoublingRtos()
{
    // The model is the time of `boundary` retransmissions after the first one, RTO doubling
    // from the base and capped at RTO max, plus one more RTO: check it against that sum.
    const qint64 base = RetransmissionBudget::kRtoMinUs;
    const qint64 rtoMax = RetransmissionBudget::kRtoMaxUs;
    QCOMPARE(RetransmissionBudget::linearBackoffThreshold(base, rtoMax), 9);
    for (int boundary = 0; boundary <= 40; ++boundary) {
        qint64 sum = 0;
        for (int i = 0; i <= boundary; ++i)
            sum += i <= 9 ? base << i : rtoMax;
        QCOMPARE(RetransmissionBudget::timeoutUs(boundary, base, rtoMax), sum);
    }
}

QTEST_GUILESS_MAIN(TestKernelTimers)
#include "tst_KernelTimers.moc"
