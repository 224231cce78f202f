// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringView>
#include <cstddef>
#include <optional>

namespace halfopen::core {

// The value of an enum whose names are listed in its order: `names[i]` names `Enum(i)`. The
// vocabularies of the spine (PacketClass, FaultKind, ...) are such tables.
template<typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const QLatin1StringView (&names)[N], QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == names[i])
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace halfopen::core
