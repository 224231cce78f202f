// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QString>

namespace halfopen::realnet {

// Why this machine's endpoint could not listen or connect, for the window: the address, the
// errno's name and meaning, and what usually causes it ("Cannot connect to 192.0.2.7:502:
// ECONNREFUSED (Connection refused). The host is up but nothing listens on that port…").
class EndpointProblem
{
public:
    // From the endpoint's own report: its "listen_failed" step or a failed connect (an error
    // event with operation "connect"). Empty for any other event.
    static QString describe(const core::Event &event);
    // When it ended before saying why: what it printed on stderr, or its exit status.
    static QString fromExit(const QString &standardError, int exitCode, bool crashed);
};

} // namespace halfopen::realnet
