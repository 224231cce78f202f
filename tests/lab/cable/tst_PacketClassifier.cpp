// SPDX-License-Identifier: GPL-3.0-or-later
// Classification of a whole synthesized conversation, frame by frame, and the packet events'
// fields: handshake, data, a lost and retransmitted segment, heartbeats, Linux and Windows
// keepalive probes with their answers, FIN, RST, and the non-TCP classes.

#include "TestFrames.h"
#include "lab/cable/IcmpUnreachable.h"
#include "lab/cable/PacketClassifier.h"

#include "core/endpoint/FrameCodec.h"

#include <QTest>

using namespace halfopen;
using namespace halfopen::lab;
using namespace halfopen::lab::test;
using namespace Qt::StringLiterals;

namespace {

struct Step
{
    QByteArray frame;
    bool fromClient = true;
    QString expected;
};

} // namespace

class TestPacketClassifier : public QObject
{
    Q_OBJECT
private slots:
    void classNamesRoundTrip();
    void wholeConversation();
    void eventFields();
    void keepaliveAckNeedsAProbe();
    void retransmittedSynAndFin();
    void retransmissionWinsOverHeartbeat();
    void newConnectionOnTheSameTuple();
    void pickedUpMidStream();
    void sequenceWrapIsNotARetransmission();
    void tailLossProbeThenTimeoutRetransmissions();
    void tailLossProbeOfAFlight();
    void tailLossProbeNeedsSack();
    void tailLossProbeOfNewDataStaysData();
    void sackPermittedOption();
    void nonTcpFrames();
    void ipv6Keepalive();
};

void TestPacketClassifier::classNamesRoundTrip()
{
    QSet<QString> names;
    for (int i = 0; i <= int(PacketClass::Other); ++i) {
        const QString name = packetClassName(PacketClass(i));
        QCOMPARE(packetClassFromName(name), PacketClass(i));
        names.insert(name);
    }
    QCOMPARE(names.size(), int(PacketClass::Other) + 1);
    QCOMPARE(packetClassName(PacketClass::KeepaliveProbe), QStringLiteral("keepalive-probe"));
    QCOMPARE(packetClassName(PacketClass::IcmpUnreachable), QStringLiteral("icmp-unreachable"));
    QVERIFY(!packetClassFromName(u"keepalive"));
}

