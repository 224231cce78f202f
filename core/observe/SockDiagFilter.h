// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace halfopen::core {

// What a sock_diag dump asks the kernel for. Both filters travel in the request so the kernel
// skips the sockets we do not want instead of copying them to us: states as the idiag_states
// bitmask, the port as INET_DIAG_REQ_BYTECODE "sport == N or dport == N".
struct SockDiagFilter
{
    static constexpr quint32 kAllStates = (1u << 13) - 1; // TCP_ESTABLISHED .. TCP_NEW_SYN_RECV

    quint32 states = kAllStates;
    std::optional<quint16> port;

    // SYN_RECV also selects NEW_SYN_RECV: the kernel keeps half-open connections as request
    // sockets in that state and reports them as SYN_RECV, as ss shows them.
    static quint32 stateBit(TcpState state);
    void onlyStates(std::initializer_list<TcpState> wanted);

    // Parses "ESTABLISHED", "time-wait", "ESTAB,LISTEN" (our names or ss's, any case).
    // Returns nullopt and names the unknown state and the allowed names in *error.
    static std::optional<quint32> statesFromNames(const QString &text, QString *error);

    // The bytecode for the port filter (empty without one), in the kernel's
    // inet_diag_bc_op layout; ports are in host order, as the kernel compares them.
    QByteArray bytecode() const;
};

} // namespace halfopen::core
