// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagRow.h"

#include <QList>

namespace halfopen::core {

// Every TCP socket of one network namespace (or the part a filter selected) at one moment.
struct SockDiagSnapshot
{
    // monotonicNowUs() when the dump had finished: every row was true no later than this, so
    // a change seen between two snapshots happened before the later one's time.
    qint64 takenAtUs = 0;
    QList<SockDiagRow> rows;

    // The row with that cookie, or nullptr.
    const SockDiagRow *findByCookie(quint64 cookie) const;
    // The first row with that 4-tuple (LISTEN sockets sharing a port with SO_REUSEPORT have the
    // same one), or nullptr.
    const SockDiagRow *find(const SocketAddress &local, const SocketAddress &remote) const;
};

} // namespace halfopen::core