void TestPacketClassifier::wholeConversation()
{
    Conversation c;
    TcpEnd &cl = c.client;
    TcpEnd &sv = c.server;
    QList<Step> steps;
    auto fromClient = [&](const QByteArray &frame, const char *expected) {
        steps.append({frame, true, QLatin1String(expected)});
    };
    auto fromServer = [&](const QByteArray &frame, const char *expected) {
        steps.append({frame, false, QLatin1String(expected)});
    };

    fromClient(c.send(cl, sv, FrameView::kSyn), "syn");
    fromServer(c.send(sv, cl, kSynAck), "syn-ack");
    fromClient(c.send(cl, sv, FrameView::kAck), "ack");
    fromClient(c.send(cl, sv, kPshAck, core::FrameCodec::encodeData(100)), "data");
    fromServer(c.send(sv, cl, FrameView::kAck), "ack");
    // A segment lost on the way (still seen by the cable), then sent again.
    const quint32 lostSeq = cl.nextSeq;
    const QByteArray lostPayload = core::FrameCodec::encodeData(50);
    fromClient(Conversation::sendAt(cl, sv, lostSeq, kPshAck, lostPayload), "data");
    cl.nextSeq += quint32(lostPayload.size());
    fromClient(Conversation::sendAt(cl, sv, lostSeq, kPshAck, lostPayload), "retransmission");
    fromServer(c.send(sv, cl, FrameView::kAck), "ack");
    // Heartbeat: the server's answer carries the ack for the ping.
    fromClient(c.send(cl, sv, kPshAck, core::FrameCodec::encodePing(1)), "heartbeat-ping");
    fromServer(c.send(sv, cl, kPshAck, core::FrameCodec::encodeAnswer(1)), "heartbeat-pong");
    fromClient(c.send(cl, sv, FrameView::kAck), "ack");
    // Linux keepalive: no byte, at snd_una - 1; the answer acknowledges snd_una.
    fromClient(Conversation::sendAt(cl, sv, cl.nextSeq - 1, FrameView::kAck), "keepalive-probe");
    fromServer(c.send(sv, cl, FrameView::kAck), "keepalive-ack");
    fromClient(Conversation::sendAt(cl, sv, cl.nextSeq - 1, FrameView::kAck), "keepalive-probe");
    fromServer(c.send(sv, cl, FrameView::kAck), "keepalive-ack");
    // Windows keepalive from the server: one byte (the last one already sent), same position.
    fromServer(Conversation::sendAt(sv, cl, sv.nextSeq - 1, FrameView::kAck, "\x04"), "keepalive-probe");
    fromClient(c.send(cl, sv, FrameView::kAck), "keepalive-ack");
    // An ordinary ACK after that is just an ACK again.
    fromClient(c.send(cl, sv, FrameView::kAck), "ack");
    fromServer(c.send(sv, cl, kPshAck, core::FrameCodec::encodeData(20)), "data");
    fromClient(c.send(cl, sv, kFinAck), "fin");
    fromServer(c.send(sv, cl, kFinAck), "fin");
    fromClient(c.send(cl, sv, FrameView::kAck), "ack");

    // A second connection from another port is refused: SYN, then the server's RST.
    Conversation refused;
    refused.client.port = 40001;
    fromClient(refused.send(refused.client, refused.server, FrameView::kSyn), "syn");
    refused.server.nextSeq = 0;
    fromServer(refused.send(refused.server, refused.client, FrameView::kRst | FrameView::kAck), "rst");

    PacketClassifier classifier;
    qint64 t = 1'000'000;
    for (int i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        const FrameView frame(step.frame);
        const core::Event event = classifier.classify(
            frame, t += 1000, step.fromClient ? halfopen::core::Host::Client : halfopen::core::Host::Server,
            step.fromClient ? halfopen::core::Host::Server : halfopen::core::Host::Client);
        QVERIFY2(event.what == step.expected,
                 qPrintable(QStringLiteral("frame %1: %2, expected %3").arg(i).arg(event.what, step.expected)));
        QCOMPARE(event.detail.value(u"class").toString(), step.expected);
    }
}

