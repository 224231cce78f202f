// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/cable/PcapWriter.h"

#include "core/tcp/ErrnoCatalog.h"

#include <pcap/pcap.h>

#include <QFile>

#include <cerrno>
#include <ctime>

namespace halfopen::lab {

namespace {

qint64 clockUs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

} // namespace

PcapWriter::~PcapWriter()
{
    close();
}

bool PcapWriter::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    QFile::remove(path + QStringLiteral(".1")); // a previous run's older half
    m_droppedFrames = 0;
    m_olderFrames = 0;
    m_droppedBytes = 0;
    m_olderBytes = 0;
    if (!openSegment(error))
        return false;
    // Taken back to back: the error is the time between the two calls, well under 1 µs.
    const qint64 realtime = clockUs(CLOCK_REALTIME);
    m_offsetUs = realtime - clockUs(CLOCK_MONOTONIC);
    m_frames = 0;
    return true;
}

bool PcapWriter::openSegment(QString *error)
{
    m_pcap = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, kSnapLength, PCAP_TSTAMP_PRECISION_MICRO);
    if (!m_pcap) {
        if (error)
            *error = failure(tr("cannot start libpcap"), ENOMEM);
        return false;
    }
    errno = 0;
    m_dumper = pcap_dump_open(m_pcap, m_path.toLocal8Bit().constData());
    // The header sits in stdio's buffer until flushed: flush now so a full disk or a
    // read-only file shows here, not at the first frame.
    if (!m_dumper || pcap_dump_flush(m_dumper) != 0) {
        const int saved = errno ? errno : EIO;
        closeSegment();
        if (error)
            *error = failure(tr("cannot create the capture file"), saved);
        return false;
    }
    m_segmentBytes = kFileHeaderBytes;
    m_segmentFrames = 0;
    return true;
}

bool PcapWriter::rotate(QString *error)
{
    closeSegment();
    const QString older = m_path + QStringLiteral(".1");
    m_droppedFrames += m_olderFrames;
    m_droppedBytes += m_olderBytes;
    m_olderBytes = m_segmentBytes - kFileHeaderBytes;
    QFile::remove(older);
    QFile::rename(m_path, older);
    m_olderFrames = m_segmentFrames;
    return openSegment(error);
}

bool PcapWriter::write(QByteArrayView frame, qint64 monotonicUs, QString *error)
{
    if (!m_dumper) {
        if (error)
            *error = failure(tr("the capture file is not open"), EBADF);
        return false;
    }
    append(frame, monotonicUs);
    return flush(error);
}

void PcapWriter::append(QByteArrayView frame, qint64 monotonicUs)
{
    if (!m_dumper)
        return;
    const qint64 wallUs = monotonicUs + m_offsetUs;
    pcap_pkthdr header{};
    header.ts.tv_sec = time_t(wallUs / 1000000);
    header.ts.tv_usec = suseconds_t(wallUs % 1000000);
    header.len = bpf_u_int32(frame.size());
    header.caplen = bpf_u_int32(qMin<qsizetype>(frame.size(), kSnapLength));
    const qint64 frameBytes = kFrameHeaderBytes + header.caplen;
    // The ring: a rotation's failure is kept for flush() to report (rotate closes the file).
    if (m_limitBytes > 0 && m_segmentFrames > 0 && m_segmentBytes + frameBytes > m_limitBytes / 2
        && !rotate(&m_pendingError))
        return;
    pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header, reinterpret_cast<const u_char *>(frame.data()));
    ++m_frames;
    ++m_segmentFrames;
    m_segmentBytes += frameBytes;
}

bool PcapWriter::flush(QString *error)
{
    if (!m_pendingError.isEmpty()) {
        if (error)
            *error = m_pendingError;
        m_pendingError.clear();
        return false;
    }
    if (!m_dumper) {
        if (error)
            *error = failure(tr("the capture file is not open"), EBADF);
        return false;
    }
    errno = 0;
    if (pcap_dump_flush(m_dumper) != 0) {
        if (error)
            *error = failure(tr("cannot write to the capture file"), errno ? errno : EIO);
        return false;
    }
    return true;
}

void PcapWriter::closeSegment()
{
    if (m_dumper) {
        pcap_dump_close(m_dumper);
        m_dumper = nullptr;
    }
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
}

void PcapWriter::close()
{
    const bool wasOpen = m_dumper != nullptr;
    closeSegment();
    if (wasOpen)
        joinSegments();
}

void PcapWriter::joinSegments()
{
    // FILE.1's frames, then FILE's without its header: one capture, oldest first.
    const QString older = m_path + QStringLiteral(".1");
    QFile first(older);
    if (!first.exists() || !first.open(QIODevice::ReadWrite | QIODevice::Append))
        return;
    QFile second(m_path);
    if (!second.open(QIODevice::ReadOnly) || !second.seek(kFileHeaderBytes))
        return;
    while (!second.atEnd()) {
        const QByteArray chunk = second.read(1 << 20);
        if (chunk.isEmpty() || first.write(chunk) != chunk.size())
            return; // both halves stay as they are: nothing is lost
    }
    first.close();
    second.close();
    QFile::remove(m_path);
    QFile::rename(older, m_path);
}

QString PcapWriter::failure(const QString &what, int errnoValue) const
{
    //: %1 what failed, %2 the file, %3 the error, e.g. "ENOSPC (No space left on device)"
    return tr("%1 %2: %3").arg(what, m_path, core::ErrnoCatalog::describe(errnoValue));
}

} // namespace halfopen::lab
