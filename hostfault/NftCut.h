// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/CompatQueueTable.h"

#include "core/tcp/SocketAddress.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct nft_ctx;

namespace halfopen::hostfault {

enum class CutDirection { Both, In, Out };
QString cutDirectionName(CutDirection direction); // "both", "in", "out"
bool cutDirectionFromName(const QString &name, CutDirection *out);

// Drops one connection's packets on this machine with nftables (libnftables), in a table of
// our own, `inet halfopen_PID`, that holds nothing but these cuts: an output chain for what we
// send, a prerouting chain for what we receive, both at raw priority (before conntrack).
//
// What we receive is dropped with `drop`: nobody on this machine is told. What we send must
// vanish as silently as on a pulled cable, and `drop` does not: nf_hook_slow() returns -EPERM
// to ip_local_out(), TCP sees its transmission fail and holds the data under the probe timer
// (local_drop_probes) instead of retransmitting. So what we send goes to `queue num N` without
// `bypass`: with nobody bound to queue N, nf_queue() frees the packet and reports it stolen
// (0), the sender sees success and retransmits with backoff until tcp_retries2, as with a real
// cable (nfnetlink_queue need not be loaded: without its handler __nf_queue() fails with ESRCH
// and the packet is freed the same way). The verdict needs the kernel's nft_queue expression
// (CONFIG_NFT_QUEUE, a module on Debian, loaded by nf_tables on first use). Where it is
// missing, the same verdict comes from the xtables NFQUEUE target through nft_compat, which
// libnftables cannot write: those rules live in a second owner table, `inet halfopen_PID_out`,
// written through a netlink socket of our own (CompatQueueTable). Where that is missing too,
// what is sent is dropped with `drop` and outgoingSilent() says so.
// N is kQueueNumber, far from 0 and the small numbers NFQUEUE programs default to (Suricata,
// Snort's DAQ, nfqws): if a program of this namespace is bound there anyway
// (/proc/net/netfilter/nfnetlink_queue lists it), the next free number above it is taken.
// While the cut holds, this object binds queue N itself (nfnetlink_queue, copy mode none) so
// that no other program can (the kernel refuses it EPERM): with copy mode none the kernel
// queues nothing to us either (nfqnl_enqueue_packet answers EINVAL), so the packet is freed and
// reported stolen all the same, and nothing is ever to be read. The binding ends with the
// socket, a crash included. Without nfnetlink_queue it cannot be held, and needs not be.
//
// The table carries the `owner` flag (kernel >= 5.12): it belongs to the netlink socket of this
// object's nft context, which lives as long as the object, and the kernel deletes the table
// when that socket closes, so a crash or kill -9 lifts every cut. No other process can change
// an owned table, and we never name any table but ours.
class NftCut
{
public:
    NftCut();
    ~NftCut(); // deletes the table (the kernel would anyway when the socket closes)
    NftCut(const NftCut &) = delete;
    NftCut &operator=(const NftCut &) = delete;

    // The table's name in this process: "halfopen_4242".
    QString tableName() const { return m_table; }
    bool hasTable() const { return m_tableMade; }

    // Adds a cut; replaces an existing one for the same 4-tuple. False with a message naming
    // the errno and, without CAP_NET_ADMIN, the capability.
    bool cut(const core::SocketAddress &local, const core::SocketAddress &remote, CutDirection direction,
             QString *error);
    // Removes the cut of this 4-tuple (false when there was none); replugAll removes every cut
    // and the table.
    bool replug(const core::SocketAddress &local, const core::SocketAddress &remote, QString *error);
    bool replugAll(QString *error);

    struct Cut
    {
        core::SocketAddress local;
        core::SocketAddress remote;
        CutDirection direction = CutDirection::Both;
    };
    const QList<Cut> &cuts() const { return m_cuts; }

    // True when what this machine sends is dropped silently (the queue verdict), false when
    // the kernel has neither nft_queue nor nft_compat's NFQUEUE and `drop` was used; nullopt
    // until a cut of what it sends.
    std::optional<bool> outgoingSilent() const;
    // How: "queue" (nft_queue), "xt-queue" (NFQUEUE through nft_compat, in the table
    // tableName() + "_out"), "drop"; empty until a cut of what it sends.
    QString outgoingWay() const;
    // The queue the outgoing cuts use (kQueueNumber unless taken), 0 before the first; and
    // whether this object holds it (bound, so that no other program can).
    int queueNumber() const { return m_queueNumber; }
    bool holdsQueue() const { return m_queueHold >= 0; }
    static constexpr int kQueueNumber = 61470;

    // The nft commands the current cuts amount to (one atomic batch); public for tests.
    // queueNumber 0: what is sent is dropped with `drop`; -1: no rule for it here.
    static QString rulesFor(const QString &table, const QList<Cut> &cuts, int queueNumber = 0);
    // The first queue number from kQueueNumber up that no program of this network namespace
    // is bound to, as /proc/net/netfilter/nfnetlink_queue (its text given) lists them.
    static int freeQueueNumber(const QString &boundQueues);

private:
    bool run(const QString &commands, QString *error, QString *kernelMessage = nullptr);
    bool apply(QString *error);

    nft_ctx *m_ctx = nullptr;
    QString m_table;
    bool m_tableMade = false;
    QList<Cut> m_cuts;
    enum class OutWay { Unknown, NftQueue, XtQueue, Drop };
    bool applyCompat(int *err);
    void chooseQueue();
    int holdQueue(int queue); // 0, or the errno of the binding
    void releaseQueue();
    OutWay m_out = OutWay::Unknown;
    int m_queueNumber = 0;
    int m_queueHold = -1; // the netlink socket bound to m_queueNumber
    std::unique_ptr<CompatQueueTable> m_compat;
};

} // namespace halfopen::hostfault