void TestPacketClassifier::eventFields()
{
    Conversation c;
    PacketClassifier classifier;
    auto classify = [&](const QByteArray &bytes, bool fromClient, qint64 t) {
        return classifier.classify(FrameView(bytes), t,
                                   fromClient ? halfopen::core::Host::Client : halfopen::core::Host::Server,
                                   fromClient ? halfopen::core::Host::Server : halfopen::core::Host::Client);
    };
    const core::Event syn = classify(c.send(c.client, c.server, FrameView::kSyn), true, 10);
    QCOMPARE(syn.kind, core::EventKind::Packet);
    QCOMPARE(syn.tUs, 10);
    QCOMPARE(syn.host, halfopen::core::Host::Client);
    QCOMPARE(syn.local, u"198.18.0.1:40000"_s);
    QCOMPARE(syn.remote, u"198.18.0.2:5000"_s);
    QCOMPARE(syn.detail.value(u"direction").toString(), u"client->server"_s);
    QCOMPARE(syn.detail.value(u"flags").toString(), u"S"_s);
    QCOMPARE(syn.detail.value(u"seq").toInteger(), 1000);
    QCOMPARE(syn.detail.value(u"rel_seq").toInteger(), 0);
    QCOMPARE(syn.detail.value(u"rel_ack").toInteger(), 0);
    QCOMPARE(syn.detail.value(u"len").toInt(), 0);
    QCOMPARE(syn.detail.value(u"win").toInt(), 502);

    const core::Event synAck = classify(c.send(c.server, c.client, kSynAck), false, 20);
    QCOMPARE(synAck.host, halfopen::core::Host::Server);
    QCOMPARE(synAck.local, u"198.18.0.2:5000"_s);
    QCOMPARE(synAck.remote, u"198.18.0.1:40000"_s);
    QCOMPARE(synAck.detail.value(u"direction").toString(), u"server->client"_s);
    QCOMPARE(synAck.detail.value(u"flags").toString(), u"S."_s);
    QCOMPARE(synAck.detail.value(u"seq").toInteger(), 500000);
    QCOMPARE(synAck.detail.value(u"ack").toInteger(), 1001);
    QCOMPARE(synAck.detail.value(u"rel_seq").toInteger(), 0);
    QCOMPARE(synAck.detail.value(u"rel_ack").toInteger(), 1);

    classify(c.send(c.client, c.server, FrameView::kAck), true, 30);
    const core::Event data = classify(c.send(c.client, c.server, kPshAck, QByteArray(300, 'd')), true, 40);
    QCOMPARE(data.what, u"data"_s);
    QCOMPARE(data.count, 300);
    QCOMPARE(data.detail.value(u"flags").toString(), u"P."_s);
    QCOMPARE(data.detail.value(u"len").toInt(), 300);
    QCOMPARE(data.detail.value(u"rel_seq").toInteger(), 1);
    QCOMPARE(data.detail.value(u"rel_ack").toInteger(), 1);
    QCOMPARE(data.detail.value(u"seq").toInteger(), 1001);
    QCOMPARE(data.detail.value(u"ack").toInteger(), 500001);

    const core::Event ack = classify(c.send(c.server, c.client, FrameView::kAck), false, 50);
    QCOMPARE(ack.what, u"ack"_s);
    QCOMPARE(ack.count, 0);
    QCOMPARE(ack.detail.value(u"flags").toString(), u"."_s);
    QCOMPARE(ack.detail.value(u"rel_seq").toInteger(), 1);
    QCOMPARE(ack.detail.value(u"rel_ack").toInteger(), 301);

    // The event survives the session's JSON round trip (what the recorder writes).
    const auto back = core::Event::fromJson(data.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(back->what, data.what);
    QCOMPARE(back->detail, data.detail);
}

void TestPacketClassifier::keepaliveAckNeedsAProbe()
{
    Conversation c;
    PacketClassifier classifier;
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    classOf(c.send(c.client, c.server, FrameView::kSyn));
    classOf(c.send(c.server, c.client, kSynAck));
    classOf(c.send(c.client, c.server, FrameView::kAck));
    // Duplicate ACKs without a probe before them are plain ACKs.
    QCOMPARE(classOf(c.send(c.server, c.client, FrameView::kAck)), PacketClass::Ack);
    QCOMPARE(classOf(c.send(c.server, c.client, FrameView::kAck)), PacketClass::Ack);
    // A probe answered once: the next identical ACK is an ordinary one.
    QCOMPARE(classOf(Conversation::sendAt(c.server, c.client, c.server.nextSeq - 1, FrameView::kAck)),
             PacketClass::KeepaliveProbe);
    QCOMPARE(classOf(c.send(c.client, c.server, FrameView::kAck)), PacketClass::KeepaliveAck);
    QCOMPARE(classOf(c.send(c.client, c.server, FrameView::kAck)), PacketClass::Ack);
    // A probe from one side is not answered by that side's own ACK.
    QCOMPARE(classOf(Conversation::sendAt(c.server, c.client, c.server.nextSeq - 1, FrameView::kAck)),
             PacketClass::KeepaliveProbe);
    QCOMPARE(classOf(c.send(c.server, c.client, FrameView::kAck)), PacketClass::Ack);
    QCOMPARE(classOf(c.send(c.client, c.server, FrameView::kAck)), PacketClass::Ack);
    // Two bytes at snd_una - 1 are not a probe but data sent again.
    QCOMPARE(classOf(Conversation::sendAt(c.server, c.client, c.server.nextSeq - 1, kPshAck, "ab")),
             PacketClass::Retransmission);
}

void TestPacketClassifier::retransmittedSynAndFin()
{
    Conversation c;
    PacketClassifier classifier;
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    const QByteArray syn = c.send(c.client, c.server, FrameView::kSyn);
    QCOMPARE(classOf(syn), PacketClass::Syn);
    QCOMPARE(classOf(syn), PacketClass::Retransmission);
    QCOMPARE(classOf(syn), PacketClass::Retransmission);
    const QByteArray synAck = c.send(c.server, c.client, kSynAck);
    QCOMPARE(classOf(synAck), PacketClass::SynAck);
    QCOMPARE(classOf(synAck), PacketClass::Retransmission);
    QCOMPARE(classOf(c.send(c.client, c.server, FrameView::kAck)), PacketClass::Ack);
    // FIN carrying data: the flag wins over the data; sent again it is a retransmission.
    const QByteArray fin = c.send(c.client, c.server, kFinAck | FrameView::kPsh, "last words");
    QCOMPARE(classOf(fin), PacketClass::Fin);
    QCOMPARE(classOf(fin), PacketClass::Retransmission);
    // An RST is an RST whatever its sequence number.
    QCOMPARE(classOf(Conversation::sendAt(c.server, c.client, c.server.nextSeq, FrameView::kRst)), PacketClass::Rst);
    QCOMPARE(classOf(Conversation::sendAt(c.server, c.client, c.server.nextSeq, FrameView::kRst)), PacketClass::Rst);
}

void TestPacketClassifier::retransmissionWinsOverHeartbeat()
{
    Conversation c;
    PacketClassifier classifier;
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    classOf(c.send(c.client, c.server, FrameView::kSyn));
    classOf(c.send(c.server, c.client, kSynAck));
    classOf(c.send(c.client, c.server, FrameView::kAck));
    const QByteArray ping = c.send(c.client, c.server, kPshAck, core::FrameCodec::encodePing(7));
    QCOMPARE(classOf(ping), PacketClass::HeartbeatPing);
    QCOMPARE(classOf(ping), PacketClass::Retransmission);
    const QByteArray pong = c.send(c.server, c.client, kPshAck, core::FrameCodec::encodeAnswer(7));
    QCOMPARE(classOf(pong), PacketClass::HeartbeatPong);
    QCOMPARE(classOf(pong), PacketClass::Retransmission);
    // A data frame of exactly 4 bytes has the same length field but another type.
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, core::FrameCodec::encodeData(4))), PacketClass::Data);
}

