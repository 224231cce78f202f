// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/ErrorClassifier.h"

#include <cerrno>

namespace halfopen::core {

DetectionMechanism classifyError(const ErrorContext &c)
{
    switch (c.errnoValue) {
    case ECONNREFUSED:
    case ECONNRESET:
    case EPIPE:
        return DetectionMechanism::Rst;
    case EHOSTUNREACH:
    case EHOSTDOWN:
        return c.neighbourFailed.value_or(false) ? DetectionMechanism::NeighbourUnreachable : DetectionMechanism::Icmp;
    case ENETUNREACH:
    case ENETDOWN:
        return DetectionMechanism::Icmp;
    case ETIMEDOUT:
        break;
    default:
        return DetectionMechanism::LocalError;
    }
    if (c.connecting)
        return DetectionMechanism::SynTimeout;

    // The kernel may already have cleared some counters when the error is read: look at both.
    auto peak = [&](auto field) {
        quint32 value = 0;
        if (c.before)
            value = std::max<quint32>(value, (*c.before).*field);
        if (c.atError)
            value = std::max<quint32>(value, (*c.atError).*field);
        return value;
    };
    const quint32 probes = peak(&TcpInfoSample::probes);
    const quint32 retransmits = std::max(peak(&TcpInfoSample::retransmits), peak(&TcpInfoSample::backoff));
    const quint32 unacked = peak(&TcpInfoSample::unacked);

    // Keepalive only runs with nothing unacknowledged; retransmissions only with data in flight.
    if (probes > 0 && unacked == 0)
        return DetectionMechanism::Keepalive;
    if (retransmits > 0 || unacked > 0)
        return c.options.userTimeoutMs > 0 ? DetectionMechanism::UserTimeout
                                           : DetectionMechanism::RetransmissionTimeout;
    if (c.options.keepalive.enabled)
        return DetectionMechanism::Keepalive;
    return c.options.userTimeoutMs > 0 ? DetectionMechanism::UserTimeout : DetectionMechanism::RetransmissionTimeout;
}

bool isSoftNetworkError(int errnoValue)
{
    return errnoValue == EHOSTUNREACH || errnoValue == ENETUNREACH || errnoValue == EHOSTDOWN || errnoValue == ENETDOWN
        || errnoValue == EPROTO || errnoValue == EMSGSIZE;
}

} // namespace halfopen::core
