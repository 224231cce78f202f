// SPDX-License-Identifier: GPL-3.0-or-later
// TcpInfoSample read from real loopback sockets, decoded from short tcp_info structs, and
// carried through JSON without loss.

#include "LoopbackPair.h"

#include "core/tcp/TcpInfoSample.h"

#include <QJsonDocument>
#include <QTest>

#include <fcntl.h>
#include <linux/tcp.h>

#include <cerrno>
#include <cstddef>
#include <vector>

using namespace halfopen::core;

namespace halfopen::core {
// Lets QCOMPARE print both sides.
char *toString(const TcpInfoSample &s)
{
    return qstrdup(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact).constData());
}
} // namespace halfopen::core

namespace {

TcpInfoSample read(int fd)
{
    TcpInfoSample s;
    if (!TcpInfoSample::readFromSocket(fd, &s))
        qWarning("readFromSocket(%d) failed: %s", fd, strerror(errno));
    return s;
}

// Every field set to something distinct and non-default.
TcpInfoSample busySample()
{
    TcpInfoSample s;
    s.state = TcpState::Established;
    s.caState = 4;
    s.retransmits = 3;
    s.probes = 2;
    s.backoff = 3;
    s.rtoUs = 1632000;
    s.rttUs = 31;
    s.rttVarUs = 15;
    s.unacked = 7;
    s.lost = 5;
    s.totalRetrans = 11;
    s.lastDataSentMs = 4294967295u; // a quint32 that does not fit in qint32
    s.lastDataRecvMs = 1200;
    s.lastAckRecvMs = 900;
    s.sendCwnd = 1;
    s.segsOut = 42;
    s.segsIn = 40;
    s.bytesAcked = quint64(1) << 40;
    s.bytesReceived = 123456789;
    s.sendQ = 4096;
    s.recvQ = 17;
    s.timerKnown = true;
    s.timer = TcpTimer::Retransmit;
    s.timerExpiresMs = -3; // overdue
    return s;
}

} // namespace

class TestTcpInfoSample : public QObject
{
    Q_OBJECT
private slots:
    void establishedSocket_data();
    void establishedSocket();
    void recvQueueCountsUnreadBytes();
    void sendQueueCountsUnackedBytes();
    void listenerAndBadFd();
    void jsonRoundTrip();
    void jsonWithoutTimer();
    void truncatedTcpInfoLeavesTailZero();
    void longerTcpInfoIsAccepted();
    void differsVisiblyIgnoresAgeing();
    void differsVisiblySeesWhatUsersWatch();
};

void TestTcpInfoSample::establishedSocket_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << AF_INET;
    QTest::newRow("IPv6") << AF_INET6;
}

void TestTcpInfoSample::establishedSocket()
{
    QFETCH(int, family);
    LoopbackPair pair(family);
    QVERIFY(pair.isConnected());
    for (int fd : {pair.client, pair.server}) {
        TcpInfoSample s;
        QVERIFY(TcpInfoSample::readFromSocket(fd, &s));
        QCOMPARE(s.state, TcpState::Established);
        QVERIFY2(s.rtoUs >= 200000, qPrintable(QString::number(s.rtoUs))); // TCP_RTO_MIN
        QCOMPARE(s.sendQ, 0u);
        QCOMPARE(s.recvQ, 0u);
        QCOMPARE(s.retransmits, 0);
        QCOMPARE(s.probes, 0);
        QVERIFY(!s.timerKnown); // only sock_diag reports the timer
    }
}

void TestTcpInfoSample::recvQueueCountsUnreadBytes()
{
    LoopbackPair pair(AF_INET);
    QVERIFY(pair.isConnected());
    const QByteArray data(1000, 'x');
    QCOMPARE(::send(pair.client, data.constData(), data.size(), MSG_NOSIGNAL), ssize_t(data.size()));

    QTRY_COMPARE_WITH_TIMEOUT(read(pair.server).recvQ, quint32(data.size()), 5000);
    QCOMPARE(read(pair.server).bytesReceived, quint64(data.size()));
    // The receiving kernel acknowledged it: nothing left unacknowledged on the writer.
    QTRY_COMPARE_WITH_TIMEOUT(read(pair.client).sendQ, 0u, 5000);

    // Reading part of it leaves exactly the rest queued.
    char buffer[400];
    QCOMPARE(::recv(pair.server, buffer, sizeof buffer, 0), ssize_t(sizeof buffer));
    QCOMPARE(read(pair.server).recvQ, quint32(data.size() - sizeof buffer));
}