void TestPacketClassifier::newConnectionOnTheSameTuple()
{
    // A rebooted client that picks the same port: a SYN with another ISN is a new connection,
    // not a retransmission of the old one, and its relative numbers start again at 0.
    Conversation c;
    PacketClassifier classifier;
    classifier.classOf(FrameView(c.send(c.client, c.server, FrameView::kSyn)));
    classifier.classOf(FrameView(c.send(c.server, c.client, kSynAck)));
    classifier.classOf(FrameView(c.send(c.client, c.server, FrameView::kAck)));
    classifier.classOf(FrameView(c.send(c.client, c.server, kPshAck, "old")));

    Conversation again;
    again.client.nextSeq = 77777;
    again.server.nextSeq = 88888;
    const core::Event syn = classifier.classify(FrameView(again.send(again.client, again.server, FrameView::kSyn)), 1,
                                                halfopen::core::Host::Client, halfopen::core::Host::Server);
    QCOMPARE(syn.what, u"syn"_s);
    QCOMPARE(syn.detail.value(u"rel_seq").toInteger(), 0);
    const core::Event synAck = classifier.classify(FrameView(again.send(again.server, again.client, kSynAck)), 2,
                                                   halfopen::core::Host::Server, halfopen::core::Host::Client);
    QCOMPARE(synAck.what, u"syn-ack"_s);
    QCOMPARE(synAck.detail.value(u"rel_seq").toInteger(), 0);
    QCOMPARE(synAck.detail.value(u"rel_ack").toInteger(), 1);
    QCOMPARE(classifier.classOf(FrameView(again.send(again.client, again.server, kPshAck, "new"))), PacketClass::Data);
}

void TestPacketClassifier::pickedUpMidStream()
{
    // The classifier started after the handshake: the first segments are taken as they come
    // and numbered from 1, as Wireshark does.
    Conversation c;
    c.client.nextSeq = 5000;
    c.server.nextSeq = 9000;
    PacketClassifier classifier;
    const core::Event data = classifier.classify(FrameView(c.send(c.client, c.server, kPshAck, "abc")), 1,
                                                 halfopen::core::Host::Client, halfopen::core::Host::Server);
    QCOMPARE(data.what, u"data"_s);
    QCOMPARE(data.detail.value(u"rel_seq").toInteger(), 1);
    QCOMPARE(data.detail.value(u"rel_ack").toInteger(), 1);
    const core::Event ack = classifier.classify(FrameView(c.send(c.server, c.client, FrameView::kAck)), 2,
                                                halfopen::core::Host::Server, halfopen::core::Host::Client);
    QCOMPARE(ack.what, u"ack"_s);
    QCOMPARE(ack.detail.value(u"rel_seq").toInteger(), 1);
    QCOMPARE(ack.detail.value(u"rel_ack").toInteger(), 4);
}

