// SPDX-License-Identifier: GPL-3.0-or-later
// Our classification against Wireshark's own TCP analysis: a synthesized conversation with a
// lost SYN, a lost data segment, heartbeats, Linux and Windows keepalive probes and a FIN
// exchange is classified, written with PcapWriter, and read by tshark. Frame by frame, its
// keep-alive, keep-alive-ACK and retransmission flags must match our classes, its relative
// sequence numbers our rel_seq/rel_ack, and it must find every checksum correct (including
// those of the ICMP and RST frames the cable builds). Skipped when tshark is not installed.

#include "TestFrames.h"
#include "lab/cable/IcmpUnreachable.h"
#include "lab/cable/NatTable.h"
#include "lab/cable/PacketClassifier.h"
#include "lab/cable/PcapWriter.h"

#include "core/endpoint/FrameCodec.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;
using namespace halfopen::lab;
using namespace halfopen::lab::test;

namespace {

struct Sent
{
    qint64 tUs;
    QByteArray frame;
    bool fromClient;
};

// tshark -T fields columns, in this order.
const QStringList kFields{
    QStringLiteral("frame.number"),
    QStringLiteral("tcp.analysis.keep_alive"),
    QStringLiteral("tcp.analysis.keep_alive_ack"),
    QStringLiteral("tcp.analysis.retransmission"),
    QStringLiteral("tcp.analysis.fast_retransmission"),
    QStringLiteral("tcp.analysis.spurious_retransmission"),
    QStringLiteral("tcp.analysis.out_of_order"),
    QStringLiteral("tcp.seq"),
    QStringLiteral("tcp.ack"),
    QStringLiteral("tcp.len"),
    QStringLiteral("ip.checksum.status"),
    QStringLiteral("tcp.checksum.status"),
    QStringLiteral("icmp.checksum.status"),
};

enum Column {
    Number,
    KeepAlive,
    KeepAliveAck,
    Retransmission,
    FastRetransmission,
    Spurious,
    OutOfOrder,
    RelSeq,
    RelAck,
    Len,
    IpChecksum,
    TcpChecksum,
    IcmpChecksum
};

// A conversation as the Linux stack would put it on the cable, with realistic gaps: the
// 1 s SYN timeout, a 220 ms RTO, keepalive idle 2 s and interval 1 s.
QList<Sent> conversation()
{
    Conversation c;
    TcpEnd &cl = c.client;
    TcpEnd &sv = c.server;
    QList<Sent> out;
    auto at = [&](double seconds, const QByteArray &frame, bool fromClient) {
        out.append({qint64(seconds * 1e6), frame, fromClient});
    };

    const QByteArray syn = c.send(cl, sv, FrameView::kSyn);
    at(0.0, syn, true); // lost
    at(1.0, syn, true); // retransmission
    at(1.0002, c.send(sv, cl, kSynAck), false);
    at(1.0004, c.send(cl, sv, FrameView::kAck), true);
    at(1.1, c.send(cl, sv, kPshAck, core::FrameCodec::encodeData(100)), true);
    at(1.1002, c.send(sv, cl, FrameView::kAck), false);
    const quint32 lostSeq = cl.nextSeq;
    const QByteArray lost = c.send(cl, sv, kPshAck, core::FrameCodec::encodeData(50));
    at(1.2, lost, true); // lost
    at(1.42, Conversation::sendAt(cl, sv, lostSeq, kPshAck, core::FrameCodec::encodeData(50)), true);
    at(1.4202, c.send(sv, cl, FrameView::kAck), false);
    at(1.5, c.send(cl, sv, kPshAck, core::FrameCodec::encodePing(1)), true);
    at(1.5002, c.send(sv, cl, kPshAck, core::FrameCodec::encodeAnswer(1)), false);
    at(1.5004, c.send(cl, sv, FrameView::kAck), true);
    at(3.5, Conversation::sendAt(cl, sv, cl.nextSeq - 1, FrameView::kAck), true); // probe
    at(3.5002, c.send(sv, cl, FrameView::kAck), false);
    at(4.5, Conversation::sendAt(cl, sv, cl.nextSeq - 1, FrameView::kAck), true); // probe
    at(4.5002, c.send(sv, cl, FrameView::kAck), false);
    at(6.0, Conversation::sendAt(sv, cl, sv.nextSeq - 1, FrameView::kAck, "A"), false); // Windows
    at(6.0002, c.send(cl, sv, FrameView::kAck), true);
    const quint32 lostReplySeq = sv.nextSeq;
    at(6.5, c.send(sv, cl, kPshAck, core::FrameCodec::encodeData(20)), false); // lost
    at(6.72, Conversation::sendAt(sv, cl, lostReplySeq, kPshAck, core::FrameCodec::encodeData(20)), false);
    at(6.7202, c.send(cl, sv, FrameView::kAck), true);
    at(7.0, c.send(cl, sv, kFinAck), true);
    at(7.0002, c.send(sv, cl, kFinAck), false);
    at(7.0004, c.send(cl, sv, FrameView::kAck), true);

    // What the cable itself sends: a router's ICMP unreachable for a new SYN, and a NAT's RST.
    Conversation refused;
    refused.client.port = 40001;
    const QByteArray refusedSyn = refused.send(refused.client, refused.server, FrameView::kSyn);
    at(8.0, refusedSyn, true);
    at(8.0001, IcmpUnreachable::build(FrameView(refusedSyn), 0xc61200fe, {0x02, 0, 0xc6, 0x12, 0, 0xfe}), false);
    Conversation forgotten;
    forgotten.client.port = 40002;
    forgotten.client.nextSeq = 0x7fff0000;
    const QByteArray stray = forgotten.send(forgotten.client, forgotten.server, kPshAck, "late");
    at(9.0, stray, true);
    at(9.0001, NatTable::buildReset(FrameView(stray)), false);
    return out;
}

} // namespace

