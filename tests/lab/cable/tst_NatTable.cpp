// SPDX-License-Identifier: GPL-3.0-or-later
// The NAT that forgets idle flows: drops after the timeout, revives on a new SYN, resets in
// reset mode; and the RST it sends: addressed to the sender, numbers a TCP stack accepts,
// checksums an independent loop verifies.

#include "TestFrames.h"
#include "lab/cable/NatTable.h"
#include "lab/cable/PacketClassifier.h"

#include <QTest>

using namespace halfopen::lab;
using namespace halfopen::lab::test;

namespace {

constexpr qint64 kSecond = 1'000'000;

using Verdict = NatTable::Verdict;

} // namespace

class TestNatTable : public QObject
{
    Q_OBJECT
private slots:
    void offPassesEverything();
    void forgetsAfterIdleThenDrops();
    void idleExactlyTheTimeoutIsKept();
    void newSynRevives();
    void flowsAreIndependent();
    void resetMode();
    void otherFramesPass();
    void flowsSeenWhileOffAreKnown();
    void resetForAnAck();
    void resetForASyn();
    void resetForDataWithoutAck();
    void noResetForResetsOrNonTcp();
};

void TestNatTable::offPassesEverything()
{
    NatTable nat;
    QCOMPARE(nat.timeoutS(), 0.0);
    Conversation c;
    // Mid-stream, hours apart: nothing is forgotten while the timeout is off.
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "x")), 0), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, FrameView::kAck)), 3600 * kSecond), Verdict::Pass);
}

void TestNatTable::forgetsAfterIdleThenDrops()
{
    NatTable nat;
    nat.setTimeout(5);
    QCOMPARE(nat.timeoutS(), 5.0);
    Conversation c;
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, FrameView::kSyn)), 0), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, kSynAck)), kSecond / 1000), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, FrameView::kAck)), kSecond / 500), Verdict::Pass);
    // Activity in either direction keeps the flow: 4 s gaps, 12 s in total.
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "a")), 4 * kSecond), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, kPshAck, "b")), 8 * kSecond), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, FrameView::kAck)), 12 * kSecond), Verdict::Pass);
    // 5.1 s of silence: forgotten. Both directions are dropped from then on, and a dropped frame
    // does not bring the flow back.
    const qint64 late = 12 * kSecond + 5'100'000;
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "c")), late), Verdict::Drop);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, FrameView::kAck)), late + 1000), Verdict::Drop);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "d")), late + 2000), Verdict::Drop);
}

void TestNatTable::idleExactlyTheTimeoutIsKept()
{
    NatTable nat;
    nat.setTimeout(2.5);
    Conversation c;
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, FrameView::kSyn)), 0), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, kSynAck)), 2'500'000), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, FrameView::kAck)), 5'000'001), Verdict::Drop);
}

void TestNatTable::newSynRevives()
{
    NatTable nat;
    nat.setTimeout(1);
    Conversation c;
    nat.process(FrameView(c.send(c.client, c.server, FrameView::kSyn)), 0);
    nat.process(FrameView(c.send(c.server, c.client, kSynAck)), 100);
    nat.process(FrameView(c.send(c.client, c.server, FrameView::kAck)), 200);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "late")), 2 * kSecond), Verdict::Drop);
    // A SYN-ACK does not open a flow; only the initiator's SYN does.
    Conversation again;
    again.client.nextSeq = 31337;
    QCOMPARE(nat.process(FrameView(Conversation::sendAt(again.server, again.client, 1, kSynAck)), 2 * kSecond + 10),
             Verdict::Drop);
    QCOMPARE(nat.process(FrameView(again.send(again.client, again.server, FrameView::kSyn)), 2 * kSecond + 100),
             Verdict::Pass);
    QCOMPARE(nat.process(FrameView(again.send(again.server, again.client, kSynAck)), 2 * kSecond + 200), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(again.send(again.client, again.server, FrameView::kAck)), 2 * kSecond + 300),
             Verdict::Pass);
}

void TestNatTable::flowsAreIndependent()
{
    NatTable nat;
    nat.setTimeout(3);
    Conversation idle;
    Conversation busy;
    busy.client.port = 40001;
    nat.process(FrameView(idle.send(idle.client, idle.server, FrameView::kSyn)), 0);
    nat.process(FrameView(busy.send(busy.client, busy.server, FrameView::kSyn)), 0);
    for (qint64 t = kSecond; t <= 10 * kSecond; t += kSecond)
        QCOMPARE(nat.process(FrameView(busy.send(busy.client, busy.server, FrameView::kAck)), t), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(idle.send(idle.client, idle.server, FrameView::kAck)), 10 * kSecond), Verdict::Drop);
}

void TestNatTable::resetMode()
{
    NatTable nat;
    nat.setTimeout(1);
    nat.setResetMode(true);
    QVERIFY(nat.resetMode());
    Conversation c;
    nat.process(FrameView(c.send(c.client, c.server, FrameView::kSyn)), 0);
    nat.process(FrameView(c.send(c.server, c.client, kSynAck)), 10);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "hello?")), 5 * kSecond), Verdict::Reset);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, FrameView::kAck)), 5 * kSecond), Verdict::Reset);
    // An RST of a forgotten flow is dropped: resets are never answered with resets.
    QCOMPARE(nat.process(FrameView(Conversation::sendAt(c.client, c.server, c.client.nextSeq, FrameView::kRst)),
                         5 * kSecond),
             Verdict::Drop);
    nat.setResetMode(false);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "again")), 6 * kSecond), Verdict::Drop);
}