void TestPacketClassifier::sequenceWrapIsNotARetransmission()
{
    Conversation c;
    c.client.nextSeq = 0xffffff00;
    PacketClassifier classifier;
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    classOf(c.send(c.client, c.server, FrameView::kSyn));
    classOf(c.send(c.server, c.client, kSynAck));
    classOf(c.send(c.client, c.server, FrameView::kAck));
    for (int i = 0; i < 4; ++i) // 4 x 100 bytes cross 2^32
        QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, QByteArray(100, 'w'))), PacketClass::Data);
    QVERIFY(c.client.nextSeq < 0x1000);
    QCOMPARE(classOf(c.send(c.server, c.client, FrameView::kAck)), PacketClass::Ack);
    // ... and a probe just after the wrap is still found at snd_una - 1.
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, c.client.nextSeq - 1, FrameView::kAck)),
             PacketClass::KeepaliveProbe);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, c.client.nextSeq - 300, kPshAck, "x")),
             PacketClass::Retransmission);
}

namespace {

// A SYN (or SYN-ACK) offering SACK as Linux does: MSS 1460, SACK-permitted, NOP, NOP.
QByteArray synWithSack(TcpEnd &from, const TcpEnd &to, quint8 flags)
{
    Segment s = Conversation::segment(from, to, from.nextSeq, flags, {});
    s.options = QByteArray("\x02\x04\x05\xb4\x04\x02\x01\x01", 8);
    from.nextSeq += 1;
    return tcpFrame(s);
}

// A connection established with SACK on both sides, as between two Linux hosts.
PacketClassifier sackConnection(Conversation &c)
{
    PacketClassifier classifier;
    classifier.classOf(FrameView(synWithSack(c.client, c.server, FrameView::kSyn)));
    classifier.classOf(FrameView(synWithSack(c.server, c.client, kSynAck)));
    classifier.classOf(FrameView(c.send(c.client, c.server, FrameView::kAck)));
    return classifier;
}

} // namespace

void TestPacketClassifier::tailLossProbeThenTimeoutRetransmissions()
{
    // The cut-cable run: one segment out, never acknowledged. Linux sends it once more as the
    // tail-loss probe, then the retransmission timer sends it again and again.
    Conversation c;
    PacketClassifier classifier = sackConnection(c);
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    const quint32 seq = c.client.nextSeq;
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, "hello")), PacketClass::Data);
    const QByteArray again = Conversation::sendAt(c.client, c.server, seq, kPshAck, "hello");
    QCOMPARE(classOf(again), PacketClass::TailLossProbe);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(classOf(again), PacketClass::Retransmission);
    // The peer acknowledges part of it only: the episode goes on.
    Segment partial = Conversation::segment(c.server, c.client, c.server.nextSeq, FrameView::kAck, {});
    partial.ack = seq + 2;
    QCOMPARE(classOf(tcpFrame(partial)), PacketClass::Ack);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, seq + 2, kPshAck, "llo")), PacketClass::Retransmission);
    // All of it acknowledged: the next loss has a probe of its own again.
    QCOMPARE(classOf(c.send(c.server, c.client, FrameView::kAck)), PacketClass::Ack);
    const quint32 next = c.client.nextSeq;
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, "world")), PacketClass::Data);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, next, kPshAck, "world")), PacketClass::TailLossProbe);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, next, kPshAck, "world")), PacketClass::Retransmission);
    // A FIN is a segment like another: the probe may carry it.
    classOf(c.send(c.server, c.client, FrameView::kAck));
    const QByteArray fin = c.send(c.client, c.server, kFinAck);
    QCOMPARE(classOf(fin), PacketClass::Fin);
    QCOMPARE(classOf(fin), PacketClass::TailLossProbe);
    QCOMPARE(classOf(fin), PacketClass::Retransmission);
    // A SYN sent again is never a probe (Linux probes established connections only).
    Conversation other;
    other.client.port = 40002;
    const QByteArray syn = synWithSack(other.client, other.server, FrameView::kSyn);
    QCOMPARE(classOf(syn), PacketClass::Syn);
    QCOMPARE(classOf(syn), PacketClass::Retransmission);
}

