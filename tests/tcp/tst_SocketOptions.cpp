// SPDX-License-Identifier: GPL-3.0-or-later
// SocketOptions against the real kernel: what applyTo sets is what getsockopt and `ss` report,
// and validate() names the field and the allowed range of every bad value.

#include "LoopbackPair.h"

#include "core/tcp/SocketOptions.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace halfopen::core;

namespace {

SocketOptions keepalive213()
{
    SocketOptions o;
    o.keepalive.enabled = true;
    o.keepalive.idleS = 2;
    o.keepalive.intervalS = 1;
    o.keepalive.count = 3;
    o.userTimeoutMs = 3000;
    o.lingerAbort = true;
    o.noDelay = true;
    o.recvErr = true;
    return o;
}

// `ss -tnoi` for exactly the client's connection; the caller checks the line is really there
// so that "no keepalive timer" cannot pass on an empty listing.
QString ssLine(const LoopbackPair &pair)
{
    QProcess ss;
    const QString filter
        = QStringLiteral("( sport = :%1 and dport = :%2 )").arg(pair.clientPort()).arg(pair.serverPort());
    ss.start(QStringLiteral("ss"),
             {QStringLiteral("-tnoiH"), QStringLiteral("state"), QStringLiteral("established"), filter});
    if (!ss.waitForFinished(10000) || ss.exitStatus() != QProcess::NormalExit || ss.exitCode() != 0)
        return QStringLiteral("ss failed: ") + QString::fromLocal8Bit(ss.readAllStandardError());
    return QString::fromLocal8Bit(ss.readAllStandardOutput());
}

// What readFrom must report after applyTo(asked): with keepalive off its timers are not
// applied, so the kernel keeps whatever it had and only the flag is compared.
SocketOptions expectedReadBack(const SocketOptions &asked, const SocketOptions &actual)
{
    SocketOptions expected = asked;
    if (!asked.keepalive.enabled) {
        expected.keepalive.idleS = actual.keepalive.idleS;
        expected.keepalive.intervalS = actual.keepalive.intervalS;
        expected.keepalive.count = actual.keepalive.count;
    }
    return expected;
}

} // namespace

namespace halfopen::core {
// Lets QCOMPARE print both sides.
char *toString(const SocketOptions &o)
{
    return qstrdup(QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact).constData());
}
} // namespace halfopen::core

class TestSocketOptions : public QObject
{
    Q_OBJECT
private slots:
    void appliedOptionsReadBack_data();
    void appliedOptionsReadBack();
    void keepaliveTimerShowsInSs_data();
    void keepaliveTimerShowsInSs();
    void kernelLimitsMatchOurs();
    void invalidValuesNameFieldAndRange_data();
    void invalidValuesNameFieldAndRange();
    void validValuesHaveNoErrors_data();
    void validValuesHaveNoErrors();
    void jsonRoundTrip();
};

void TestSocketOptions::appliedOptionsReadBack_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<SocketOptions>("options");
    for (const auto &[familyName, family] : {std::pair{"IPv4", AF_INET}, std::pair{"IPv6", AF_INET6}}) {
        QTest::addRow("%s all on", familyName) << family << keepalive213();
        QTest::addRow("%s all off", familyName) << family << SocketOptions{};
        SocketOptions mixed;
        mixed.keepalive = {true, 30, 5, 127};
        mixed.userTimeoutMs = 60000;
        mixed.recvErr = true;
        QTest::addRow("%s mixed", familyName) << family << mixed;
    }
}

void TestSocketOptions::appliedOptionsReadBack()
{
    QFETCH(int, family);
    QFETCH(SocketOptions, options);
    LoopbackPair pair(family);
    QVERIFY2(pair.isConnected(), "loopback pair did not connect");

    // Start from the opposite of every flag so a no-op applyTo cannot pass.
    SocketOptions opposite = keepalive213();
    opposite.keepalive.enabled = !options.keepalive.enabled;
    opposite.userTimeoutMs = options.userTimeoutMs == 0 ? 1234 : 0;
    opposite.lingerAbort = !options.lingerAbort;
    opposite.noDelay = !options.noDelay;
    opposite.recvErr = !options.recvErr;
    QCOMPARE(opposite.applyTo(pair.client).size(), 0);
    const SocketOptions before = SocketOptions::readFrom(pair.client);
    QCOMPARE(before, expectedReadBack(opposite, before));

    const QList<SettingError> failures = options.applyTo(pair.client);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).field + QLatin1Char(' ') + failures.value(0).message));
    const SocketOptions actual = SocketOptions::readFrom(pair.client);
    QCOMPARE(actual, expectedReadBack(options, actual));
}

void TestSocketOptions::keepaliveTimerShowsInSs_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << AF_INET;
    QTest::newRow("IPv6") << AF_INET6;
}

