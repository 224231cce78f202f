// SPDX-License-Identifier: GPL-3.0-or-later
// The Internet checksum against published vectors and an independent implementation, and the
// convention every builder relies on: zero field -> value to store, correct field -> 0.

#include "TestFrames.h"
#include "lab/cable/Checksums.h"

#include <QRandomGenerator>
#include <QTest>

using namespace halfopen::lab;
using namespace halfopen::lab::test;

class TestChecksums : public QObject
{
    Q_OBJECT
private slots:
    void rfc1071Example();
    void ipv4HeaderKnownValue();
    void matchesReferenceOnOddAndEvenLengths();
    void partialSumsChain();
    void tcpOverPseudoHeader();
    void icmpMessage();
};

void TestChecksums::rfc1071Example()
{
    // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (after folding).
    const QByteArray bytes = QByteArray::fromHex("0001f203f4f5f6f7");
    QCOMPARE(Checksums::finish(Checksums::partialSum(bytes)), quint16(~0xddf2 & 0xffff));
}

void TestChecksums::ipv4HeaderKnownValue()
{
    // A UDP datagram's header 192.168.0.1 -> 192.168.0.199 whose checksum is b861.
    QByteArray header = QByteArray::fromHex("450000730000400040110000c0a80001c0a800c7");
    QCOMPARE(Checksums::ipv4Header(header), quint16(0xb861));
    put16(header, 10, 0xb861);
    QCOMPARE(Checksums::ipv4Header(header), quint16(0));
    header[15] = char(header[15] ^ 0x01); // one flipped bit no longer verifies
    QVERIFY(Checksums::ipv4Header(header) != 0);
}

void TestChecksums::matchesReferenceOnOddAndEvenLengths()
{
    QRandomGenerator random(42);
    for (int length = 0; length <= 1501; ++length) {
        QByteArray data(length, '\0');
        for (auto &byte : data)
            byte = char(random.bounded(256));
        QCOMPARE(Checksums::icmp(data), referenceChecksum(data));
    }
    // All ones: the carries must wrap around many times without overflowing.
    const QByteArray ones(65535, char(0xff));
    QCOMPARE(Checksums::icmp(ones), referenceChecksum(ones));
}

void TestChecksums::partialSumsChain()
{
    const QByteArray data = QByteArray::fromHex("4500003c1c4640004006b1e6ac100a63ac100a0c");
    const quint32 chained
        = Checksums::partialSum(QByteArrayView(data).sliced(10), Checksums::partialSum(QByteArrayView(data).first(10)));
    QCOMPARE(Checksums::finish(chained), Checksums::ipv4Header(data));
}

void TestChecksums::tcpOverPseudoHeader()
{
    Segment s;
    s.seq = 123456789;
    s.ack = 987654321;
    s.flags = kPshAck;
    s.payload = "hello, odd length";
    const QByteArray frame = tcpFrame(s);
    QByteArray segment = frame.sliced(14 + 20);
    // The helper filled in a checksum of its own: ours verifies it ...
    QCOMPARE(Checksums::tcp(kClientIp, kServerIp, segment), quint16(0));
    // ... and computes the same value over a zeroed field.
    const quint16 stored = qFromBigEndian<quint16>(segment.constData() + 16);
    put16(segment, 16, 0);
    QCOMPARE(Checksums::tcp(kClientIp, kServerIp, segment), stored);
    // The pseudo-header counts: other addresses, other checksum.
    QVERIFY(Checksums::tcp(kServerIp, kClientIp + 1, segment) != stored);
}

void TestChecksums::icmpMessage()
{
    // An echo request (type 8), id 1, seq 1, "abcd": 0800+0000+0001+0001+6162+6364 = 0xccc8,
    // complemented 0x3337.
    QByteArray message = QByteArray::fromHex("080000000001000161626364");
    const quint16 value = Checksums::icmp(message);
    QCOMPARE(value, quint16(0x3337));
    put16(message, 2, value);
    QCOMPARE(Checksums::icmp(message), quint16(0));
}

QTEST_GUILESS_MAIN(TestChecksums)
#include "tst_Checksums.moc"
