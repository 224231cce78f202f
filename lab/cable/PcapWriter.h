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
    void close();

    // Realtime minus monotonic at open, in microseconds.
    qint64 wallClockOffsetUs() const { return m_offsetUs; }
    qint64 framesWritten() const { return m_frames; }

    static constexpr int kSnapLength = 65535;

private:
    QString failure(const QString &what, int errnoValue) const;

    QString m_path;
    pcap *m_pcap = nullptr;
    pcap_dumper *m_dumper = nullptr;
    qint64 m_offsetUs = 0;
    qint64 m_frames = 0;
};

} // namespace halfopen::lab
