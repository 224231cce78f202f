// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/NamespaceSysctls.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::audit {

namespace {

// What the predictor reads, and what explains a socket that set SO_KEEPALIVE alone.
const char *const kNames[] = {
    "tcp_retries1",
    "tcp_retries2",
    "tcp_syn_retries",
    "tcp_synack_retries",
    "tcp_syn_linear_timeouts",
    "tcp_keepalive_time",
    "tcp_keepalive_intvl",
    "tcp_keepalive_probes",
    "tcp_rto_min_us",
    "tcp_rto_max_ms",
    "tcp_fin_timeout",
};

NamespaceSysctls readHere(const QString &dir)
{
    NamespaceSysctls sysctls;
    for (const char *name : kNames) {
        const QString path = dir + QLatin1Char('/') + QLatin1String(name);
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            if (errno != ENOENT) // absent: an older kernel without it
                sysctls.problems << QCoreApplication::translate("NamespaceSysctls", "cannot read %1: %2")
                                        .arg(path, core::ErrnoCatalog::describe(errno));
            continue;
        }
        char text[32];
        const ssize_t n = ::read(fd, text, sizeof text - 1);
        ::close(fd);
        bool ok = false;
        const qint64 value = n > 0 ? QByteArray(text, n).trimmed().toLongLong(&ok) : 0;
        if (ok)
            sysctls.values.append({QStringLiteral("net.ipv4.") + QLatin1String(name), value});
        else
            sysctls.problems
                << QCoreApplication::translate("NamespaceSysctls", "cannot read %1: not a number").arg(path);
    }
    return sysctls;
}

} // namespace

QStringList NamespaceSysctls::names()
{
    QStringList list;
    for (const char *name : kNames)
        list << QStringLiteral("net.ipv4.") + QLatin1String(name);
    return list;
}

std::optional<qint64> NamespaceSysctls::value(const QString &name) const
{
    for (const auto &[key, v] : values) {
        if (key == name)
            return v;
    }
    return std::nullopt;
}

core::KeepaliveSettings NamespaceSysctls::keepaliveDefaults() const
{
    core::KeepaliveSettings k;
    k.enabled = true;
    k.idleS = int(value(QStringLiteral("net.ipv4.tcp_keepalive_time")).value_or(k.idleS));
    k.intervalS = int(value(QStringLiteral("net.ipv4.tcp_keepalive_intvl")).value_or(k.intervalS));
    k.count = int(value(QStringLiteral("net.ipv4.tcp_keepalive_probes")).value_or(k.count));
    return k;
}

void NamespaceSysctls::applyTo(core::PredictionInput *input) const
{
    input->retries2 = int(value(QStringLiteral("net.ipv4.tcp_retries2")).value_or(input->retries2));
    input->synRetries = int(value(QStringLiteral("net.ipv4.tcp_syn_retries")).value_or(input->synRetries));
    input->synLinearTimeouts
        = int(value(QStringLiteral("net.ipv4.tcp_syn_linear_timeouts")).value_or(input->synLinearTimeouts));
    input->rtoMaxMs = int(value(QStringLiteral("net.ipv4.tcp_rto_max_ms")).value_or(input->rtoMaxMs));
    if (const auto minUs = value(QStringLiteral("net.ipv4.tcp_rto_min_us")))
        input->rtoMinMs = std::max(1, int((*minUs + 500) / 1000));
}

NamespaceSysctls NamespaceSysctls::read(int netnsFd, QString *error, const QString &procSysNetIpv4)
{
    if (netnsFd < 0)
        return readHere(procSysNetIpv4);
    // /proc/sys/net answers for the namespace of the thread that opens the file.
    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0 || ::setns(netnsFd, CLONE_NEWNET) != 0) {
        const int saved = errno;
        if (home >= 0)
            ::close(home);
        if (error)
            *error = QCoreApplication::translate("NamespaceSysctls",
                                                 "cannot enter the network namespace to read its sysctls: %1")
                         .arg(core::ErrnoCatalog::describe(saved));
        return {};
    }
    NamespaceSysctls sysctls = readHere(procSysNetIpv4);
    if (::setns(home, CLONE_NEWNET) != 0)
        qFatal("NamespaceSysctls: cannot return to the original network namespace: %s",
               qPrintable(core::ErrnoCatalog::describe(errno)));
    ::close(home);
    return sysctls;
}

} // namespace halfopen::audit