void TestTcpInfoSample::sendQueueCountsUnackedBytes()
{
    // Fill the reader's window: what the reader has not read sits in its Recv-Q, and what its
    // window refused stays unacknowledged in the writer's Send-Q.
    LoopbackPair pair(AF_INET);
    QVERIFY(pair.isConnected());
    QVERIFY(::fcntl(pair.client, F_SETFL, ::fcntl(pair.client, F_GETFL) | O_NONBLOCK) == 0);
    const QByteArray chunk(64 * 1024, 'y');
    qint64 written = 0;
    for (;;) {
        const ssize_t n = ::send(pair.client, chunk.constData(), chunk.size(), MSG_NOSIGNAL);
        if (n < 0) {
            QVERIFY2(errno == EAGAIN || errno == EWOULDBLOCK, strerror(errno));
            break;
        }
        written += n;
        QVERIFY2(written < qint64(1) << 30, "the send buffer never filled");
    }
    QTRY_COMPARE_WITH_TIMEOUT(qint64(read(pair.client).sendQ) + read(pair.server).recvQ, written, 10000);
    QVERIFY(read(pair.client).sendQ > 0);
    QVERIFY(read(pair.server).recvQ > 0);
}

void TestTcpInfoSample::listenerAndBadFd()
{
    LoopbackPair pair(AF_INET);
    QVERIFY(pair.isConnected());
    QCOMPARE(read(pair.listener).state, TcpState::Listen);

    TcpInfoSample s;
    errno = 0;
    QVERIFY(!TcpInfoSample::readFromSocket(-1, &s));
    QCOMPARE(errno, EBADF);
}

void TestTcpInfoSample::jsonRoundTrip()
{
    const TcpInfoSample s = busySample();
    QCOMPARE(TcpInfoSample::fromJson(s.toJson()), s);
    // Through text too, as a recording stores it.
    const QByteArray text = QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(TcpInfoSample::fromJson(QJsonDocument::fromJson(text).object()), s);

    // The names match ss and the CLI.
    const QJsonObject j = s.toJson();
    QCOMPARE(j.value(u"state").toString(), QStringLiteral("ESTABLISHED"));
    QCOMPARE(j.value(u"send_q").toInteger(), 4096);
    QCOMPARE(j.value(u"recv_q").toInteger(), 17);
    QCOMPARE(j.value(u"rto_ms").toDouble(), 1632.0);
    QCOMPARE(j.value(u"timer").toString(), QStringLiteral("on"));

    // A real socket's sample too.
    LoopbackPair pair(AF_INET6);
    QVERIFY(pair.isConnected());
    const TcpInfoSample live = read(pair.client);
    QCOMPARE(TcpInfoSample::fromJson(live.toJson()), live);
}

void TestTcpInfoSample::jsonWithoutTimer()
{
    TcpInfoSample s = busySample();
    s.timerKnown = false;
    s.timer = TcpTimer::Off;
    s.timerExpiresMs = 0;
    QVERIFY(!s.toJson().contains(u"timer"));
    QCOMPARE(TcpInfoSample::fromJson(s.toJson()), s);
}

