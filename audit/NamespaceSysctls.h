// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/PredictionInput.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace halfopen::audit {

// The TCP sysctls of one network namespace that decide detection times, read inside that
// namespace (net.ipv4 sysctls are per namespace: a container may have its own tcp_retries2).
struct NamespaceSysctls
{
    // ("net.ipv4.tcp_retries2", 15), in a fixed order; a sysctl this kernel lacks is absent.
    QList<QPair<QString, qint64>> values;
    QStringList problems; // a sysctl that could not be read, with the reason

    std::optional<qint64> value(const QString &name) const;

    // The namespace's part of a prediction input: tcp_retries2, tcp_syn_retries,
    // tcp_syn_linear_timeouts, tcp_rto_max_ms, tcp_rto_min_us, and the keepalive defaults a
    // socket gets when it sets SO_KEEPALIVE alone.
    void applyTo(core::PredictionInput *input) const;
    core::KeepaliveSettings keepaliveDefaults() const;

    // Reads them in the caller's namespace (netnsFd < 0) or inside another (setns on this
    // thread and back: needs CAP_SYS_ADMIN over it). `procSysNetIpv4` lets tests point
    // elsewhere. False with *error when the namespace cannot be entered.
    static NamespaceSysctls read(int netnsFd, QString *error,
                                 const QString &procSysNetIpv4 = QStringLiteral("/proc/sys/net/ipv4"));
    static QStringList names();
};

} // namespace halfopen::audit
