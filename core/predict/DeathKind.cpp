// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/DeathKind.h"

#include <QCoreApplication>

#include <array>

namespace halfopen::core {

namespace {
struct Names
{
    const char *name;
    const char *title;
};

constexpr std::array<Names, 7> kNames = {{
    {"idle_peer_powered_off", QT_TRANSLATE_NOOP("DeathKind", "idle peer powered off")},
    {"peer_unplugged_data_in_flight", QT_TRANSLATE_NOOP("DeathKind", "peer unplugged, data in flight")},
    {"connect_to_powered_off_host", QT_TRANSLATE_NOOP("DeathKind", "connect to a powered-off host")},
    {"peer_process_killed", QT_TRANSLATE_NOOP("DeathKind", "peer process killed")},
    {"peer_rebooted", QT_TRANSLATE_NOOP("DeathKind", "peer rebooted, then we send")},
    {"peer_process_frozen", QT_TRANSLATE_NOOP("DeathKind", "peer process frozen")},
    {"peer_rebooted_idle", QT_TRANSLATE_NOOP("DeathKind", "peer rebooted, we stay idle (found by a probe)")},
}};
} // namespace

static_assert(kNames.size() == size_t(kDeathKindCount), "one name per kind of death");

QList<DeathKind> allDeathKinds()
{
    QList<DeathKind> kinds;
    for (size_t i = 0; i < kNames.size(); ++i)
        kinds.append(static_cast<DeathKind>(i));
    return kinds;
}

QString deathKindName(DeathKind kind)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(kind)].name);
}

std::optional<DeathKind> deathKindFromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i].name))
            return static_cast<DeathKind>(i);
    }
    return std::nullopt;
}

QString deathKindTitle(DeathKind kind)
{
    return QCoreApplication::translate("DeathKind", kNames[static_cast<size_t>(kind)].title);
}

} // namespace halfopen::core
