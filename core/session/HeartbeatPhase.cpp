// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/HeartbeatPhase.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {
// Indexed by HeartbeatPhase.
constexpr QLatin1StringView kNames[]
    = {QLatin1StringView("sent"), QLatin1StringView("answered"), QLatin1StringView("received"),
       QLatin1StringView("missed"), QLatin1StringView("dead")};
static_assert(std::size(kNames) == size_t(HeartbeatPhase::Dead) + 1);
} // namespace

QLatin1StringView heartbeatPhaseName(HeartbeatPhase phase)
{
    return kNames[size_t(phase)];
}

std::optional<HeartbeatPhase> heartbeatPhaseFromName(QStringView name)
{
    return enumFromName<HeartbeatPhase>(kNames, name);
}

} // namespace halfopen::core
