// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/SocketOptionsReport.h"

#include "core/session/MonotonicClock.h"
#include "core/session/OptionsFields.h"
#include "core/tcp/SocketAddress.h"

namespace halfopen::core {

Event applySocketOptions(int fd, const SocketOptions &requested, Host host, bool *failed, bool live)
{
    const QList<SettingError> failures = requested.applyTo(fd);
    const SocketOptions applied = SocketOptions::readFrom(fd);

    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = monotonicNowUs();
    e.host = host;
    e.what = endpointStepName(EndpointStep::Options);
    const SocketAddress local = SocketAddress::localOf(fd);
    const SocketAddress remote = SocketAddress::peerOf(fd);
    if (local.isValid() && local.port() != 0)
        e.local = local.toString();
    if (remote.isValid())
        e.remote = remote.toString();
    OptionsFields fields;
    fields.requested = requested;
    fields.applied = applied;
    fields.failed = failures;
    fields.live = live;
    e.detail = fields.toDetail();
    if (failed)
        *failed = !failures.isEmpty();
    return e;
}

} // namespace halfopen::core
