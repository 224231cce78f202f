// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/TimeReference.h"

#include <QCoreApplication>

#include <array>

namespace halfopen::core {

namespace {
struct Names
{
    const char *name;
    const char *description;
};

constexpr std::array<Names, 3> kNames = {{
    {"fault", QT_TRANSLATE_NOOP("TimeReference", "after the fault")},
    {"last_received", QT_TRANSLATE_NOOP("TimeReference", "after the last packet received")},
    {"first_unacked_send", QT_TRANSLATE_NOOP("TimeReference", "after the first unacknowledged send")},
}};
} // namespace

QString timeReferenceName(TimeReference reference)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(reference)].name);
}

std::optional<TimeReference> timeReferenceFromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i].name))
            return static_cast<TimeReference>(i);
    }
    return std::nullopt;
}

QString timeReferenceDescription(TimeReference reference)
{
    return QCoreApplication::translate("TimeReference", kNames[static_cast<size_t>(reference)].description);
}

} // namespace halfopen::core
