// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ConnectionOptions.h"

#include <QFile>

#include <sys/syscall.h>
#include <unistd.h>

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
    const int pidfd = int(::syscall(SYS_pidfd_open, pid_t(target.pid), 0));
    if (pidfd < 0) {
        if (errnoValue)
            *errnoValue = errno;
        return std::nullopt;
    }
    const int copy = int(::syscall(SYS_pidfd_getfd, pidfd, target.fd, 0));
    const int getfdErrno = errno;
    ::close(pidfd);
    if (copy < 0) {
        if (errnoValue)
            *errnoValue = getfdErrno;
        return std::nullopt;
    }
    // The descriptor may have been reused between the lookup and now: it must still be the
    // socket we chose.
    const core::SocketAddress local = core::SocketAddress::localOf(copy);
    const bool same = local.isValid() && local.toString() == target.local.toString();
    std::optional<core::SocketOptions> options;
    if (same)
        options = core::SocketOptions::readFrom(copy);
    else if (errnoValue)
        *errnoValue = EBADF;
    ::close(copy);
    return options;
}

core::PredictionInput predictionInputFor(const TargetConnection &target, const std::optional<core::SocketOptions> &options)
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
