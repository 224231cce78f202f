// SPDX-License-Identifier: GPL-3.0-or-later
// The router's ICMP destination unreachable: addressed back to the sender, quoting its
// datagram's header and first 8 bytes, with checksums that an independent loop verifies; and
// the datagrams no router answers.

#include "TestFrames.h"
#include "lab/cable/IcmpUnreachable.h"

#include <QTest>

using namespace halfopen::lab;
using namespace halfopen::lab::test;

namespace {

constexpr quint32 kRouterIp = 0xc61200fe; // 198.18.0.254
constexpr MacAddress kRouterMac{0x02, 0x00, 0xc6, 0x12, 0x00, 0xfe};

QByteArray dataSegment()
{
    Segment s;
    s.seq = 0x01020304;
    s.ack = 0x0a0b0c0d;
    s.flags = kPshAck;
    s.payload = QByteArray(200, 'p');
    s.ipId = 4321;
    return tcpFrame(s);
}

} // namespace

class TestIcmpUnreachable : public QObject
{
    Q_OBJECT
private slots:
    void answersTheSender();
    void checksumsVerify();
    void codes_data();
    void codes();
    void quotesIpOptionsAndShortPayloads();
    void answersEchoRequests();
    void noAnswer_data();
    void noAnswer();
};

void TestIcmpUnreachable::answersTheSender()
{
    const QByteArray original = dataSegment();
    const FrameView originalView(original);
    const QByteArray answer = IcmpUnreachable::build(originalView, kRouterIp, kRouterMac);
    const FrameView frame(answer);

    QCOMPARE(frame.kind(), FrameView::Kind::Icmp);
    QVERIFY(frame.ethernet().destination == kClientMac);
    QVERIFY(frame.ethernet().source == kRouterMac);
    QCOMPARE(frame.ipv4().source, kRouterIp);
    QCOMPARE(frame.ipv4().destination, kClientIp);
    QCOMPARE(frame.ipv4().protocol, quint8(1));
    QCOMPARE(frame.ipv4().ttl, quint8(64));
    QCOMPARE(int(frame.ipv4().totalLength), 20 + 8 + 20 + 8);
    QCOMPARE(answer.size(), qsizetype(14 + 20 + 8 + 20 + 8));
    QCOMPARE(frame.icmp().type, quint8(3));
    QCOMPARE(frame.icmp().code, quint8(1));
    QVERIFY(frame.icmp().hasOriginalTcp);
    QCOMPARE(frame.icmp().original.source, kClientIp);
    QCOMPARE(frame.icmp().original.destination, kServerIp);
    QCOMPARE(frame.icmp().original.id, quint16(4321));
    QCOMPARE(frame.icmp().originalSourcePort, quint16(40000));
    QCOMPARE(frame.icmp().originalDestinationPort, quint16(5000));
    QCOMPARE(frame.icmp().originalSeq, quint32(0x01020304));
    // The quote is the original datagram's first 28 bytes, byte for byte.
    QCOMPARE(answer.sliced(14 + 20 + 8), original.sliced(14, 28));
    QCOMPARE(answer.sliced(14 + 20 + 4, 4), QByteArray(4, '\0')); // unused field
}

void TestIcmpUnreachable::checksumsVerify()
{
    const QByteArray answer = IcmpUnreachable::build(FrameView(dataSegment()), kRouterIp, kRouterMac);
    // Recomputed over the fields as sent, a correct Internet checksum sums to zero.
    QCOMPARE(referenceChecksum(answer.sliced(14, 20)), quint16(0));
    QCOMPARE(referenceChecksum(answer.sliced(14 + 20)), quint16(0));
    // And the stored values are what a zeroed field gives.
    QByteArray header = answer.sliced(14, 20);
    const quint16 stored = qFromBigEndian<quint16>(header.constData() + 10);
    put16(header, 10, 0);
    QCOMPARE(referenceChecksum(header), stored);
    QByteArray icmp = answer.sliced(14 + 20);
    const quint16 storedIcmp = qFromBigEndian<quint16>(icmp.constData() + 2);
    put16(icmp, 2, 0);
    QCOMPARE(referenceChecksum(icmp), storedIcmp);
}

void TestIcmpUnreachable::codes_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("network") << int(IcmpUnreachable::Code::Network);
    QTest::newRow("host") << int(IcmpUnreachable::Code::Host);
    QTest::newRow("port") << int(IcmpUnreachable::Code::Port);
}

