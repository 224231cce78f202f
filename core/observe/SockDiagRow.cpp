// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SockDiagRow.h"

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>

#include <cstring>

namespace halfopen::core {

namespace {

void setAddress(SocketAddress *address, int family, const __be32 words[4], __be16 port)
{
    // Only the bytes the family uses: the row is rebuilt for every socket of a large dump.
    if (family == AF_INET6) {
        auto &a = reinterpret_cast<sockaddr_in6 &>(address->storage);
        a.sin6_family = AF_INET6;
        a.sin6_port = port;
        a.sin6_flowinfo = 0;
        a.sin6_scope_id = 0;
        std::memcpy(&a.sin6_addr, words, sizeof a.sin6_addr);
        address->length = sizeof a;
    } else {
        auto &a = reinterpret_cast<sockaddr_in &>(address->storage);
        a.sin_family = AF_INET;
        a.sin_port = port;
        a.sin_addr.s_addr = words[0];
        std::memset(a.sin_zero, 0, sizeof a.sin_zero);
        address->length = sizeof a;
    }
}

} // namespace

bool SockDiagRow::fromNetlink(const nlmsghdr *message, SockDiagRow *out)
{
    if (message->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
        return false;
    const auto *msg = static_cast<const inet_diag_msg *>(NLMSG_DATA(message));

    setAddress(&out->local, msg->idiag_family, msg->id.idiag_src, msg->id.idiag_sport);
    setAddress(&out->remote, msg->idiag_family, msg->id.idiag_dst, msg->id.idiag_dport);
    out->uid = msg->idiag_uid;
    out->inode = msg->idiag_inode;
    out->cookie = quint64(msg->id.idiag_cookie[0]) | (quint64(msg->id.idiag_cookie[1]) << 32);

    out->hasTcpInfo = false;
    int attrLength = int(message->nlmsg_len) - int(NLMSG_LENGTH(sizeof *msg));
    for (auto *attr = reinterpret_cast<const rtattr *>(msg + 1); RTA_OK(attr, attrLength);
         attr = RTA_NEXT(attr, attrLength)) {
        if (attr->rta_type == INET_DIAG_INFO) {
            out->sample = TcpInfoSample::fromTcpInfo(RTA_DATA(attr), RTA_PAYLOAD(attr));
            out->hasTcpInfo = true;
            break;
        }
    }
    if (!out->hasTcpInfo)
        out->sample = TcpInfoSample{};

    TcpInfoSample &s = out->sample;
    // The message's state is the authority: TIME_WAIT and request sockets have no tcp_info.
    s.state = tcpStateFromKernel(msg->idiag_state);
    // Exactly ss's Recv-Q/Send-Q: unread/unacked bytes, or accept backlog/limit for LISTEN.
    s.recvQ = msg->idiag_rqueue;
    s.sendQ = msg->idiag_wqueue;
    s.timerKnown = true;
    s.timer = msg->idiag_timer <= quint8(TcpTimer::Persist) ? TcpTimer(msg->idiag_timer) : TcpTimer::Off;
    s.timerExpiresMs = s.timer == TcpTimer::Off ? 0 : qint64(msg->idiag_expires);
    // idiag_retrans is ss's third timer field: icsk_retransmits for "on", icsk_probes_out for
    // keepalive/persist (the same counters tcp_info reports), the SYN-ACK count for requests.
    if (s.timer == TcpTimer::Retransmit)
        s.retransmits = msg->idiag_retrans;
    else if (s.timer == TcpTimer::Keepalive || s.timer == TcpTimer::Persist)
        s.probes = msg->idiag_retrans;
    return true;
}

QJsonObject SockDiagRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("local"), local.toString()},
        {QStringLiteral("remote"), remote.toString()},
        {QStringLiteral("state"), tcpStateName(sample.state)},
        {QStringLiteral("send_q"), qint64(sample.sendQ)},
        {QStringLiteral("recv_q"), qint64(sample.recvQ)},
        {QStringLiteral("timer"), tcpTimerName(sample.timer)},
        {QStringLiteral("timer_expires_ms"), sample.timerExpiresMs},
        {QStringLiteral("retransmits"), sample.retransmits},
        {QStringLiteral("probes"), sample.probes},
        {QStringLiteral("backoff"), sample.backoff},
        {QStringLiteral("rto_ms"), sample.rtoMs()},
        {QStringLiteral("rtt_ms"), sample.rttMs()},
        {QStringLiteral("uid"), qint64(uid)},
        {QStringLiteral("inode"), qint64(inode)},
        {QStringLiteral("cookie"), qint64(cookie)},
    };
}

} // namespace halfopen::core
