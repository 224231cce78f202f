// SPDX-License-Identifier: GPL-3.0-or-later
// Cut, loss and delay per direction: loss rates within 2 points over 10 000 frames and
// reproducible from the seed, delay and jitter that never reorder a direction, a cut that only
// affects its own direction, and the counters.

#include "lab/cable/CableImpairments.h"

#include <QTest>

using namespace halfopen::lab;

namespace {

using Direction = CableImpairments::Direction;
constexpr Direction kUp = Direction::ClientToServer;
constexpr Direction kDown = Direction::ServerToClient;
constexpr int kFrames = 10'000;

// Which of kFrames frames, 100 µs apart, were dropped.
QList<bool> dropPattern(CableImpairments &cable, Direction direction)
{
    QList<bool> dropped;
    for (int i = 0; i < kFrames; ++i)
        dropped.append(!cable.admit(direction, qint64(i) * 100).has_value());
    return dropped;
}

} // namespace

class TestCableImpairments : public QObject
{
    Q_OBJECT
private slots:
    void cleanCableIsTransparent();
    void lossRate_data();
    void lossRate();
    void lossIsReproducible();
    void lossExtremes();
    void directionsHaveTheirOwnDraws();
    void cutPerDirection();
    void cutWinsOverLoss();
    void fixedDelay();
    void jitterSpreadsButNeverReorders();
    void jitterLargerThanDelayNeverGoesBack();
    void delayOneDirectionOnly();
};

void TestCableImpairments::cleanCableIsTransparent()
{
    CableImpairments cable;
    for (qint64 t : {0LL, 5LL, 5LL, 1'000'000LL})
        QCOMPARE(cable.admit(kUp, t), std::optional<qint64>(t));
    QCOMPARE(cable.counters(kUp).passed, 4);
    QCOMPARE(cable.counters(kUp).droppedByCut, 0);
    QCOMPARE(cable.counters(kUp).droppedByLoss, 0);
    QCOMPARE(cable.counters(kDown).passed, 0);
}

void TestCableImpairments::lossRate_data()
{
    QTest::addColumn<double>("percent");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("1 %") << 1.0 << 7u;
    QTest::newRow("10 %") << 10.0 << 7u;
    QTest::newRow("30 %") << 30.0 << 12345u;
    QTest::newRow("50 %") << 50.0 << 99u;
    QTest::newRow("90 %") << 90.0 << 1u;
}

void TestCableImpairments::lossRate()
{
    QFETCH(double, percent);
    QFETCH(quint32, seed);
    CableImpairments cable(seed);
    cable.setLossPercent(kUp, percent);
    QCOMPARE(cable.lossPercent(kUp), percent);
    const QList<bool> dropped = dropPattern(cable, kUp);
    const qint64 lost = std::count(dropped.begin(), dropped.end(), true);
    const double measured = 100.0 * double(lost) / kFrames;
    QVERIFY2(qAbs(measured - percent) <= 2.0,
             qPrintable(QStringLiteral("measured %1 %, set %2 %").arg(measured).arg(percent)));
    QCOMPARE(cable.counters(kUp).droppedByLoss, lost);
    QCOMPARE(cable.counters(kUp).passed, kFrames - lost);
    QCOMPARE(cable.counters(kUp).droppedByCut, 0);
}

void TestCableImpairments::lossIsReproducible()
{
    CableImpairments first(2024);
    CableImpairments second(2024);
    CableImpairments other(2025);
    for (auto *cable : {&first, &second, &other})
        cable->setLossPercent(kUp, 20);
    const QList<bool> a = dropPattern(first, kUp);
    QCOMPARE(dropPattern(second, kUp), a);
    QVERIFY(dropPattern(other, kUp) != a);
}

void TestCableImpairments::lossExtremes()
{
    CableImpairments cable;
    cable.setLossPercent(kUp, 0);
    QVERIFY(!dropPattern(cable, kUp).contains(true));
    cable.setLossPercent(kUp, 100);
    QVERIFY(!dropPattern(cable, kUp).contains(false));
    cable.setLossPercent(kUp, 250); // clamped
    QCOMPARE(cable.lossPercent(kUp), 100.0);
    cable.setLossPercent(kUp, -3);
    QCOMPARE(cable.lossPercent(kUp), 0.0);
}

void TestCableImpairments::directionsHaveTheirOwnDraws()
{
    // Loss on the way back must not shift the draws on the way there.
    CableImpairments quiet(5);
    CableImpairments busy(5);
    quiet.setLossPercent(kUp, 25);
    busy.setLossPercent(kUp, 25);
    busy.setLossPercent(kDown, 40);
    QList<bool> quietUp;
    QList<bool> busyUp;
    for (int i = 0; i < 2000; ++i) {
        quietUp.append(!quiet.admit(kUp, i).has_value());
        busy.admit(kDown, i);
        busyUp.append(!busy.admit(kUp, i).has_value());
    }
    QCOMPARE(busyUp, quietUp);
    QVERIFY(busy.counters(kDown).droppedByLoss > 0);
    QCOMPARE(quiet.counters(kDown).passed + quiet.counters(kDown).droppedByLoss, 0);
}

