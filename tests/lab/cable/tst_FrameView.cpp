// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing frames as they cross the cable: every header field, Ethernet padding, and frames cut
// short anywhere, which must come out "not parsed" rather than read past their end.

#include "TestFrames.h"
#include "lab/cable/FrameView.h"

#include <QTest>

using namespace halfopen::lab;
using namespace halfopen::lab::test;

namespace {

QByteArray arpRequest()
{
    QByteArray arp(28, '\0');
    put16(arp, 0, 1);      // Ethernet
    put16(arp, 2, 0x0800); // IPv4
    arp[4] = 6;
    arp[5] = 4;
    put16(arp, 6, 1); // request
    arp.replace(8, 6, QByteArray(reinterpret_cast<const char *>(kClientMac.data()), 6));
    put32(arp, 14, kClientIp);
    put32(arp, 24, kServerIp);
    return ethernetHeader({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, kClientMac, FrameView::kEtherTypeArp) + arp;
}

QByteArray ipv4Frame(quint8 protocol, const QByteArray &payload)
{
    return ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(kClientIp, kServerIp, protocol, int(payload.size())) + payload;
}

} // namespace

class TestFrameView : public QObject
{
    Q_OBJECT
private slots:
    void tcpFields();
    void tcpOptions();
    void ethernetPaddingIsNotPayload();
    void truncatedAnywhereIsNotParsed();
    void malformedHeaders_data();
    void malformedHeaders();
    void arp();
    void icmpUnreachableEmbedsTheOriginal();
    void icmpErrorWithShortQuote();
    void icmpEcho();
    void otherProtocols();
    void fragments();
    void formatting();
};

void TestFrameView::tcpFields()
{
    Segment s;
    s.sourcePort = 40001;
    s.destinationPort = 5000;
    s.seq = 0xfffffff0;
    s.ack = 42;
    s.flags = kPshAck;
    s.window = 1234;
    s.ipId = 0x1a2b;
    s.payload = "0123456789";
    const QByteArray bytes = tcpFrame(s);
    const FrameView frame(bytes);

    QCOMPARE(frame.kind(), FrameView::Kind::Tcp);
    QVERIFY(frame.isIpv4());
    QVERIFY(frame.ethernet().source == kClientMac);
    QVERIFY(frame.ethernet().destination == kServerMac);
    QCOMPARE(frame.ethernet().etherType, FrameView::kEtherTypeIpv4);
    QCOMPARE(frame.ipv4().source, kClientIp);
    QCOMPARE(frame.ipv4().destination, kServerIp);
    QCOMPARE(frame.ipv4().protocol, quint8(6));
    QCOMPARE(frame.ipv4().ttl, quint8(64));
    QCOMPARE(frame.ipv4().id, quint16(0x1a2b));
    QCOMPARE(frame.ipv4().headerLength, 20);
    QCOMPARE(frame.ipv4().totalLength, quint16(20 + 20 + 10));
    QVERIFY(!frame.ipv4().isFragment());
    QCOMPARE(frame.tcp().sourcePort, quint16(40001));
    QCOMPARE(frame.tcp().destinationPort, quint16(5000));
    QCOMPARE(frame.tcp().seq, quint32(0xfffffff0));
    QCOMPARE(frame.tcp().ack, quint32(42));
    QCOMPARE(frame.tcp().flags, kPshAck);
    QVERIFY(frame.tcp().has(FrameView::kPsh));
    QVERIFY(!frame.tcp().has(FrameView::kSyn));
    QCOMPARE(frame.tcp().window, quint16(1234));
    QCOMPARE(frame.tcp().dataOffset, 20);
    QVERIFY(!frame.tcp().hasOptions);
    QCOMPARE(frame.tcp().payloadLength, 10);
    QCOMPARE(frame.tcpPayload().toByteArray(), QByteArray("0123456789"));
    QCOMPARE(frame.tcp().sequenceSpace(), quint32(10));
    QCOMPARE(frame.ipv4Datagram().size(), qsizetype(50));
}

void TestFrameView::tcpOptions()
{
    Segment s;
    s.flags = FrameView::kSyn;
    s.options = QByteArray::fromHex("020405b40402080a0000000100000000"); // MSS, SACK ok, TS
    s.options += QByteArray::fromHex("01030307");                        // NOP, wscale 7
    const QByteArray bytes = tcpFrame(s);
    const FrameView frame(bytes);
    QCOMPARE(frame.kind(), FrameView::Kind::Tcp);
    QVERIFY(frame.tcp().hasOptions);
    QCOMPARE(frame.tcp().dataOffset, 40);
    QCOMPARE(frame.tcp().payloadLength, 0);
    QCOMPARE(frame.tcp().sequenceSpace(), quint32(1)); // the SYN
}

void TestFrameView::ethernetPaddingIsNotPayload()
{
    Segment s; // a pure ACK: 54 bytes, padded to the 60-byte minimum on a real wire
    const QByteArray padded = tcpFrame(s) + QByteArray(6, '\0');
    const FrameView frame(padded);
    QCOMPARE(frame.kind(), FrameView::Kind::Tcp);
    QCOMPARE(frame.tcp().payloadLength, 0);
    QCOMPARE(frame.ipv4Datagram().size(), qsizetype(40));
}

void TestFrameView::truncatedAnywhereIsNotParsed()
{
    Segment s;
    s.flags = kPshAck;
    s.payload = "payload";
    const QByteArray whole = tcpFrame(s);
    for (qsizetype length = 0; length < whole.size(); ++length) {
        // A copy of exactly `length` bytes, so reading past it would be a real overrun.
        const QByteArray cut = whole.first(length);
        const FrameView frame(cut);
        QVERIFY2(frame.kind() == FrameView::Kind::NotParsed, qPrintable(QString::number(length)));
        QVERIFY(!frame.isParsed());
        QVERIFY(frame.ipv4Datagram().isEmpty());
    }
    QCOMPARE(FrameView(whole).kind(), FrameView::Kind::Tcp);

    const QByteArray arp = arpRequest();
    for (qsizetype length = 0; length < arp.size(); ++length)
        QCOMPARE(FrameView(arp.first(length)).kind(), FrameView::Kind::NotParsed);
}

void TestFrameView::malformedHeaders_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("value");
    QTest::newRow("ip version 6 in an IPv4 ethertype") << 14 << 0x65;
    QTest::newRow("ip header length 16") << 14 << 0x44;
    QTest::newRow("ip header length beyond the datagram") << 14 << 0x4f;
    QTest::newRow("total length below header length") << 17 << 10;
    QTest::newRow("tcp data offset 16") << 14 + 20 + 12 << 0x40;
    QTest::newRow("tcp data offset beyond the segment") << 14 + 20 + 12 << 0xf0;
}