void TestPacketClassifier::tailLossProbeOfAFlight()
{
    // Three segments out: the probe sends the last one again; the retransmission timer sends
    // the first (snd_una), alone or collapsed with the ones after it.
    Conversation c;
    PacketClassifier classifier = sackConnection(c);
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    const quint32 first = c.client.nextSeq;
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, QByteArray(100, 'a'))), PacketClass::Data);
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, QByteArray(100, 'b'))), PacketClass::Data);
    const quint32 last = c.client.nextSeq;
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, QByteArray(100, 'c'))), PacketClass::Data);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, last, kPshAck, QByteArray(100, 'c'))),
             PacketClass::TailLossProbe);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, first, kPshAck, QByteArray(100, 'a'))),
             PacketClass::Retransmission);

    // Not a probe: the head sent again first (an RTO without a probe before it), nor the
    // whole flight collapsed into one segment that ends at the tail.
    Conversation d;
    d.client.port = 40003;
    PacketClassifier other = sackConnection(d);
    auto otherOf = [&](const QByteArray &bytes) { return other.classOf(FrameView(bytes)); };
    const quint32 head = d.client.nextSeq;
    otherOf(d.send(d.client, d.server, kPshAck, QByteArray(100, 'a')));
    otherOf(d.send(d.client, d.server, kPshAck, QByteArray(100, 'b')));
    QCOMPARE(otherOf(Conversation::sendAt(d.client, d.server, head, kPshAck, QByteArray(200, 'x'))),
             PacketClass::Retransmission);
    otherOf(d.send(d.server, d.client, FrameView::kAck)); // all acknowledged
    const quint32 head2 = d.client.nextSeq;
    otherOf(d.send(d.client, d.server, kPshAck, QByteArray(100, 'a')));
    otherOf(d.send(d.client, d.server, kPshAck, QByteArray(100, 'b')));
    QCOMPARE(otherOf(Conversation::sendAt(d.client, d.server, head2, kPshAck, QByteArray(100, 'a'))),
             PacketClass::Retransmission);
    // ... and once the retransmission timer has run, no probe until all is acknowledged.
    QCOMPARE(otherOf(Conversation::sendAt(d.client, d.server, head2 + 100, kPshAck, QByteArray(100, 'b'))),
             PacketClass::Retransmission);
}

void TestPacketClassifier::tailLossProbeNeedsSack()
{
    // Linux probes only SACK connections: without SACK in a SYN the first re-send is the
    // retransmission timer's (the synthesized frames of the other tests carry no options).
    Conversation c;
    PacketClassifier classifier;
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    classOf(synWithSack(c.client, c.server, FrameView::kSyn));
    classOf(c.send(c.server, c.client, kSynAck)); // the server refuses SACK
    classOf(c.send(c.client, c.server, FrameView::kAck));
    const quint32 seq = c.client.nextSeq;
    classOf(c.send(c.client, c.server, kPshAck, "hello"));
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, seq, kPshAck, "hello")), PacketClass::Retransmission);
    // Picked up mid-stream (no SYN seen): Linux's default, SACK, is assumed.
    Conversation m;
    m.client.nextSeq = 7000;
    m.server.nextSeq = 9000;
    PacketClassifier midStream;
    const quint32 at = m.client.nextSeq;
    QCOMPARE(midStream.classOf(FrameView(m.send(m.client, m.server, kPshAck, "abc"))), PacketClass::Data);
    QCOMPARE(midStream.classOf(FrameView(Conversation::sendAt(m.client, m.server, at, kPshAck, "abc"))),
             PacketClass::TailLossProbe);
}

