// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/Host.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by Host.
constexpr QLatin1StringView kNames[] = {
    QLatin1StringView(""),    QLatin1StringView("client"), QLatin1StringView("server"), QLatin1StringView("local"),
    QLatin1StringView("lab"), QLatin1StringView("other"),  QLatin1StringView("peer"),
};
static_assert(std::size(kNames) == size_t(Host::Peer) + 1);

} // namespace

QLatin1StringView hostName(Host host)
{
    return kNames[size_t(host)];
}

std::optional<Host> hostFromName(QStringView name)
{
    return enumFromName<Host>(kNames, name);
}

QStringList hostNames()
{
    QStringList names;
    for (size_t i = 1; i < std::size(kNames); ++i)
        names << kNames[i];
    return names;
}

} // namespace halfopen::core
