// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ConnectionOptions.h"

#include "audit/SocketOptionsProbe.h"

#include <QFile>

#include <cerrno>

namespace halfopen::hostfault {

namespace {

int sysctlValue(const char *name, int fallback)
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return fallback;
    bool ok = false;
    const int value = file.readAll().trimmed().toInt(&ok);
    return ok ? value : fallback;
}

} // namespace

std::optional<core::SocketOptions> readConnectionOptions(const TargetConnection &target, int *errnoValue)
{
    if (target.pid <= 0 || target.fd < 0) {
        if (errnoValue)
            *errnoValue = ESRCH;
        return std::nullopt;
    }
    // The audit's probe: one pidfd_getfd copy, read-only getsockopt, and a check that the
    // descriptor still names this socket's inode.
    audit::SocketOptionsProbe probe;
    audit::SocketDeadPeerOptions read;
    if (const int err = probe.read(target.pid, target.fd, target.inode, &read)) {
        if (errnoValue)
            *errnoValue = err;
        return std::nullopt;
    }
    core::SocketOptions options;
    options.keepalive.enabled = read.keepalive;
    options.keepalive.idleS = read.idleS;
    options.keepalive.intervalS = read.intervalS;
    options.keepalive.count = read.count;
    options.userTimeoutMs = read.userTimeoutMs;
    return options;
}

core::PredictionInput predictionInputFor(const TargetConnection &target,
                                         const std::optional<core::SocketOptions> &options)
{
    core::PredictionInput input;
    if (options) {
        input.keepalive = options->keepalive;
        input.userTimeoutMs = options->userTimeoutMs;
    } else {
        input.keepalive.enabled = false;
    }
    input.retries2 = sysctlValue("tcp_retries2", input.retries2);
    input.synRetries = sysctlValue("tcp_syn_retries", input.synRetries);
    if (target.sample.rttUs > 0)
        input.rttMs = target.sample.rttUs / 1000.0;
    return input;
}

} // namespace halfopen::hostfault