void TestSocketOptions::keepaliveTimerShowsInSs()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ss")).isEmpty())
        QSKIP("ss (iproute2) is not installed");
    QFETCH(int, family);
    LoopbackPair pair(family);
    QVERIFY(pair.isConnected());
    const QString port = QStringLiteral(":%1").arg(pair.clientPort());

    QString line = ssLine(pair);
    QVERIFY2(line.contains(port), qPrintable(line));
    QVERIFY2(!line.contains(QLatin1String("keepalive")), qPrintable(line));

    QCOMPARE(keepalive213().applyTo(pair.client).size(), 0);
    // An idle socket with SO_KEEPALIVE runs the keepalive timer: timer:(keepalive,1.9sec,0).
    line = ssLine(pair);
    QVERIFY2(line.contains(port), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("timer:(keepalive,")), qPrintable(line));

    // Turning it off stops the timer, not only the flag.
    QCOMPARE(SocketOptions{}.applyTo(pair.client).size(), 0);
    line = ssLine(pair);
    QVERIFY2(line.contains(port), qPrintable(line));
    QVERIFY2(!line.contains(QLatin1String("keepalive")), qPrintable(line));
}

void TestSocketOptions::kernelLimitsMatchOurs()
{
    LoopbackPair pair(AF_INET);
    QVERIFY(pair.isConnected());
    SocketOptions o;
    o.keepalive = {true, KeepaliveSettings::kMaxIdleS, KeepaliveSettings::kMaxIntervalS, KeepaliveSettings::kMaxCount};
    o.userTimeoutMs = SocketOptions::kMaxUserTimeoutMs;
    QCOMPARE(o.applyTo(pair.client).size(), 0);
    QCOMPARE(SocketOptions::readFrom(pair.client), o);

    // One past each limit is what validate() rejects; the kernel rejects it too.
    o.keepalive = {true, KeepaliveSettings::kMaxIdleS + 1, KeepaliveSettings::kMaxIntervalS + 1,
                   KeepaliveSettings::kMaxCount + 1};
    const QList<SettingError> failures = o.applyTo(pair.client);
    QStringList failed;
    for (const SettingError &e : failures) {
        failed << e.field;
        QVERIFY2(e.message.contains(QLatin1String("EINVAL")), qPrintable(e.message));
    }
    QCOMPARE(
        failed,
        (QStringList{QStringLiteral("TCP_KEEPIDLE"), QStringLiteral("TCP_KEEPINTVL"), QStringLiteral("TCP_KEEPCNT")}));
}

void TestSocketOptions::invalidValuesNameFieldAndRange_data()
{
    QTest::addColumn<SocketOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("range");
    auto with = [](auto change) {
        SocketOptions o = keepalive213();
        change(o);
        return o;
    };
    const QString idleRange = QStringLiteral("from 1 to 32767 s");
    QTest::newRow("idle 0") << with([](SocketOptions &o) { o.keepalive.idleS = 0; }) << "keepalive idle" << idleRange;
    QTest::newRow("idle 32768") << with([](SocketOptions &o) { o.keepalive.idleS = 32768; }) << "keepalive idle"
                                << idleRange;
    QTest::newRow("interval 0") << with([](SocketOptions &o) { o.keepalive.intervalS = 0; }) << "keepalive interval"
                                << "from 1 to 32767 s";
    QTest::newRow("count 0") << with([](SocketOptions &o) { o.keepalive.count = 0; }) << "keepalive count"
                             << "from 1 to 127, not 0";
    QTest::newRow("count 128") << with([](SocketOptions &o) { o.keepalive.count = 128; }) << "keepalive count"
                               << "from 1 to 127, not 128";
    QTest::newRow("user timeout -1") << with([](SocketOptions &o) { o.userTimeoutMs = -1; }) << "user timeout"
                                     << "from 0 to 2147483647 ms";
}

void TestSocketOptions::invalidValuesNameFieldAndRange()
{
    QFETCH(SocketOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, range);
    const QList<SettingError> errors = options.validate();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(field), qPrintable(errors.first().message));
    QVERIFY2(errors.first().message.contains(range), qPrintable(errors.first().message));
}

void TestSocketOptions::validValuesHaveNoErrors_data()
{
    QTest::addColumn<SocketOptions>("options");
    QTest::newRow("defaults") << SocketOptions{};
    QTest::newRow("2/1/3 + UT 3000") << keepalive213();
    SocketOptions low = keepalive213();
    low.keepalive = {true, 1, 1, 1};
    low.userTimeoutMs = 0;
    QTest::newRow("lower limits") << low;
    SocketOptions high = keepalive213();
    high.keepalive = {true, 32767, 32767, 127};
    high.userTimeoutMs = SocketOptions::kMaxUserTimeoutMs;
    QTest::newRow("upper limits") << high;
}

void TestSocketOptions::validValuesHaveNoErrors()
{
    QFETCH(SocketOptions, options);
    const QList<SettingError> errors = options.validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
}

void TestSocketOptions::jsonRoundTrip()
{
    const SocketOptions o = keepalive213();
    QCOMPARE(SocketOptions::fromJson(o.toJson()), o);
    QCOMPARE(SocketOptions::fromJson(SocketOptions{}.toJson()), SocketOptions{});
}

QTEST_GUILESS_MAIN(TestSocketOptions)
#include "tst_SocketOptions.moc"
