// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/EndedConnections.h"

#include <QSet>

namespace halfopen::exporter {

using core::TcpState;

namespace {

bool isClosing(TcpState state)
{
    switch (state) {
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::CloseWait:
    case TcpState::LastAck:
    case TcpState::Closing:
    case TcpState::TimeWait:
        return true;
    default:
        return false;
    }
}

// Connections worth following: not listeners, not the TIME_WAIT leftovers (a different kernel
// object from the connection they follow).
bool isTracked(const ConnectionReport &report)
{
    const TcpState state = report.sample.state;
    return report.cookie != 0 && state != TcpState::Listen && state != TcpState::TimeWait && state != TcpState::Closed;
}

} // namespace

QByteArray endReasonName(EndReason reason)
{
    switch (reason) {
    case EndReason::Timeout:
        return QByteArrayLiteral("timeout");
    case EndReason::Closed:
        return QByteArrayLiteral("closed");
    case EndReason::Vanished:
        break;
    }
    return QByteArrayLiteral("vanished");
}

quint64 EndedConnections::count(const QByteArray &process, EndReason reason) const
{
    const auto it = m_counts.find({process, reason});
    return it == m_counts.end() ? 0 : it->second;
}

void EndedConnections::update(const std::vector<ConnectionReport> &scan)
{
    QHash<quint64, LastSeen> current;
    current.reserve(qsizetype(scan.size()));
    QByteArray lastProcess; // connections come grouped by process often: one lookup per run
    bool first = true;
    for (const ConnectionReport &report : scan) {
        if (!isTracked(report))
            continue;
        const bool failing = report.sample.retransmits > 0 || report.sample.backoff > 0 || report.suspectedDeadPeer();
        // A connection its process closed lives on without one (FIN_WAIT_2, an orphan): it is
        // still that process's connection, and ends as that process's.
        QByteArray process = report.process;
        if (process.isEmpty()) {
            const auto previous = m_previous.constFind(report.cookie);
            if (previous != m_previous.constEnd())
                process = previous->process;
        }
        current.insert(report.cookie, {process, report.local, report.remote, report.sample.state, failing});
        if (first || report.process != lastProcess) {
            for (const EndReason reason : {EndReason::Timeout, EndReason::Closed, EndReason::Vanished})
                m_counts.try_emplace({report.process, reason}, 0);
            lastProcess = report.process;
            first = false;
        }
    }
    // The TIME_WAIT 4-tuples, only when something ended.
    QSet<QByteArray> timeWaitTuples;
    bool tuplesRead = false;
    for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it) {
        if (current.contains(it.key()))
            continue;
        const LastSeen &last = it.value();
        if (!tuplesRead) {
            for (const ConnectionReport &report : scan) {
                if (report.sample.state == TcpState::TimeWait)
                    timeWaitTuples.insert(report.local + ' ' + report.remote);
            }
            tuplesRead = true;
        }
        EndReason reason = EndReason::Vanished;
        if (isClosing(last.state) || timeWaitTuples.contains(last.local + ' ' + last.remote))
            reason = EndReason::Closed;
        else if (last.failing)
            reason = EndReason::Timeout;
        ++m_counts[{last.process, reason}];
    }
    m_previous = std::move(current);
}

} // namespace halfopen::exporter
