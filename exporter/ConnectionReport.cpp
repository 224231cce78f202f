// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/ConnectionReport.h"

#include <algorithm>

namespace halfopen::exporter {

using core::TcpTimer;

QByteArray riskName(Risk risk)
{
    switch (risk) {
    case Risk::Unknown:
        return QByteArrayLiteral("unknown");
    case Risk::Ok:
        return QByteArrayLiteral("ok");
    case Risk::Slow:
        return QByteArrayLiteral("slow");
    case Risk::HalfOpenForever:
        return QByteArrayLiteral("half-open-forever");
    case Risk::NotAssessed:
        break;
    }
    return {};
}

bool ConnectionReport::suspectedDeadPeer() const
{
    if (!hasTcpInfo)
        return false;
    if (sample.unacked > 0 && sample.backoff >= 3)
        return true;
    // tcpi_probes also counts zero-window probes (the persist timer): those have a live peer.
    if (sample.probes > 0)
        return sample.timerKnown ? sample.timer == TcpTimer::Keepalive : sample.unacked == 0 && sample.sendQ == 0;
    return false;
}

std::optional<double> ConnectionReport::secondsSinceLastReceived() const
{
    if (!hasTcpInfo)
        return std::nullopt;
    // The kernel's keepalive counts from the later of the last data and the last ACK received.
    return std::min(sample.lastDataRecvMs, sample.lastAckRecvMs) / 1000.0;
}

} // namespace halfopen::exporter
