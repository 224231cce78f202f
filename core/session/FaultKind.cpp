// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/FaultKind.h"

#include "core/session/NameTable.h"

#include <QStringList>
#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by FaultKind.
constexpr QLatin1StringView kNames[] = {
    QLatin1StringView("unplug"),
    QLatin1StringView("replug"),
    QLatin1StringView("power-off"),
    QLatin1StringView("power-on"),
    QLatin1StringView("reboot"),
    QLatin1StringView("kill-process"),
    QLatin1StringView("freeze-process"),
    QLatin1StringView("thaw-process"),
    QLatin1StringView("close"),
    QLatin1StringView("abort"),
    QLatin1StringView("shutdown-write"),
    QLatin1StringView("send"),
    QLatin1StringView("icmp-unreachable-on"),
    QLatin1StringView("icmp-unreachable-off"),
    QLatin1StringView("loss"),
    QLatin1StringView("delay"),
    QLatin1StringView("nat-timeout"),
    QLatin1StringView("marker"),
};
static_assert(std::size(kNames) == size_t(FaultKind::Marker) + 1);

} // namespace

QLatin1StringView faultKindName(FaultKind kind)
{
    return kNames[size_t(kind)];
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    return enumFromName<FaultKind>(kNames, name);
}

QStringList faultKindNames()
{
    QStringList names;
    for (const QLatin1StringView name : kNames)
        names << name;
    return names;
}

} // namespace halfopen::core
