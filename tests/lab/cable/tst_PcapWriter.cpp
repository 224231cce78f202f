// SPDX-License-Identifier: GPL-3.0-or-later
// The capture file: libpcap reads back the same frames with wall-clock times that keep the
// monotonic spacing exactly; each frame is on disk as soon as it is written; and failures name
// the file and the errno.

#include "TestFrames.h"
#include "lab/cable/PcapWriter.h"

#include "core/session/MonotonicClock.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>

using namespace halfopen;
using namespace halfopen::lab;
using namespace halfopen::lab::test;

namespace {

struct ReadFrame
{
    QByteArray bytes;
    qint64 wallUs = 0;
    quint32 originalLength = 0;
};

// Everything in the file, read with libpcap itself.
QList<ReadFrame> readBack(const QString &path, int *linkType = nullptr, int *snapLength = nullptr)
{
    char errorText[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_open_offline(path.toLocal8Bit().constData(), errorText);
    if (!pcap) {
        qWarning("pcap_open_offline: %s", errorText);
        return {};
    }
    if (linkType)
        *linkType = pcap_datalink(pcap);
    if (snapLength)
        *snapLength = pcap_snapshot(pcap);
    QList<ReadFrame> frames;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        frames.append({QByteArray(reinterpret_cast<const char *>(data), int(header->caplen)),
                       qint64(header->ts.tv_sec) * 1'000'000 + header->ts.tv_usec, header->len});
    }
    pcap_close(pcap);
    return frames;
}

QList<QByteArray> sampleFrames()
{
    Conversation c;
    QList<QByteArray> frames;
    frames << c.send(c.client, c.server, FrameView::kSyn) << c.send(c.server, c.client, kSynAck)
           << c.send(c.client, c.server, FrameView::kAck)
           << c.send(c.client, c.server, kPshAck, QByteArray(1460, 'M')); // a full 1514-byte frame
    return frames;
}

} // namespace

class TestPcapWriter : public QObject
{
    Q_OBJECT
private slots:
    void framesAndTimesReadBack();
    void eachFrameIsOnDiskAtOnce();
    void timesAreWallClock();
    void missingDirectory();
    void fullDisk();
    void writeWithoutOpen();
    void ringKeepsTheLastFrames();
};

void TestPcapWriter::framesAndTimesReadBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("capture.pcap"));
    const QList<QByteArray> frames = sampleFrames();
    const QList<qint64> times{5'000'000'000, 5'000'000'150, 5'000'300'000, 5'002'000'001};

    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    QVERIFY(writer.isOpen());
    for (int i = 0; i < frames.size(); ++i)
        QVERIFY2(writer.write(frames[i], times[i], &error), qPrintable(error));
    QCOMPARE(writer.framesWritten(), frames.size());
    writer.close();
    QVERIFY(!writer.isOpen());

    int linkType = -1;
    int snapLength = -1;
    const QList<ReadFrame> read = readBack(path, &linkType, &snapLength);
    QCOMPARE(linkType, DLT_EN10MB);
    QCOMPARE(snapLength, PcapWriter::kSnapLength);
    QCOMPARE(read.size(), frames.size());
    for (int i = 0; i < frames.size(); ++i) {
        QCOMPARE(read[i].bytes, frames[i]);
        QCOMPARE(read[i].originalLength, quint32(frames[i].size()));
        // Exactly the monotonic time plus the one offset taken at open.
        QCOMPARE(read[i].wallUs, times[i] + writer.wallClockOffsetUs());
        if (i > 0)
            QVERIFY(read[i].wallUs > read[i - 1].wallUs);
    }
    QCOMPARE(read[1].wallUs - read[0].wallUs, 150);
}

