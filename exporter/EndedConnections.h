// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter/ConnectionReport.h"

#include <QByteArray>
#include <QHash>

#include <map>
#include <utility>
#include <vector>

namespace halfopen::exporter {

// Why a connection seen by one scan is missing from the next, judged from how it looked last:
enum class EndReason : quint8 {
    Timeout, // it was retransmitting or probing unanswered: the kernel most likely gave up
             // (ETIMEDOUT), or the peer's reset came while it was failing
    Closed,  // it was closing (FIN exchanged), or its 4-tuple is now in TIME_WAIT
    Vanished // healthy and open last time, gone without a trace: a reset, or a close quicker
             // than the time between two scans
};
QByteArray endReasonName(EndReason reason); // "timeout", "closed", "vanished"

// Counts, per process, the connections that ended between two successive scans, by diffing
// them on the kernel's socket cookie. A connection counts for the last process seen holding it. Prometheus needs
// counters that only grow: the counts live as long as the exporter and every process seen holding a connection keeps
// its series (from 0), so that increase() sees the first death too.
class EndedConnections
{
public:
    // Feeds one scan (every socket of the namespace, TIME_WAIT included).
    void update(const std::vector<ConnectionReport> &scan);

    // (process, reason) -> connections ended so far.
    const std::map<std::pair<QByteArray, EndReason>, quint64> &counts() const { return m_counts; }
    quint64 count(const QByteArray &process, EndReason reason) const;
    int tracked() const { return int(m_previous.size()); }

private:
    struct LastSeen
    {
        QByteArray process; // shared with the scan's strings: no copies
        QByteArray local;
        QByteArray remote;
        core::TcpState state = core::TcpState::Unknown;
        bool failing = false;
    };
    QHash<quint64, LastSeen> m_previous;
    std::map<std::pair<QByteArray, EndReason>, quint64> m_counts;
};

} // namespace halfopen::exporter