void TestTcpInfoSample::truncatedTcpInfoLeavesTailZero()
{
    struct tcp_info info;
    std::memset(&info, 0, sizeof info);
    info.tcpi_state = 1;
    info.tcpi_probes = 2;
    info.tcpi_backoff = 3;
    info.tcpi_rto = 816000;
    info.tcpi_unacked = 4;
    info.tcpi_lost = 1;
    info.tcpi_last_data_sent = 50;
    info.tcpi_last_ack_recv = 60;
    info.tcpi_rtt = 70;
    info.tcpi_snd_cwnd = 10;
    info.tcpi_total_retrans = 9;
    info.tcpi_bytes_acked = 1000;
    info.tcpi_segs_out = 20;

    const TcpInfoSample full = TcpInfoSample::fromTcpInfo(&info, sizeof info);
    QCOMPARE(full.lastDataSentMs, 50u);
    QCOMPARE(full.rttUs, 70u);
    QCOMPARE(full.segsOut, 20u);

    // An older kernel's struct ending just before tcpi_last_data_sent.
    const TcpInfoSample head = TcpInfoSample::fromTcpInfo(&info, offsetof(struct tcp_info, tcpi_last_data_sent));
    QCOMPARE(head.state, TcpState::Established);
    QCOMPARE(head.probes, 2);
    QCOMPARE(head.backoff, 3);
    QCOMPARE(head.rtoUs, 816000u);
    QCOMPARE(head.unacked, 4u);
    QCOMPARE(head.lost, 1u);
    QCOMPARE(head.lastDataSentMs, 0u);
    QCOMPARE(head.lastAckRecvMs, 0u);
    QCOMPARE(head.rttUs, 0u);
    QCOMPARE(head.sendCwnd, 0u);
    QCOMPARE(head.totalRetrans, 0u);
    QCOMPARE(head.bytesAcked, 0u);
    QCOMPARE(head.segsOut, 0u);

    const TcpInfoSample nothing = TcpInfoSample::fromTcpInfo(&info, 0);
    QCOMPARE(nothing, TcpInfoSample{});
}

void TestTcpInfoSample::longerTcpInfoIsAccepted()
{
    // A newer kernel may return more than our headers know: the known part decodes as usual.
    std::vector<char> longer(sizeof(struct tcp_info) + 64, '\x7f');
    struct tcp_info info;
    std::memset(&info, 0, sizeof info);
    info.tcpi_state = 8;
    info.tcpi_rto = 204000;
    std::memcpy(longer.data(), &info, sizeof info);
    const TcpInfoSample s = TcpInfoSample::fromTcpInfo(longer.data(), longer.size());
    QCOMPARE(s.state, TcpState::CloseWait);
    QCOMPARE(s.rtoUs, 204000u);
    QCOMPARE(s, TcpInfoSample::fromTcpInfo(&info, sizeof info));
}

void TestTcpInfoSample::differsVisiblyIgnoresAgeing()
{
    const TcpInfoSample before = busySample();
    TcpInfoSample later = before;
    later.lastDataSentMs += 1000;
    later.lastDataRecvMs += 1000;
    later.lastAckRecvMs += 1000;
    later.rttUs += 5;
    later.rttVarUs += 3;
    later.timerExpiresMs -= 1000;
    QVERIFY(!later.differsVisiblyFrom(before));
    QVERIFY(!before.differsVisiblyFrom(later));
    QVERIFY(!before.differsVisiblyFrom(before));
}

void TestTcpInfoSample::differsVisiblySeesWhatUsersWatch()
{
    const TcpInfoSample before = busySample();
    const std::pair<const char *, void (*)(TcpInfoSample &)> changes[] = {
        {"state", [](TcpInfoSample &s) { s.state = TcpState::CloseWait; }},
        {"retransmits", [](TcpInfoSample &s) { ++s.retransmits; }},
        {"probes", [](TcpInfoSample &s) { ++s.probes; }},
        {"backoff", [](TcpInfoSample &s) { ++s.backoff; }},
        {"rto", [](TcpInfoSample &s) { s.rtoUs *= 2; }},
        {"unacked", [](TcpInfoSample &s) { ++s.unacked; }},
        {"total_retrans", [](TcpInfoSample &s) { ++s.totalRetrans; }},
        {"send_q", [](TcpInfoSample &s) { s.sendQ += 10; }},
        {"recv_q", [](TcpInfoSample &s) { s.recvQ += 10; }},
        {"timer", [](TcpInfoSample &s) { s.timer = TcpTimer::Keepalive; }},
        {"segs_out", [](TcpInfoSample &s) { ++s.segsOut; }},
    };
    for (const auto &[name, change] : changes) {
        TcpInfoSample after = before;
        change(after);
        QVERIFY2(after.differsVisiblyFrom(before), name);
    }
}

QTEST_GUILESS_MAIN(TestTcpInfoSample)
#include "tst_TcpInfoSample.moc"