void TestPcapWriter::eachFrameIsOnDiskAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.pcap"));
    PcapWriter writer;
    QString error;
    QVERIFY(writer.open(path, &error));
    QCOMPARE(readBack(path).size(), 0); // the header alone is already a valid file
    const QList<QByteArray> frames = sampleFrames();
    for (int i = 0; i < frames.size(); ++i) {
        QVERIFY(writer.write(frames[i], core::monotonicNowUs(), &error));
        // Read by another handle while the writer is still open, as after a crash.
        const QList<ReadFrame> read = readBack(path);
        QCOMPARE(read.size(), i + 1);
        QCOMPARE(read.last().bytes, frames[i]);
    }
}

void TestPcapWriter::timesAreWallClock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("now.pcap"));
    PcapWriter writer;
    QString error;
    QVERIFY(writer.open(path, &error));
    const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000;
    QVERIFY(writer.write(sampleFrames().first(), core::monotonicNowUs(), &error));
    const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1000 + 1000;
    const QList<ReadFrame> read = readBack(path);
    QCOMPARE(read.size(), 1);
    // The clocks are read at different moments: allow for the milliseconds of the test itself.
    QVERIFY2(read[0].wallUs >= before - 2000 && read[0].wallUs <= after + 2000,
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(read[0].wallUs).arg(before).arg(after)));
}

void TestPcapWriter::missingDirectory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/dir/capture.pcap"));
    PcapWriter writer;
    QString error;
    QVERIFY(!writer.open(path, &error));
    QVERIFY(!writer.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("ENOENT")), qPrintable(error));
}

void TestPcapWriter::fullDisk()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("/dev/full is not available here");
    // /dev/full opens fine and fails every write with ENOSPC: the header flush at open says so.
    PcapWriter writer;
    QString error;
    QVERIFY(!writer.open(QStringLiteral("/dev/full"), &error));
    QVERIFY2(error.contains(QStringLiteral("ENOSPC")), qPrintable(error));
    QVERIFY(!writer.isOpen());
}

void TestPcapWriter::writeWithoutOpen()
{
    PcapWriter writer;
    QString error;
    QVERIFY(!writer.write(sampleFrames().first(), 1, &error));
    QVERIFY2(error.contains(QStringLiteral("EBADF")), qPrintable(error));
}

void TestPcapWriter::ringKeepsTheLastFrames()
{
    // Issue 16: a streaming lab's capture grew ~61 MB/s without end. With a limit it is a ring:
    // at most the limit on disk while running, the newest frames kept, one valid file at the end.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.pcap"));
    constexpr qint64 kLimit = 64 * 1024;
    PcapWriter writer;
    writer.setLimitBytes(kLimit);
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    constexpr int kFrames = 1000;
    for (int i = 0; i < kFrames; ++i) {
        QByteArray frame(1000, char(i & 0xff));
        frame.replace(0, 4, QByteArray::number(i).rightJustified(4, '0'));
        QVERIFY2(writer.write(frame, 1'000'000 + i, &error), qPrintable(error));
        const qint64 onDisk = QFileInfo(path).size() + QFileInfo(path + QStringLiteral(".1")).size();
        QVERIFY2(onDisk <= kLimit + 24, qPrintable(QString::number(onDisk)));
    }
    QVERIFY(writer.droppedFrames() > 0);
    const qint64 dropped = writer.droppedFrames();
    QCOMPARE(writer.droppedBytes(), dropped * (16 + 1000)); // what the window says was left out
    writer.close();
    QVERIFY(!QFile::exists(path + QStringLiteral(".1"))); // joined back into one file
    const QList<ReadFrame> read = readBack(path);
    QCOMPARE(read.size(), kFrames - dropped);
    QVERIFY(read.size() >= 30); // at least half the limit's worth of the newest frames
    // In order, ending with the very last frame.
    for (qsizetype i = 0; i < read.size(); ++i)
        QCOMPARE(read.at(i).bytes.left(4).toInt(), int(dropped + i));
}

QTEST_GUILESS_MAIN(TestPcapWriter)
#include "tst_PcapWriter.moc"