void TestNatTable::otherFramesPass()
{
    NatTable nat;
    nat.setTimeout(1);
    nat.setResetMode(true);
    QByteArray udp = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(kClientIp, kServerIp, 17, 8) + QByteArray::fromHex("9c40138800080000");
    QCOMPARE(nat.process(FrameView(udp), 100 * kSecond), Verdict::Pass);
    QByteArray arp = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeArp) + QByteArray(28, '\0');
    QCOMPARE(nat.process(FrameView(arp), 100 * kSecond), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(QByteArray(10, 'x')), 100 * kSecond), Verdict::Pass);
}

void TestNatTable::flowsSeenWhileOffAreKnown()
{
    // The scenario sets the timeout after the connection is up: the NAT must know it already.
    NatTable nat;
    Conversation c;
    nat.process(FrameView(c.send(c.client, c.server, FrameView::kSyn)), 0);
    nat.process(FrameView(c.send(c.server, c.client, kSynAck)), 10);
    nat.process(FrameView(c.send(c.client, c.server, FrameView::kAck)), 20);
    nat.setTimeout(2);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "x")), kSecond), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.server, c.client, FrameView::kAck)), 2 * kSecond), Verdict::Pass);
    QCOMPARE(nat.process(FrameView(c.send(c.client, c.server, kPshAck, "y")), 4 * kSecond + 1), Verdict::Drop);
    // A flow first seen mid-stream while the timeout is on is unknown: dropped.
    Conversation stranger;
    stranger.client.port = 40002;
    QCOMPARE(nat.process(FrameView(stranger.send(stranger.client, stranger.server, kPshAck, "z")), 4 * kSecond + 2),
             Verdict::Drop);
}

void TestNatTable::resetForAnAck()
{
    Segment s;
    s.seq = 111111;
    s.ack = 222222;
    s.flags = kPshAck;
    s.payload = "data into the void";
    const QByteArray original = tcpFrame(s);
    const QByteArray reset = NatTable::buildReset(FrameView(original));
    const FrameView frame(reset);
    QCOMPARE(frame.kind(), FrameView::Kind::Tcp);
    // Back to the sender, in the name of the receiver.
    QVERIFY(frame.ethernet().destination == kClientMac);
    QVERIFY(frame.ethernet().source == kServerMac);
    QCOMPARE(frame.ipv4().source, kServerIp);
    QCOMPARE(frame.ipv4().destination, kClientIp);
    QCOMPARE(frame.tcp().sourcePort, quint16(5000));
    QCOMPARE(frame.tcp().destinationPort, quint16(40000));
    // seq = the ack the sender gave: exactly its rcv_nxt, so it is accepted (RFC 5961 3.2).
    QCOMPARE(frame.tcp().seq, quint32(222222));
    QCOMPARE(frame.tcp().flags, FrameView::kRst);
    QCOMPARE(frame.tcp().payloadLength, 0);
    QCOMPARE(frame.ipv4().ttl, quint8(64));
    QCOMPARE(referenceChecksum(reset.sliced(14, 20)), quint16(0));
    QCOMPARE(referenceChecksum(reset.sliced(34), pseudoHeaderSum(kServerIp, kClientIp, 6, 20)), quint16(0));

    PacketClassifier classifier;
    classifier.classOf(FrameView(original));
    const auto event = classifier.classify(frame, 1, halfopen::core::Host::Server, halfopen::core::Host::Client);
    QCOMPARE(event.what, QStringLiteral("rst"));
    QCOMPARE(event.detail.value(u"flags").toString(), QStringLiteral("R"));
    QCOMPARE(event.local, QStringLiteral("198.18.0.2:5000"));
}

void TestNatTable::resetForASyn()
{
    Segment s;
    s.seq = 0xffffffff; // the ack wraps
    s.flags = FrameView::kSyn;
    s.options = QByteArray::fromHex("020405b4");
    const QByteArray reset = NatTable::buildReset(FrameView(tcpFrame(s))); // the view reads it: keep it alive
    const FrameView frame(reset);
    QCOMPARE(frame.kind(), FrameView::Kind::Tcp);
    QCOMPARE(frame.tcp().flags, quint8(FrameView::kRst | FrameView::kAck));
    QCOMPARE(frame.tcp().seq, quint32(0));
    QCOMPARE(frame.tcp().ack, quint32(0)); // ISN + 1 for the SYN
    QCOMPARE(frame.tcp().hasOptions, false);
    QCOMPARE(referenceChecksum(frame.bytes().toByteArray().sliced(34), pseudoHeaderSum(kServerIp, kClientIp, 6, 20)),
             quint16(0));
}

void TestNatTable::resetForDataWithoutAck()
{
    Segment s;
    s.seq = 1000;
    s.flags = FrameView::kFin | FrameView::kPsh;
    s.payload = "12345";
    const QByteArray reset = NatTable::buildReset(FrameView(tcpFrame(s))); // the view reads it: keep it alive
    const FrameView frame(reset);
    QCOMPARE(frame.tcp().flags, quint8(FrameView::kRst | FrameView::kAck));
    QCOMPARE(frame.tcp().ack, quint32(1000 + 5 + 1)); // data and FIN
}

void TestNatTable::noResetForResetsOrNonTcp()
{
    Segment rst;
    rst.flags = FrameView::kRst | FrameView::kAck;
    QVERIFY(NatTable::buildReset(FrameView(tcpFrame(rst))).isEmpty());
    const QByteArray arp = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeArp) + QByteArray(28, '\0');
    QVERIFY(NatTable::buildReset(FrameView(arp)).isEmpty());
    QVERIFY(NatTable::buildReset(FrameView(tcpFrame(Segment{}).first(50))).isEmpty());
}

QTEST_GUILESS_MAIN(TestNatTable)
#include "tst_NatTable.moc"