void TestIcmpUnreachable::codes()
{
    QFETCH(int, code);
    const QByteArray answer
        = IcmpUnreachable::build(FrameView(dataSegment()), kRouterIp, kRouterMac, IcmpUnreachable::Code(code));
    const FrameView frame(answer);
    QCOMPARE(frame.icmp().code, quint8(code));
    QCOMPARE(referenceChecksum(answer.sliced(14 + 20)), quint16(0));
}

void TestIcmpUnreachable::quotesIpOptionsAndShortPayloads()
{
    // IPv4 header with one 4-byte option (NOP x3, EOL): the quote takes the whole header.
    QByteArray udp = QByteArray::fromHex("9c401388000c0000aabbccdd");
    QByteArray ip = ipv4Header(kClientIp, kServerIp, 17, int(udp.size()) + 4);
    ip[0] = char(0x46);
    ip += QByteArray::fromHex("01010100");
    put16(ip, 10, 0);
    put16(ip, 10, referenceChecksum(ip));
    const QByteArray withOptions = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4) + ip + udp;
    const QByteArray answer = IcmpUnreachable::build(FrameView(withOptions), kRouterIp, kRouterMac);
    QCOMPARE(answer.sliced(14 + 20 + 8), withOptions.sliced(14, 24 + 8));
    QCOMPARE(FrameView(answer).icmp().original.headerLength, 24);

    // A datagram with only 4 bytes after its header is quoted whole.
    const QByteArray tiny = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(kClientIp, kServerIp, 253, 4) + QByteArray("abcd");
    const QByteArray tinyAnswer = IcmpUnreachable::build(FrameView(tiny), kRouterIp, kRouterMac);
    QCOMPARE(tinyAnswer.sliced(14 + 20 + 8), tiny.sliced(14));
    QCOMPARE(referenceChecksum(tinyAnswer.sliced(14 + 20)), quint16(0));
}

void TestIcmpUnreachable::answersEchoRequests()
{
    // An echo request is a query, not an error: a router does answer it.
    QByteArray echo = QByteArray::fromHex("080000000001000161626364");
    put16(echo, 2, referenceChecksum(echo));
    const QByteArray frame = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(kClientIp, kServerIp, 1, int(echo.size())) + echo;
    const QByteArray answer = IcmpUnreachable::build(FrameView(frame), kRouterIp, kRouterMac);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(FrameView(answer).icmp().original.protocol, quint8(1));
}

void TestIcmpUnreachable::noAnswer_data()
{
    QTest::addColumn<QByteArray>("frame");
    const QByteArray error = IcmpUnreachable::build(FrameView(dataSegment()), kRouterIp, kRouterMac);
    QTest::newRow("an ICMP error") << error;

    QByteArray arp = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeArp) + QByteArray(28, '\0');
    put16(arp, 14, 1);
    put16(arp, 16, 0x0800);
    arp[18] = 6;
    arp[19] = 4;
    QTest::newRow("ARP") << arp;
    QTest::newRow("IPv6") << ethernetHeader(kServerMac, kClientMac, 0x86dd) + QByteArray(40, '\0');
    QTest::newRow("truncated") << dataSegment().first(40);

    QByteArray fragment = dataSegment();
    put16(fragment, 14 + 6, 0x0010);
    put16(fragment, 14 + 10, 0);
    put16(fragment, 14 + 10, referenceChecksum(fragment.sliced(14, 20)));
    QTest::newRow("non-initial fragment") << fragment;

    Segment fromNowhere;
    fromNowhere.sourceIp = 0;
    fromNowhere.flags = FrameView::kSyn;
    QTest::newRow("source 0.0.0.0") << tcpFrame(fromNowhere);
    Segment multicast;
    multicast.destinationIp = 0xe0000001;
    QTest::newRow("multicast destination") << tcpFrame(multicast);
    Segment broadcast;
    broadcast.destinationIp = 0xffffffff;
    QTest::newRow("broadcast destination") << tcpFrame(broadcast);
}

void TestIcmpUnreachable::noAnswer()
{
    QFETCH(QByteArray, frame);
    QVERIFY(IcmpUnreachable::build(FrameView(frame), kRouterIp, kRouterMac).isEmpty());
}

QTEST_GUILESS_MAIN(TestIcmpUnreachable)
#include "tst_IcmpUnreachable.moc"