void TestCableImpairments::cutPerDirection()
{
    CableImpairments cable;
    cable.setCut(kUp, true);
    QVERIFY(cable.isCut(kUp));
    QVERIFY(!cable.isCut(kDown));
    for (int i = 0; i < 10; ++i) {
        QVERIFY(!cable.admit(kUp, i * 1000).has_value());
        QCOMPARE(cable.admit(kDown, i * 1000), std::optional<qint64>(i * 1000));
    }
    QCOMPARE(cable.counters(kUp).droppedByCut, 10);
    QCOMPARE(cable.counters(kUp).passed, 0);
    QCOMPARE(cable.counters(kDown).passed, 10);
    cable.setCut(kUp, false); // replug
    QCOMPARE(cable.admit(kUp, 20'000), std::optional<qint64>(20'000));
    cable.setCut(kUp, true);
    cable.setCut(kDown, true);
    QVERIFY(!cable.admit(kUp, 30'000));
    QVERIFY(!cable.admit(kDown, 30'000));
    QCOMPARE(cable.counters(kDown).droppedByCut, 1);
}

void TestCableImpairments::cutWinsOverLoss()
{
    CableImpairments cable;
    cable.setLossPercent(kUp, 50);
    cable.setCut(kUp, true);
    dropPattern(cable, kUp);
    QCOMPARE(cable.counters(kUp).droppedByCut, kFrames);
    QCOMPARE(cable.counters(kUp).droppedByLoss, 0);
}

void TestCableImpairments::fixedDelay()
{
    CableImpairments cable;
    cable.setDelay(kUp, 25, 0);
    QCOMPARE(cable.delayMs(kUp), 25.0);
    QCOMPARE(cable.jitterMs(kUp), 0.0);
    QCOMPARE(cable.admit(kUp, 1'000'000), std::optional<qint64>(1'025'000));
    QCOMPARE(cable.admit(kUp, 1'000'100), std::optional<qint64>(1'025'100));
    cable.setDelay(kUp, 0.5, 0); // sub-millisecond delays are kept in microseconds
    QCOMPARE(cable.admit(kUp, 2'000'000), std::optional<qint64>(2'000'500));
}

void TestCableImpairments::jitterSpreadsButNeverReorders()
{
    CableImpairments cable(3);
    cable.setDelay(kUp, 20, 5);
    // Frames far apart (50 ms > 2 x jitter): each gets its own delay in [15, 25] ms.
    qint64 shortest = std::numeric_limits<qint64>::max();
    qint64 longest = 0;
    for (int i = 0; i < 1000; ++i) {
        const qint64 arrival = qint64(i) * 50'000;
        const qint64 delay = *cable.admit(kUp, arrival) - arrival;
        QVERIFY(delay >= 15'000 && delay <= 25'000);
        shortest = std::min(shortest, delay);
        longest = std::max(longest, delay);
    }
    QVERIFY2(shortest < 16'000 && longest > 24'000, "jitter spans its range");

    // Back to back (10 µs apart): jitter would swap them, the wire does not.
    qint64 previous = 0;
    int held = 0;
    for (int i = 0; i < 1000; ++i) {
        const qint64 arrival = 100'000'000 + qint64(i) * 10;
        const qint64 release = *cable.admit(kUp, arrival);
        QVERIFY(release >= previous);
        QVERIFY(release >= arrival + 15'000);
        QVERIFY(release <= std::max(arrival + 25'000, previous));
        if (release == previous)
            ++held;
        previous = release;
    }
    QVERIFY2(held > 0, "some frames waited for the one before them");
}

void TestCableImpairments::jitterLargerThanDelayNeverGoesBack()
{
    CableImpairments cable(11);
    cable.setDelay(kDown, 1, 10);
    for (int i = 0; i < 1000; ++i) {
        const qint64 arrival = qint64(i) * 100'000;
        const qint64 release = *cable.admit(kDown, arrival);
        QVERIFY(release >= arrival);
        QVERIFY(release <= arrival + 11'000);
    }
}

void TestCableImpairments::delayOneDirectionOnly()
{
    CableImpairments cable;
    cable.setDelay(kUp, 100, 0);
    QCOMPARE(cable.admit(kUp, 0), std::optional<qint64>(100'000));
    // The other direction is neither delayed nor held behind the delayed one.
    QCOMPARE(cable.admit(kDown, 10), std::optional<qint64>(10));
    QCOMPARE(cable.delayMs(kDown), 0.0);
}

QTEST_GUILESS_MAIN(TestCableImpairments)
#include "tst_CableImpairments.moc"