class TestTsharkAgreement : public QObject
{
    Q_OBJECT
private slots:
    void keepaliveAndRetransmissionFlagsAgree();
};

void TestTsharkAgreement::keepaliveAndRetransmissionFlagsAgree()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed (Debian package tshark): cannot compare with Wireshark's TCP analysis");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("conversation.pcap"));
    const QList<Sent> sent = conversation();

    PacketClassifier classifier;
    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    QList<core::Event> events;
    const qint64 base = 10'000'000'000; // an arbitrary monotonic start
    for (const Sent &s : sent) {
        QVERIFY(!s.frame.isEmpty());
        events.append(classifier.classify(FrameView(s.frame), base + s.tUs,
                                          s.fromClient ? halfopen::core::Host::Client : halfopen::core::Host::Server,
                                          s.fromClient ? halfopen::core::Host::Server : halfopen::core::Host::Client));
        QVERIFY2(writer.write(s.frame, base + s.tUs, &error), qPrintable(error));
    }
    writer.close();

    // Wireshark's defaults, whatever the user's profile says; checksum checks switched on.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    process.setProcessEnvironment(environment);
    QStringList arguments{QStringLiteral("-r"),
                          path,
                          QStringLiteral("-n"),
                          QStringLiteral("-o"),
                          QStringLiteral("tcp.analyze_sequence_numbers:TRUE"),
                          QStringLiteral("-o"),
                          QStringLiteral("tcp.relative_sequence_numbers:TRUE"),
                          QStringLiteral("-o"),
                          QStringLiteral("tcp.check_checksum:TRUE"),
                          QStringLiteral("-o"),
                          QStringLiteral("ip.check_checksum:TRUE"),
                          QStringLiteral("-T"),
                          QStringLiteral("fields"),
                          QStringLiteral("-E"),
                          QStringLiteral("occurrence=f")};
    for (const QString &field : kFields)
        arguments << QStringLiteral("-e") << field;
    process.start(tshark, arguments);
    QVERIFY(process.waitForFinished(60'000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(process.readAllStandardError())));

    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), sent.size());
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        QCOMPARE(f.size(), kFields.size());
        const core::Event &event = events[i];
        const QString where = QStringLiteral("frame %1 (%2): tshark says \"%3\"").arg(i + 1).arg(event.what, lines[i]);
        auto flagged = [&](Column column) { return !f[column].isEmpty(); };

        QVERIFY2(flagged(KeepAlive) == (event.what == QLatin1String("keepalive-probe")), qPrintable(where));
        QVERIFY2(flagged(KeepAliveAck) == (event.what == QLatin1String("keepalive-ack")), qPrintable(where));
        // Wireshark splits what we call a retransmission by cause (fast, spurious); none of
        // them is a keep-alive, and on one capture point nothing arrives out of order.
        const bool retransmission = flagged(Retransmission) || flagged(FastRetransmission) || flagged(Spurious);
        QVERIFY2(retransmission == (event.what == QLatin1String("retransmission")), qPrintable(where));
        QVERIFY2(!flagged(OutOfOrder), qPrintable(where));

        // Checksum status: 0 bad, 1 good, 2 not verified.
        QVERIFY2(f[IpChecksum] == QLatin1String("1"), qPrintable(where));
        if (event.detail.contains(QLatin1String("seq"))) {
            QCOMPARE(f[RelSeq].toLongLong(), event.detail.value(u"rel_seq").toInteger());
            QCOMPARE(f[Len].toInt(), event.detail.value(u"len").toInt());
            if (event.detail.value(u"flags").toString().contains(QLatin1Char('.')))
                QCOMPARE(f[RelAck].toLongLong(), event.detail.value(u"rel_ack").toInteger());
            QVERIFY2(f[TcpChecksum] == QLatin1String("1"), qPrintable(where));
        } else {
            QVERIFY2(f[IcmpChecksum] == QLatin1String("1"), qPrintable(where));
        }
    }
    // The conversation has each case at least once, so the comparison above covered them.
    QStringList classes;
    for (const core::Event &event : events)
        classes << event.what;
    for (const char *name : {"keepalive-probe", "keepalive-ack", "retransmission", "heartbeat-ping", "heartbeat-pong",
                             "icmp-unreachable", "rst"})
        QVERIFY2(classes.contains(QLatin1String(name)), name);
}

QTEST_GUILESS_MAIN(TestTsharkAgreement)
#include "tst_TsharkAgreement.moc"
