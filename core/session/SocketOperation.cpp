// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/SocketOperation.h"

#include "core/session/NameTable.h"

#include <iterator>

namespace halfopen::core {

namespace {

// Indexed by SocketOperation.
constexpr QLatin1StringView kNames[] = {
    QLatin1StringView(""),     QLatin1StringView("connect"),  QLatin1StringView("accept"),    QLatin1StringView("send"),
    QLatin1StringView("recv"), QLatin1StringView("shutdown"), QLatin1StringView("heartbeat"),
};
static_assert(std::size(kNames) == size_t(SocketOperation::Heartbeat) + 1);

} // namespace

QLatin1StringView socketOperationName(SocketOperation operation)
{
    return kNames[size_t(operation)];
}

std::optional<SocketOperation> socketOperationFromName(QStringView name)
{
    return enumFromName<SocketOperation>(kNames, name);
}

} // namespace halfopen::core