void TestFrameView::malformedHeaders()
{
    QFETCH(int, offset);
    QFETCH(int, value);
    QByteArray bytes = tcpFrame(Segment{});
    bytes[offset] = char(value);
    QCOMPARE(FrameView(bytes).kind(), FrameView::Kind::NotParsed);
}

void TestFrameView::arp()
{
    const QByteArray bytes = arpRequest();
    const FrameView frame(bytes);
    QCOMPARE(frame.kind(), FrameView::Kind::Arp);
    QVERIFY(!frame.isIpv4());
    QCOMPARE(frame.arp().operation, quint16(1));
    QVERIFY(frame.arp().senderMac == kClientMac);
    QCOMPARE(frame.arp().senderIp, kClientIp);
    QVERIFY(frame.arp().targetMac == MacAddress{});
    QCOMPARE(frame.arp().targetIp, kServerIp);
}

void TestFrameView::icmpUnreachableEmbedsTheOriginal()
{
    Segment original;
    original.seq = 777;
    original.flags = FrameView::kSyn;
    const QByteArray quoted = tcpFrame(original).sliced(14, 20 + 8);
    QByteArray icmp = QByteArray::fromHex("03010000"
                                          "00000000")
        + quoted;
    put16(icmp, 2, referenceChecksum(icmp));
    const QByteArray bytes = ethernetHeader(kClientMac, kServerMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(0xc61200fe, kClientIp, 1, int(icmp.size())) + icmp;
    const FrameView frame(bytes);
    QCOMPARE(frame.kind(), FrameView::Kind::Icmp);
    QCOMPARE(frame.icmp().type, quint8(3));
    QCOMPARE(frame.icmp().code, quint8(1));
    QVERIFY(frame.icmp().isDestinationUnreachable());
    QVERIFY(frame.icmp().isError());
    QVERIFY(frame.icmp().hasOriginal);
    QCOMPARE(frame.icmp().original.source, kClientIp);
    QCOMPARE(frame.icmp().original.destination, kServerIp);
    QCOMPARE(frame.icmp().original.protocol, quint8(6));
    QVERIFY(frame.icmp().hasOriginalTcp);
    QCOMPARE(frame.icmp().originalSourcePort, quint16(40000));
    QCOMPARE(frame.icmp().originalDestinationPort, quint16(5000));
    QCOMPARE(frame.icmp().originalSeq, quint32(777));
}

void TestFrameView::icmpErrorWithShortQuote()
{
    // Only the IPv4 header and 4 bytes of TCP: the ICMP message is fine, the ports are known to
    // be missing rather than read from beyond the quote.
    const QByteArray quoted = tcpFrame(Segment{}).sliced(14, 20 + 4);
    const QByteArray icmp = QByteArray::fromHex("0b000000"
                                                "00000000")
        + quoted; // time exceeded
    const FrameView frame(ipv4Frame(1, icmp));
    QCOMPARE(frame.kind(), FrameView::Kind::Icmp);
    QVERIFY(frame.icmp().isError());
    QVERIFY(!frame.icmp().isDestinationUnreachable());
    QVERIFY(frame.icmp().hasOriginal);
    QVERIFY(!frame.icmp().hasOriginalTcp);

    const QByteArray headerCut = QByteArray::fromHex("03030000"
                                                     "00000000")
        + quoted.first(12);
    const FrameView cut(ipv4Frame(1, headerCut));
    QCOMPARE(cut.kind(), FrameView::Kind::Icmp);
    QVERIFY(!cut.icmp().hasOriginal);

    QCOMPARE(FrameView(ipv4Frame(1, QByteArray::fromHex("030100"))).kind(), FrameView::Kind::NotParsed);
}

void TestFrameView::icmpEcho()
{
    const FrameView frame(ipv4Frame(1, QByteArray::fromHex("0800f7fe00010000")));
    QCOMPARE(frame.kind(), FrameView::Kind::Icmp);
    QCOMPARE(frame.icmp().type, quint8(8));
    QVERIFY(!frame.icmp().isError());
    QVERIFY(!frame.icmp().hasOriginal);
}

void TestFrameView::otherProtocols()
{
    const FrameView udp(ipv4Frame(17, QByteArray::fromHex("9c4013880008ffff")));
    QCOMPARE(udp.kind(), FrameView::Kind::OtherIpv4);
    QVERIFY(udp.isIpv4());
    QCOMPARE(udp.ipv4().protocol, quint8(17));

    // An IPv6 frame (a router solicitation's start) is passed through as "other", unparsed.
    const QByteArray ipv6
        = ethernetHeader(kServerMac, kClientMac, 0x86dd) + QByteArray::fromHex("6000000000103afffe80000000000000");
    const FrameView six(ipv6);
    QCOMPARE(six.kind(), FrameView::Kind::Other);
    QVERIFY(six.isParsed());
    QVERIFY(!six.isIpv4());
    QCOMPARE(six.ethernet().etherType, quint16(0x86dd));
}

void TestFrameView::fragments()
{
    QByteArray bytes = tcpFrame(Segment{});
    put16(bytes, 14 + 6, 0x2000); // MF: a first fragment
    QCOMPARE(FrameView(bytes).kind(), FrameView::Kind::OtherIpv4);
    QVERIFY(FrameView(bytes).ipv4().moreFragments);
    put16(bytes, 14 + 6, 0x0003); // a last fragment at offset 24 bytes
    QCOMPARE(FrameView(bytes).kind(), FrameView::Kind::OtherIpv4);
    QCOMPARE(FrameView(bytes).ipv4().fragmentOffset, quint16(3));
}

void TestFrameView::formatting()
{
    QCOMPARE(FrameView::formatIpv4(kServerIp), QStringLiteral("198.18.0.2"));
    QCOMPARE(FrameView::formatIpv4(0xffffffff), QStringLiteral("255.255.255.255"));
    QCOMPARE(FrameView::formatMac(kClientMac), QStringLiteral("02:00:c6:12:00:01"));
    QCOMPARE(FrameView::formatTcpFlags(FrameView::kSyn), QStringLiteral("S"));
    QCOMPARE(FrameView::formatTcpFlags(kSynAck), QStringLiteral("S."));
    QCOMPARE(FrameView::formatTcpFlags(FrameView::kAck), QStringLiteral("."));
    QCOMPARE(FrameView::formatTcpFlags(kPshAck), QStringLiteral("P."));
    QCOMPARE(FrameView::formatTcpFlags(kFinAck), QStringLiteral("F."));
    QCOMPARE(FrameView::formatTcpFlags(kFinAck | FrameView::kPsh), QStringLiteral("FP."));
    QCOMPARE(FrameView::formatTcpFlags(FrameView::kRst), QStringLiteral("R"));
    QCOMPARE(FrameView::formatTcpFlags(FrameView::kRst | FrameView::kAck), QStringLiteral("R."));
    QCOMPARE(FrameView::formatTcpFlags(FrameView::kSyn | FrameView::kEce | FrameView::kCwr), QStringLiteral("SEW"));
    QCOMPARE(FrameView::formatTcpFlags(0), QStringLiteral("none"));
}

QTEST_GUILESS_MAIN(TestFrameView)
#include "tst_FrameView.moc"
