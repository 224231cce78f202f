// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketAddress.h"

#include <QList>
#include <QString>

struct nft_ctx;

namespace halfopen::hostfault {

enum class CutDirection { Both, In, Out };
QString cutDirectionName(CutDirection direction); // "both", "in", "out"
bool cutDirectionFromName(const QString &name, CutDirection *out);

// Drops one connection's packets on this machine with nftables (libnftables), in a table of
// our own, `inet halfopen_PID`, that holds nothing but these cuts: an output chain for what we
// send, a prerouting chain for what we receive, both at raw priority (before conntrack).
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

    // The nft commands the current cuts amount to (one atomic batch); public for tests.
    static QString rulesFor(const QString &table, const QList<Cut> &cuts);

private:
    bool run(const QString &commands, QString *error);
    bool apply(QString *error);

    nft_ctx *m_ctx = nullptr;
    QString m_table;
    bool m_tableMade = false;
    QList<Cut> m_cuts;
};

} // namespace halfopen::hostfault
