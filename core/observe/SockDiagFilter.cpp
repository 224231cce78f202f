// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SockDiagFilter.h"

#include <QCoreApplication>
#include <QStringList>

#include <linux/inet_diag.h>

namespace halfopen::core {

quint32 SockDiagFilter::stateBit(TcpState state)
{
    quint32 bit = 1u << static_cast<int>(state);
    if (state == TcpState::SynRecv || state == TcpState::NewSynRecv)
        bit |= (1u << int(TcpState::SynRecv)) | (1u << int(TcpState::NewSynRecv));
    return bit;
}

void SockDiagFilter::onlyStates(std::initializer_list<TcpState> wanted)
{
    states = 0;
    for (TcpState state : wanted)
        states |= stateBit(state);
}

std::optional<quint32> SockDiagFilter::statesFromNames(const QString &text, QString *error)
{
    quint32 bits = 0;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto state = tcpStateFromName(part.trimmed());
        if (!state || *state == TcpState::Unknown) {
            if (error) {
                QStringList names;
                for (int s = int(TcpState::Established); s <= int(TcpState::NewSynRecv); ++s)
                    names << tcpStateName(TcpState(s));
                *error = QCoreApplication::translate(
                             "SockDiagFilter",
                             "unknown state '%1': allowed %2 (or ss's names: ESTAB, TIME-WAIT, ...), comma-separated")
                             .arg(part.trimmed(), names.join(QStringLiteral(", ")));
            }
            return std::nullopt;
        }
        bits |= stateBit(*state);
    }
    if (bits == 0) {
        if (error)
            *error = QCoreApplication::translate(
                "SockDiagFilter", "no state given: allowed a TCP state name such as ESTABLISHED or TIME_WAIT");
        return std::nullopt;
    }
    return bits;
}

QByteArray SockDiagFilter::bytecode() const
{
    if (!port)
        return {};
    // ss's shape for "sport = :N or dport = :N". A comparison is two ops (the second holds the
    // port in `no`); `yes` steps to the next op, `no` jumps 4 bytes past the remaining program,
    // which means "reject" at the end and "try the next alternative" before the JMP:
    //   0: S_EQ yes 8 no 12 | 4: port | 8: JMP yes 4 no 12 | 12: D_EQ yes 8 no 12 | 16: port
    // The kernel accepts when the walk ends exactly at the end (inet_diag_bc_run).
    const inet_diag_bc_op program[] = {
        {INET_DIAG_BC_S_EQ, 8, 12}, {0, 0, *port}, {INET_DIAG_BC_JMP, 4, 12}, {INET_DIAG_BC_D_EQ, 8, 12}, {0, 0, *port},
    };
    return QByteArray(reinterpret_cast<const char *>(program), sizeof program);
}

} // namespace halfopen::core
