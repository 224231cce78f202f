// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SockDiagSnapshot.h"

#include "core/observe/SocketTuple.h"

namespace halfopen::core {

const SockDiagRow *SockDiagSnapshot::findByCookie(quint64 cookie) const
{
    for (const SockDiagRow &row : rows) {
        if (row.cookie == cookie)
            return &row;
    }
    return nullptr;
}

const SockDiagRow *SockDiagSnapshot::find(const SocketAddress &local, const SocketAddress &remote) const
{
    const SocketTuple wanted = SocketTuple::of(local, remote);
    for (const SockDiagRow &row : rows) {
        if (SocketTuple::of(row.local, row.remote) == wanted)
            return &row;
    }
    return nullptr;
}

} // namespace halfopen::core
