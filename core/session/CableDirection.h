// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <optional>

namespace halfopen::core {

// Which way an unplugged (or replugged) cable end drops frames, relative to the host the fault
// names: frames leaving it, frames towards it, or both. A fault event's `direction`.
enum class CableDirection : quint8 { Both, ToHost, FromHost };

QLatin1StringView cableDirectionName(CableDirection direction); // "both", "to-host", "from-host"
std::optional<CableDirection> cableDirectionFromName(QStringView name);

} // namespace halfopen::core
