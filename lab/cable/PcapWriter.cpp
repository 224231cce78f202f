#include "lab/cable/PcapWriter.h"

#include "core/tcp/ErrnoCatalog.h"

#include <pcap/pcap.h>

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
    m_pcap = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, kSnapLength,
                                                  PCAP_TSTAMP_PRECISION_MICRO);
    if (!m_pcap) {
        if (error)
            *error = failure(tr("cannot start libpcap"), ENOMEM);
        return false;
    }
    errno = 0;
    m_dumper = pcap_dump_open(m_pcap, path.toLocal8Bit().constData());
    // The header sits in stdio's buffer until flushed: flush now so a full disk or a
    // read-only file shows here, not at the first frame.
    if (!m_dumper || pcap_dump_flush(m_dumper) != 0) {
        const int saved = errno ? errno : EIO;
        close();
        if (error)
            *error = failure(tr("cannot create the capture file"), saved);
        return false;
    }
    // Taken back to back: the error is the time between the two calls, well under 1 µs.
    const qint64 realtime = clockUs(CLOCK_REALTIME);
    m_offsetUs = realtime - clockUs(CLOCK_MONOTONIC);
    m_frames = 0;
    return true;
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
    pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header,
              reinterpret_cast<const u_char *>(frame.data()));
    ++m_frames;
}

bool PcapWriter::flush(QString *error)
{
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

void PcapWriter::close()
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

QString PcapWriter::failure(const QString &what, int errnoValue) const
{
    //: %1 what failed, %2 the file, %3 the error, e.g. "ENOSPC (No space left on device)"
    return tr("%1 %2: %3").arg(what, m_path, core::ErrnoCatalog::describe(errnoValue));
}

} // namespace halfopen::lab
