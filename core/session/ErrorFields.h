// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/SocketOperation.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::core {

// An error event's fields, typed: what the application was doing when the kernel told it, and
// what its socket looked like then. The endpoints write them with toDetail, whatever reads an
// error reads them with of(); the detail's names, and so the recordings', are spelled here only.
// (The errno and the mechanism are the event's own fields.)
struct ErrorFields
{
    SocketOperation operation = SocketOperation::None; // the call that failed, or the heartbeat
    std::optional<bool> fatal;                         // false: a soft error, the connection lives on; absent on an EOF
    QString message;                                   // the errno's meaning, or what read() == 0 means
    std::optional<double> sinceLastReceivedMs;         // tcpi_last_ack_recv at the error
    std::optional<double> sinceFirstUnackedSendMs;     // from the socket's own counters
    QString stateAfter;                                // the socket's TCP state right after
    std::optional<qint64> synRetransmits;              // a failed connect: SYNs sent again
    std::optional<int> heartbeatMisses;                // a heartbeat death: the misses it took
    std::optional<int> heartbeatIntervalMs;            // and the ping interval

    // Fatal unless it says otherwise: an EOF ends what the application reads.
    bool isFatal() const { return fatal.value_or(true); }

    static ErrorFields of(const Event &error);
    QJsonObject toDetail() const;
};

} // namespace halfopen::core
