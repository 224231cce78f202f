// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

struct pcap;
struct pcap_dumper;

namespace halfopen::lab {

// Writes the cable's frames to a pcap file (Ethernet link type) that Wireshark and tcpdump
// open. Frames carry CLOCK_MONOTONIC times; the file gets wall-clock times, converted with
// one offset taken at open so the spacing between frames is exact. Every frame is flushed
// (write), or every batch of frames (append, then flush: the cable flushes once per wake-up):
// a crash of the supervisor loses nothing already seen.
class PcapWriter
{
    Q_DECLARE_TR_FUNCTIONS(halfopen::lab::PcapWriter)

public:
    PcapWriter() = default;
    ~PcapWriter();
    PcapWriter(const PcapWriter &) = delete;
    PcapWriter &operator=(const PcapWriter &) = delete;

    // Creates (truncates) the file and writes its header. On failure returns false and a
    // message with the path and the errno's meaning.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_dumper != nullptr; }
    // Appends one frame seen at `monotonicUs` and flushes it to the file.
    bool write(QByteArrayView frame, qint64 monotonicUs, QString *error);
    // Appends without flushing; flush() writes what was appended to the file.
    void append(QByteArrayView frame, qint64 monotonicUs);
    bool flush(QString *error);
    // A rotation of the ring failed since the last flush() (which reports it).
    bool hasPendingError() const { return !m_pendingError.isEmpty(); }
    void close();

    // Realtime minus monotonic at open, in microseconds.
    qint64 wallClockOffsetUs() const { return m_offsetUs; }
    qint64 framesWritten() const { return m_frames; }

    // A ring of at most `bytes` on disk (0: unbounded): the capture is kept in two halves, the
    // file and FILE.1 (the older half); when the file outgrows its half, FILE.1 is dropped and
    // the file becomes FILE.1. close() joins them back into FILE, oldest first. A streaming lab
    // writes ~60 MB/s: without a limit the cache fills the disk.
    void setLimitBytes(qint64 bytes) { m_limitBytes = bytes; }
    // Frames dropped from the front of the capture so far (older than the ring holds).
    qint64 droppedFrames() const { return m_droppedFrames; }
    // Their size in the file (record headers included).
    qint64 droppedBytes() const { return m_droppedBytes; }

    static constexpr int kSnapLength = 65535;

private:
    QString failure(const QString &what, int errnoValue) const;
    bool openSegment(QString *error);
    bool rotate(QString *error);
    void closeSegment();
    static constexpr qint64 kFileHeaderBytes = 24;  // pcap global header
    static constexpr qint64 kFrameHeaderBytes = 16; // per-frame record header
    void joinSegments();

    QString m_path;
    pcap *m_pcap = nullptr;
    pcap_dumper *m_dumper = nullptr;
    qint64 m_offsetUs = 0;
    qint64 m_frames = 0;
    qint64 m_limitBytes = 0;
    qint64 m_segmentBytes = 0; // in the file being written
    qint64 m_segmentFrames = 0;
    qint64 m_olderFrames = 0; // in FILE.1
    qint64 m_droppedFrames = 0;
    qint64 m_olderBytes = 0; // FILE.1's frames, without its header
    qint64 m_droppedBytes = 0;
    QString m_pendingError; // a rotation that failed in append(), reported by flush()
};

} // namespace halfopen::lab
