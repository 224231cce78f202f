// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/CableDirection.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by CableDirection.
constexpr QLatin1StringView kNames[] = {
    QLatin1StringView("both"),
    QLatin1StringView("to-host"),
    QLatin1StringView("from-host"),
};
static_assert(std::size(kNames) == size_t(CableDirection::FromHost) + 1);

} // namespace

QLatin1StringView cableDirectionName(CableDirection direction)
{
    return kNames[size_t(direction)];
}

std::optional<CableDirection> cableDirectionFromName(QStringView name)
{
    return enumFromName<CableDirection>(kNames, name);
}

} // namespace halfopen::core
