// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/EventSteps.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by EndpointStep.
constexpr QLatin1StringView kEndpointSteps[] = {
    QLatin1StringView("listening"), QLatin1StringView("listen_failed"),  QLatin1StringView("connecting"),
    QLatin1StringView("connected"), QLatin1StringView("accepted"),       QLatin1StringView("options"),
    QLatin1StringView("sent"),      QLatin1StringView("shutdown_write"), QLatin1StringView("closed"),
};
static_assert(std::size(kEndpointSteps) == size_t(EndpointStep::Closed) + 1);

// Indexed by RunStep.
constexpr QLatin1StringView kRunSteps[] = {
    QLatin1StringView("run"),
    QLatin1StringView("hosts_up"),
    QLatin1StringView("ready"),
    QLatin1StringView("failed"),
    QLatin1StringView("stopped"),
    QLatin1StringView("command_error"),
    QLatin1StringView("fault_failed"),
    QLatin1StringView("capture_failed"),
    QLatin1StringView("capture_trimmed"),
    QLatin1StringView("capture_unavailable"),
    QLatin1StringView("endpoint_exited"),
};
static_assert(std::size(kRunSteps) == size_t(RunStep::EndpointExited) + 1);

} // namespace

QLatin1StringView endpointStepName(EndpointStep step)
{
    return kEndpointSteps[size_t(step)];
}

std::optional<EndpointStep> endpointStepFromName(QStringView name)
{
    return enumFromName<EndpointStep>(kEndpointSteps, name);
}

QLatin1StringView runStepName(RunStep step)
{
    return kRunSteps[size_t(step)];
}

std::optional<RunStep> runStepFromName(QStringView name)
{
    return enumFromName<RunStep>(kRunSteps, name);
}

} // namespace halfopen::core
