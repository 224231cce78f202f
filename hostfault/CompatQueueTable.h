// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace halfopen::hostfault {

// An nftables table of our own, `inet NAME`, written through a netlink socket of its own for
// the one rule libnftables cannot write: the xtables NFQUEUE target through nft_compat, for a
// kernel without the nft_queue expression (CONFIG_NFT_QUEUE) but with nft_compat and
// xt_NFQUEUE (NftCut's second way to drop what this machine sends silently). One output chain
// at raw priority; one rule per 4-tuple: `meta nfproto, meta l4proto tcp, addresses, ports ->
// NFQUEUE num N` (no bypass: with no program taking packets from that queue, the kernel frees
// the packet and reports it stolen). The table carries the `owner` flag: it belongs to this
// object's socket, and the kernel deletes it when the socket closes, a crash or kill -9
// included.
class CompatQueueTable
{
public:
    using Tuple = std::pair<core::SocketAddress, core::SocketAddress>; // (from, to) of what is sent

    explicit CompatQueueTable(QString name);
    ~CompatQueueTable(); // deletes the table and closes the socket
    CompatQueueTable(const CompatQueueTable &) = delete;
    CompatQueueTable &operator=(const CompatQueueTable &) = delete;

    QString name() const { return m_name; }
    // Makes the table if needed and replaces its rules, in one batch. False with the errno the
    // kernel answered (ENOENT: no nft_compat or no NFQUEUE target; EPERM: no CAP_NET_ADMIN).
    bool setRules(const QList<Tuple> &tuples, int queueNumber, int *err);
    bool remove(int *err);

    // The netlink batch setRules sends (without its sequence numbers' meaning); public for tests.
    static QByteArray ruleExpressions(const Tuple &tuple, int queueNumber);

private:
    bool send(const QList<QByteArray> &messages, int *err);

    QString m_name;
    int m_fd = -1;
    bool m_made = false;
    quint32 m_seq = 0;
};

} // namespace halfopen::hostfault