void TestPacketClassifier::tailLossProbeOfNewDataStaysData()
{
    // With data waiting to be sent, the probe sends new data: data, not a re-send; the
    // retransmission timer then sends the head again, a retransmission.
    Conversation c;
    PacketClassifier classifier = sackConnection(c);
    auto classOf = [&](const QByteArray &bytes) { return classifier.classOf(FrameView(bytes)); };
    const quint32 head = c.client.nextSeq;
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, "first")), PacketClass::Data);
    QCOMPARE(classOf(c.send(c.client, c.server, kPshAck, "probe")), PacketClass::Data);
    QCOMPARE(classOf(Conversation::sendAt(c.client, c.server, head, kPshAck, "first")), PacketClass::Retransmission);
    // All acknowledged, one byte lost: the probe, in the event's words too.
    classOf(c.send(c.server, c.client, FrameView::kAck));
    const quint32 seq = c.client.nextSeq;
    classOf(c.send(c.client, c.server, kPshAck, "x"));
    const core::Event probe
        = classifier.classify(FrameView(Conversation::sendAt(c.client, c.server, seq, kPshAck, "x")), 5,
                              halfopen::core::Host::Client, halfopen::core::Host::Server);
    QCOMPARE(probe.what, u"tail-loss-probe"_s);
    QCOMPARE(probe.detail.value(u"class").toString(), u"tail-loss-probe"_s);
    QCOMPARE(packetClassFromName(u"tail-loss-probe"), PacketClass::TailLossProbe);
    QCOMPARE(packetClassFromName(u"retransmission"), PacketClass::Retransmission);
}

void TestPacketClassifier::sackPermittedOption()
{
    Conversation c;
    const FrameView withSack(synWithSack(c.client, c.server, FrameView::kSyn));
    QVERIFY(withSack.tcp().sackPermitted);
    const FrameView without(c.send(c.server, c.client, kSynAck));
    QVERIFY(!without.tcp().sackPermitted);
    // Only a SYN carries it; a malformed length ends the walk without reading past the header.
    Segment s = Conversation::segment(c.client, c.server, c.client.nextSeq, FrameView::kSyn, {});
    s.options = QByteArray("\x01\x08\x00\x04", 4);
    QVERIFY(!FrameView(tcpFrame(s)).tcp().sackPermitted);
    s.options = QByteArray("\x03\x03\x07\x04\x02\x00\x00\x00", 8);
    QVERIFY(FrameView(tcpFrame(s)).tcp().sackPermitted);
    s.flags = kPshAck;
    s.options = QByteArray("\x04\x02\x01\x01", 4);
    QVERIFY(!FrameView(tcpFrame(s)).tcp().sackPermitted);
}

void TestPacketClassifier::nonTcpFrames()
{
    PacketClassifier classifier;
    const MacAddress routerMac{0x02, 0, 0, 0, 0, 0xfe};
    Segment synSegment;
    synSegment.flags = FrameView::kSyn;
    const QByteArray syn = tcpFrame(synSegment);
    const QByteArray unreachable = IcmpUnreachable::build(FrameView(syn), 0xc61200fe, routerMac);
    const core::Event icmp
        = classifier.classify(FrameView(unreachable), 5, halfopen::core::Host::Server, halfopen::core::Host::Client);
    QCOMPARE(icmp.what, u"icmp-unreachable"_s);
    QCOMPARE(icmp.local, u"198.18.0.254"_s);
    QCOMPARE(icmp.remote, u"198.18.0.1"_s);
    QCOMPARE(icmp.detail.value(u"icmp_type").toInt(), 3);
    QCOMPARE(icmp.detail.value(u"icmp_code").toInt(), 1);
    QCOMPARE(icmp.detail.value(u"original").toString(), u"198.18.0.1:40000->198.18.0.2:5000"_s);

    QByteArray echo = QByteArray::fromHex("0800f7fe00010000");
    const QByteArray echoFrame = ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv4)
        + ipv4Header(kClientIp, kServerIp, 1, int(echo.size())) + echo;
    QCOMPARE(
        classifier.classify(FrameView(echoFrame), 6, halfopen::core::Host::Client, halfopen::core::Host::Server).what,
        u"icmp"_s);

    QByteArray arp(28, '\0');
    put16(arp, 0, 1);
    put16(arp, 2, 0x0800);
    arp[4] = 6;
    arp[5] = 4;
    put16(arp, 6, 2);
    put32(arp, 14, kServerIp);
    put32(arp, 24, kClientIp);
    const core::Event arpEvent
        = classifier.classify(FrameView(ethernetHeader(kClientMac, kServerMac, FrameView::kEtherTypeArp) + arp), 7,
                              halfopen::core::Host::Server, halfopen::core::Host::Client);
    QCOMPARE(arpEvent.what, u"arp"_s);
    QCOMPARE(arpEvent.local, u"198.18.0.2"_s);
    QCOMPARE(arpEvent.remote, u"198.18.0.1"_s);
    QCOMPARE(arpEvent.detail.value(u"arp_op").toInt(), 2);

    const QByteArray ipv6 = ethernetHeader(kServerMac, kClientMac, 0x86dd) + QByteArray(40, '\0');
    const core::Event other
        = classifier.classify(FrameView(ipv6), 8, halfopen::core::Host::Client, halfopen::core::Host::Server);
    QCOMPARE(other.what, u"other"_s);
    QCOMPARE(other.detail.value(u"direction").toString(), u"client->server"_s);
    QCOMPARE(classifier.classOf(FrameView(syn.first(30))), PacketClass::Other);
}

