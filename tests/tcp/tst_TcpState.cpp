// SPDX-License-Identifier: GPL-3.0-or-later
// TCP state and timer names: ours round-trip, what `ss` prints parses, anything else is refused.

#include "core/tcp/TcpState.h"

#include <QTest>

using namespace halfopen::core;

class TestTcpState : public QObject
{
    Q_OBJECT
private slots:
    void stateNamesRoundTrip();
    void kernelNumbering();
    void ssSpellingsParse_data();
    void ssSpellingsParse();
    void unknownStateNames_data();
    void unknownStateNames();
    void timerNamesRoundTrip();
    void unknownTimerNames();
};

void TestTcpState::stateNamesRoundTrip()
{
    // Every real state; Unknown (0) is a placeholder, not a name anyone types.
    QSet<QString> seen;
    for (int value = int(TcpState::Established); value <= int(TcpState::NewSynRecv); ++value) {
        const auto state = static_cast<TcpState>(value);
        const QString name = tcpStateName(state);
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(tcpStateFromName(name), std::optional{state});
        QCOMPARE(tcpStateFromName(name.toLower()), std::optional{state});
    }
    QCOMPARE(tcpStateName(TcpState::Established), QStringLiteral("ESTABLISHED"));
    QCOMPARE(tcpStateName(TcpState::TimeWait), QStringLiteral("TIME_WAIT"));
    QCOMPARE(tcpStateName(TcpState::CloseWait), QStringLiteral("CLOSE_WAIT"));
}

void TestTcpState::kernelNumbering()
{
    // include/net/tcp_states.h: TCP_ESTABLISHED = 1 ... TCP_NEW_SYN_RECV = 12.
    QCOMPARE(tcpStateFromKernel(1), TcpState::Established);
    QCOMPARE(tcpStateFromKernel(6), TcpState::TimeWait);
    QCOMPARE(tcpStateFromKernel(8), TcpState::CloseWait);
    QCOMPARE(tcpStateFromKernel(10), TcpState::Listen);
    QCOMPARE(tcpStateFromKernel(12), TcpState::NewSynRecv);
    QCOMPARE(tcpStateFromKernel(0), TcpState::Unknown);
    QCOMPARE(tcpStateFromKernel(13), TcpState::Unknown);
    QCOMPARE(tcpStateFromKernel(-1), TcpState::Unknown);
}

void TestTcpState::ssSpellingsParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TcpState>("state");
    QTest::newRow("ESTAB") << "ESTAB" << TcpState::Established;
    QTest::newRow("estab") << "estab" << TcpState::Established;
    QTest::newRow("time-wait") << "time-wait" << TcpState::TimeWait;
    QTest::newRow("SYN-SENT") << "SYN-SENT" << TcpState::SynSent;
    QTest::newRow("SYN-RECV") << "SYN-RECV" << TcpState::SynRecv;
    QTest::newRow("FIN-WAIT-1") << "FIN-WAIT-1" << TcpState::FinWait1;
    QTest::newRow("fin-wait-2") << "fin-wait-2" << TcpState::FinWait2;
    QTest::newRow("CLOSE-WAIT") << "CLOSE-WAIT" << TcpState::CloseWait;
    QTest::newRow("LAST-ACK") << "LAST-ACK" << TcpState::LastAck;
    QTest::newRow("UNCONN") << "UNCONN" << TcpState::Closed;
    QTest::newRow("LISTEN") << "LISTEN" << TcpState::Listen;
    QTest::newRow("Time_Wait") << "Time_Wait" << TcpState::TimeWait;
}

void TestTcpState::ssSpellingsParse()
{
    QFETCH(QString, text);
    QFETCH(TcpState, state);
    QCOMPARE(tcpStateFromName(text), std::optional{state});
}

void TestTcpState::unknownStateNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("bogus") << "bogus";
    QTest::newRow("ESTABLISHEDX") << "ESTABLISHEDX";
    QTest::newRow("FIN-WAIT-3") << "FIN-WAIT-3";
    QTest::newRow("leading space") << " ESTAB";
}

void TestTcpState::unknownStateNames()
{
    QFETCH(QString, text);
    QCOMPARE(tcpStateFromName(text), std::nullopt);
}

void TestTcpState::timerNamesRoundTrip()
{
    const std::pair<TcpTimer, const char *> expected[] = {
        {TcpTimer::Off, "off"},           {TcpTimer::Retransmit, "on"},   {TcpTimer::Keepalive, "keepalive"},
        {TcpTimer::TimeWait, "timewait"}, {TcpTimer::Persist, "persist"},
    };
    for (const auto &[timer, ssName] : expected) {
        // The names are ss -o's, so a pasted timer:(keepalive,...) field parses.
        QCOMPARE(tcpTimerName(timer), QLatin1String(ssName));
        QCOMPARE(tcpTimerFromName(tcpTimerName(timer)), std::optional{timer});
    }
}

void TestTcpState::unknownTimerNames()
{
    QCOMPARE(tcpTimerFromName(u""), std::nullopt);
    QCOMPARE(tcpTimerFromName(u"retransmit"), std::nullopt);
    QCOMPARE(tcpTimerFromName(u"unknown"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestTcpState)
#include "tst_TcpState.moc"
