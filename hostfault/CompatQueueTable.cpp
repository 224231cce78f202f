// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/CompatQueueTable.h"

#include <QtEndian>

// glibc's first: its netinet/in.h tells the kernel's headers not to define in_addr again.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/xt_NFQUEUE.h>
#include <linux/netlink.h>

#include <cerrno>
#include <cstring>

namespace halfopen::hostfault {

namespace {

// Netlink attributes, built by hand (no libmnl/libnftnl headers on Debian without their -dev).
QByteArray attr(quint16 type, const QByteArray &data)
{
    QByteArray a(4, '\0');
    const quint16 length = quint16(4 + data.size());
    std::memcpy(a.data(), &length, 2);
    std::memcpy(a.data() + 2, &type, 2);
    a += data;
    a += QByteArray((4 - a.size() % 4) % 4, '\0');
    return a;
}

QByteArray nested(quint16 type, const QByteArray &data)
{
    return attr(type | NLA_F_NESTED, data);
}

QByteArray text(const QString &s)
{
    return s.toLatin1() + '\0';
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray expression(const char *name, const QByteArray &data)
{
    return nested(NFTA_LIST_ELEM, attr(NFTA_EXPR_NAME, QByteArray(name) + '\0') + nested(NFTA_EXPR_DATA, data));
}

QByteArray loadMeta(quint32 key)
{
    return expression("meta", attr(NFTA_META_DREG, be32(NFT_REG_1)) + attr(NFTA_META_KEY, be32(key)));
}

QByteArray loadPayload(quint32 base, quint32 offset, quint32 length)
{
    return expression("payload",
                      attr(NFTA_PAYLOAD_DREG, be32(NFT_REG_1)) + attr(NFTA_PAYLOAD_BASE, be32(base))
                          + attr(NFTA_PAYLOAD_OFFSET, be32(offset)) + attr(NFTA_PAYLOAD_LEN, be32(length)));
}

QByteArray equals(const QByteArray &value)
{
    return expression("cmp",
                      attr(NFTA_CMP_SREG, be32(NFT_REG_1)) + attr(NFTA_CMP_OP, be32(NFT_CMP_EQ))
                          + nested(NFTA_CMP_DATA, attr(NFTA_DATA_VALUE, value)));
}

// The address bytes in network order and the port as two big-endian bytes.
QByteArray addressBytes(const core::SocketAddress &a)
{
    const sockaddr_storage &s = a.storage;
    if (s.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&s);
        return QByteArray(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
    }
    const auto *in = reinterpret_cast<const sockaddr_in *>(&s);
    return QByteArray(reinterpret_cast<const char *>(&in->sin_addr), 4);
}

QByteArray portBytes(quint16 port)
{
    QByteArray b(2, '\0');
    qToBigEndian(port, b.data());
    return b;
}

} // namespace

CompatQueueTable::CompatQueueTable(QString name)
    : m_name(std::move(name))
{ }

CompatQueueTable::~CompatQueueTable()
{
    int ignored = 0;
    if (m_made)
        remove(&ignored);
    if (m_fd >= 0)
        ::close(m_fd); // the kernel deletes an owner table still there
}

QByteArray CompatQueueTable::ruleExpressions(const Tuple &t, int queueNumber)
{
    const bool v6 = t.first.family() == AF_INET6;
    const quint32 length = v6 ? 16 : 4;
    QByteArray e;
    e += loadMeta(NFT_META_NFPROTO) + equals(QByteArray(1, char(v6 ? NFPROTO_IPV6 : NFPROTO_IPV4)));
    e += loadMeta(NFT_META_L4PROTO) + equals(QByteArray(1, char(IPPROTO_TCP)));
    e += loadPayload(NFT_PAYLOAD_NETWORK_HEADER, v6 ? 8 : 12, length) + equals(addressBytes(t.first));
    e += loadPayload(NFT_PAYLOAD_NETWORK_HEADER, v6 ? 24 : 16, length) + equals(addressBytes(t.second));
    e += loadPayload(NFT_PAYLOAD_TRANSPORT_HEADER, 0, 2) + equals(portBytes(t.first.port()));
    e += loadPayload(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2) + equals(portBytes(t.second.port()));
    e += expression("counter", {});
    // xt_NFQUEUE revision 0: struct xt_NFQ_info { __u16 queuenum; }, no bypass flag.
    xt_NFQ_info info{};
    info.queuenum = quint16(queueNumber);
    e += expression("target",
                    attr(NFTA_TARGET_NAME, QByteArray("NFQUEUE") + '\0') + attr(NFTA_TARGET_REV, be32(0))
                        + attr(NFTA_TARGET_INFO, QByteArray(reinterpret_cast<const char *>(&info), sizeof info)));
    return e;
}

bool CompatQueueTable::setRules(const QList<Tuple> &tuples, int queueNumber, int *err)
{
    QList<QByteArray> messages;
    const QByteArray table = attr(NFTA_TABLE_NAME, text(m_name));
    if (!m_made) {
        messages << QByteArray(1, char(NFT_MSG_NEWTABLE)) + table + attr(NFTA_TABLE_FLAGS, be32(NFT_TABLE_F_OWNER));
        messages << QByteArray(1, char(NFT_MSG_NEWCHAIN)) + attr(NFTA_CHAIN_TABLE, text(m_name))
                + attr(NFTA_CHAIN_NAME, text(QStringLiteral("out")))
                + nested(NFTA_CHAIN_HOOK,
                         attr(NFTA_HOOK_HOOKNUM, be32(NF_INET_LOCAL_OUT))
                             + attr(NFTA_HOOK_PRIORITY, be32(quint32(-300)))) // raw
                + attr(NFTA_CHAIN_POLICY, be32(NF_ACCEPT)) + attr(NFTA_CHAIN_TYPE, text(QStringLiteral("filter")));
    } else {
        // Every rule of the chain (DELRULE without a handle flushes it).
        messages << QByteArray(1, char(NFT_MSG_DELRULE)) + attr(NFTA_RULE_TABLE, text(m_name))
                + attr(NFTA_RULE_CHAIN, text(QStringLiteral("out")));
    }
    for (const Tuple &t : tuples)
        messages << QByteArray(1, char(NFT_MSG_NEWRULE)) + attr(NFTA_RULE_TABLE, text(m_name))
                + attr(NFTA_RULE_CHAIN, text(QStringLiteral("out")))
                + nested(NFTA_RULE_EXPRESSIONS, ruleExpressions(t, queueNumber));
    if (!send(messages, err))
        return false;
    m_made = true;
    return true;
}

bool CompatQueueTable::remove(int *err)
{
    if (!m_made)
        return true;
    if (!send({QByteArray(1, char(NFT_MSG_DELTABLE)) + attr(NFTA_TABLE_NAME, text(m_name))}, err))
        return false;
    m_made = false;
    return true;
}

// Each message: its nf_tables type as the first byte, then its attributes. Sent as one batch
// (BEGIN ... END), each asking for an ACK; the kernel answers every one, errors included,
// and applies the batch only if none failed.
bool CompatQueueTable::send(const QList<QByteArray> &messages, int *err)
{
    if (m_fd < 0) {
        m_fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
        sockaddr_nl local{};
        local.nl_family = AF_NETLINK;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
            *err = errno;
            if (m_fd >= 0)
                ::close(m_fd);
            m_fd = -1;
            return false;
        }
    }
    auto message = [this](quint16 type, quint16 flags, quint8 family, const QByteArray &payload) {
        nlmsghdr h{};
        h.nlmsg_len = quint32(NLMSG_HDRLEN + sizeof(nfgenmsg) + payload.size());
        h.nlmsg_type = type;
        h.nlmsg_flags = flags;
        h.nlmsg_seq = ++m_seq;
        nfgenmsg g{};
        g.nfgen_family = family;
        g.version = NFNETLINK_V0;
        g.res_id = qToBigEndian(quint16(NFNL_SUBSYS_NFTABLES));
        QByteArray m(reinterpret_cast<const char *>(&h), sizeof h);
        m += QByteArray(reinterpret_cast<const char *>(&g), sizeof g);
        m += payload;
        return m;
    };
    QByteArray batch = message(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, AF_UNSPEC, {});
    const quint32 firstSeq = m_seq + 1;
    for (const QByteArray &m : messages) {
        const quint16 type = quint16((NFNL_SUBSYS_NFTABLES << 8) | quint8(m.at(0)));
        quint16 flags = NLM_F_REQUEST | NLM_F_ACK;
        if (quint8(m.at(0)) == NFT_MSG_NEWTABLE || quint8(m.at(0)) == NFT_MSG_NEWCHAIN)
            flags |= NLM_F_CREATE;
        if (quint8(m.at(0)) == NFT_MSG_NEWRULE)
            flags |= NLM_F_CREATE | NLM_F_APPEND;
        batch += message(type, flags, NFPROTO_INET, m.mid(1));
    }
    batch += message(NFNL_MSG_BATCH_END, NLM_F_REQUEST, AF_UNSPEC, {});
    const quint32 lastSeq = firstSeq + quint32(messages.size());
    if (::send(m_fd, batch.constData(), size_t(batch.size()), 0) < 0) {
        *err = errno;
        return false;
    }
    // One answer per message (the BEGIN took the first sequence number).
    int answers = 0;
    int firstError = 0;
    char buffer[16384];
    while (answers < messages.size()) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 2000) <= 0) {
            *err = firstError ? firstError : ETIMEDOUT;
            return false;
        }
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *err = errno;
            return false;
        }
        quint32 left = quint32(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type != NLMSG_ERROR || h->nlmsg_seq < firstSeq || h->nlmsg_seq >= lastSeq)
                continue;
            ++answers;
            const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
            if (e->error != 0 && firstError == 0)
                firstError = -e->error;
        }
    }
    if (firstError) {
        *err = firstError;
        return false;
    }
    return true;
}

} // namespace halfopen::hostfault