// The same TCP segment over IPv6 (fd00::1 -> fd00::2 for the client's, the reverse for the
// server's): a watched connection of this machine may be IPv6.
static QByteArray asIpv6(const QByteArray &ipv4Frame)
{
    const QByteArray tcp = ipv4Frame.mid(14 + 20);
    const bool fromClient = FrameView(ipv4Frame).ipv4().source == kClientIp;
    QByteArray ip(40, '\0');
    ip[0] = char(0x60);
    put16(ip, 4, quint16(tcp.size()));
    ip[6] = char(6);
    ip[7] = char(64);
    ip[8] = ip[24] = char(0xfd);
    ip[23] = char(fromClient ? 1 : 2);
    ip[39] = char(fromClient ? 2 : 1);
    return ethernetHeader(kServerMac, kClientMac, FrameView::kEtherTypeIpv6) + ip + tcp;
}

void TestPacketClassifier::ipv6Keepalive()
{
    Conversation c;
    c.client.nextSeq = 5000;
    c.server.nextSeq = 9000;
    TcpEnd &cl = c.client;
    TcpEnd &sv = c.server;
    const QByteArray data = asIpv6(c.send(cl, sv, kPshAck, "abc"));
    const FrameView view(data);
    QCOMPARE(view.kind(), FrameView::Kind::Tcp6);
    QVERIFY(view.isTcp() && !view.isIpv4());
    QCOMPARE(FrameView::formatIpv6(view.ipv6().source), u"fd00::1"_s);
    QCOMPARE(view.tcpSource(), u"[fd00::1]:40000"_s);
    QCOMPARE(view.tcpDestination(), u"[fd00::2]:5000"_s);
    QCOMPARE(view.tcp().payloadLength, 3);

    PacketClassifier classifier;
    const core::Event first = classifier.classify(view, 1, halfopen::core::Host::Client, halfopen::core::Host::Server);
    QCOMPARE(first.what, u"data"_s);
    QCOMPARE(first.local, u"[fd00::1]:40000"_s);
    QCOMPARE(first.remote, u"[fd00::2]:5000"_s);
    QCOMPARE(classifier
                 .classify(FrameView(asIpv6(c.send(sv, cl, FrameView::kAck))), 2, halfopen::core::Host::Server,
                           halfopen::core::Host::Client)
                 .what,
             u"ack"_s);
    // Linux keepalive: no byte, at snd_una - 1; the answer acknowledges snd_una.
    QCOMPARE(classifier
                 .classify(FrameView(asIpv6(Conversation::sendAt(cl, sv, cl.nextSeq - 1, FrameView::kAck))), 3,
                           halfopen::core::Host::Client, halfopen::core::Host::Server)
                 .what,
             u"keepalive-probe"_s);
    QCOMPARE(classifier
                 .classify(FrameView(asIpv6(c.send(sv, cl, FrameView::kAck))), 4, halfopen::core::Host::Server,
                           halfopen::core::Host::Client)
                 .what,
             u"keepalive-ack"_s);
    // A truncated IPv6 frame, and IPv6 UDP, pass as Other (as every IPv6 frame did before).
    QCOMPARE(FrameView(data.left(14 + 30)).kind(), FrameView::Kind::Other);
    QByteArray udp = data;
    udp[14 + 6] = char(17);
    QCOMPARE(FrameView(udp).kind(), FrameView::Kind::Other);
}

QTEST_GUILESS_MAIN(TestPacketClassifier)
#include "tst_PacketClassifier.moc"
