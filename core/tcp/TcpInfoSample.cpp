// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/TcpInfoSample.h"

#include "core/tcp/JsonNumber.h"

#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cstring>

namespace halfopen::core {

TcpInfoSample TcpInfoSample::fromTcpInfo(const void *data, size_t length)
{
    // Older kernels return a shorter struct: copy what came and leave the rest zero.
    struct tcp_info info;
    std::memset(&info, 0, sizeof info);
    std::memcpy(&info, data, std::min(length, sizeof info));

    TcpInfoSample s;
    s.state = tcpStateFromKernel(info.tcpi_state);
    s.caState = info.tcpi_ca_state;
    s.retransmits = info.tcpi_retransmits;
    s.probes = info.tcpi_probes;
    s.backoff = info.tcpi_backoff;
    s.rtoUs = info.tcpi_rto;
    s.rttUs = info.tcpi_rtt;
    s.rttVarUs = info.tcpi_rttvar;
    s.unacked = info.tcpi_unacked;
    s.lost = info.tcpi_lost;
    s.totalRetrans = info.tcpi_total_retrans;
    s.lastDataSentMs = info.tcpi_last_data_sent;
    s.lastDataRecvMs = info.tcpi_last_data_recv;
    s.lastAckRecvMs = info.tcpi_last_ack_recv;
    s.sendCwnd = info.tcpi_snd_cwnd;
    s.segsOut = info.tcpi_segs_out;
    s.segsIn = info.tcpi_segs_in;
    s.bytesAcked = info.tcpi_bytes_acked;
    s.bytesReceived = info.tcpi_bytes_received;
    return s;
}

bool TcpInfoSample::readFromSocket(int fd, TcpInfoSample *out)
{
    struct tcp_info info;
    socklen_t length = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return false;
    *out = fromTcpInfo(&info, length);
    int queued = 0;
    if (out->state != TcpState::Listen) {
        if (::ioctl(fd, SIOCOUTQ, &queued) == 0)
            out->sendQ = static_cast<quint32>(queued);
        if (::ioctl(fd, SIOCINQ, &queued) == 0)
            out->recvQ = static_cast<quint32>(queued);
    }
    return true;
}

bool TcpInfoSample::differsVisiblyFrom(const TcpInfoSample &o) const
{
    return state != o.state || caState != o.caState || retransmits != o.retransmits || probes != o.probes
        || backoff != o.backoff || rtoUs != o.rtoUs || unacked != o.unacked || totalRetrans != o.totalRetrans
        || sendQ != o.sendQ || recvQ != o.recvQ || timer != o.timer || segsOut != o.segsOut || segsIn != o.segsIn;
}

QJsonObject TcpInfoSample::toJson() const
{
    QJsonObject j{
        {QStringLiteral("state"), tcpStateName(state)},
        {QStringLiteral("send_q"), qint64(sendQ)},
        {QStringLiteral("recv_q"), qint64(recvQ)},
        {QStringLiteral("retransmits"), retransmits},
        {QStringLiteral("probes"), probes},
        {QStringLiteral("backoff"), backoff},
        {QStringLiteral("rto_ms"), rtoMs()},
        {QStringLiteral("rtt_ms"), rttMs()},
        {QStringLiteral("rttvar_ms"), rttVarUs / 1000.0},
        {QStringLiteral("unacked"), qint64(unacked)},
        {QStringLiteral("lost"), qint64(lost)},
        {QStringLiteral("total_retrans"), qint64(totalRetrans)},
        {QStringLiteral("ca_state"), caState},
        {QStringLiteral("cwnd"), qint64(sendCwnd)},
        {QStringLiteral("segs_out"), qint64(segsOut)},
        {QStringLiteral("segs_in"), qint64(segsIn)},
        {QStringLiteral("bytes_acked"), qint64(bytesAcked)},
        {QStringLiteral("bytes_received"), qint64(bytesReceived)},
        {QStringLiteral("last_data_sent_ms"), qint64(lastDataSentMs)},
        {QStringLiteral("last_data_recv_ms"), qint64(lastDataRecvMs)},
        {QStringLiteral("last_ack_recv_ms"), qint64(lastAckRecvMs)},
    };
    if (timerKnown) {
        j.insert(QStringLiteral("timer"), tcpTimerName(timer));
        j.insert(QStringLiteral("timer_expires_ms"), timerExpiresMs);
    }
    return j;
}

quint32 TcpInfoSample::microsFromMs(double ms)
{
    return roundedInRange<quint32>(ms, 1000);
}

TcpInfoSample TcpInfoSample::fromJson(const QJsonObject &j)
{
    TcpInfoSample s;
    s.state = tcpStateFromName(j.value(QStringLiteral("state")).toString()).value_or(TcpState::Unknown);
    s.sendQ = quint32(j.value(QStringLiteral("send_q")).toInteger());
    s.recvQ = quint32(j.value(QStringLiteral("recv_q")).toInteger());
    s.retransmits = quint8(j.value(QStringLiteral("retransmits")).toInt());
    s.probes = quint8(j.value(QStringLiteral("probes")).toInt());
    s.backoff = quint8(j.value(QStringLiteral("backoff")).toInt());
    s.rtoUs = microsFromMs(j.value(QStringLiteral("rto_ms")).toDouble());
    s.rttUs = microsFromMs(j.value(QStringLiteral("rtt_ms")).toDouble());
    s.rttVarUs = microsFromMs(j.value(QStringLiteral("rttvar_ms")).toDouble());
    s.unacked = quint32(j.value(QStringLiteral("unacked")).toInteger());
    s.lost = quint32(j.value(QStringLiteral("lost")).toInteger());
    s.totalRetrans = quint32(j.value(QStringLiteral("total_retrans")).toInteger());
    s.caState = quint8(j.value(QStringLiteral("ca_state")).toInt());
    s.sendCwnd = quint32(j.value(QStringLiteral("cwnd")).toInteger());
    s.segsOut = quint32(j.value(QStringLiteral("segs_out")).toInteger());
    s.segsIn = quint32(j.value(QStringLiteral("segs_in")).toInteger());
    s.bytesAcked = quint64(j.value(QStringLiteral("bytes_acked")).toInteger());
    s.bytesReceived = quint64(j.value(QStringLiteral("bytes_received")).toInteger());
    s.lastDataSentMs = quint32(j.value(QStringLiteral("last_data_sent_ms")).toInteger());
    s.lastDataRecvMs = quint32(j.value(QStringLiteral("last_data_recv_ms")).toInteger());
    s.lastAckRecvMs = quint32(j.value(QStringLiteral("last_ack_recv_ms")).toInteger());
    if (j.contains(QStringLiteral("timer"))) {
        s.timerKnown = true;
        s.timer = tcpTimerFromName(j.value(QStringLiteral("timer")).toString()).value_or(TcpTimer::Off);
        s.timerExpiresMs = j.value(QStringLiteral("timer_expires_ms")).toInteger();
    }
    return s;
}

} // namespace halfopen::core
