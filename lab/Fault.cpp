#include "lab/Fault.h"

#include <QCoreApplication>
#include <QStringList>
#include <array>

namespace halfopen::lab {

namespace {
constexpr std::array<const char *, 18> kKindNames = {
    "unplug", "replug", "power-off", "power-on", "reboot", "kill-process", "freeze-process",
    "thaw-process", "close", "abort", "shutdown-write", "send", "icmp-unreachable-on",
    "icmp-unreachable-off", "loss", "delay", "nat-timeout", "marker",
};
constexpr std::array<const char *, 3> kDirectionNames = {"both", "to-host", "from-host"};
} // namespace

QString faultKindName(FaultKind kind)
{
    return QString::fromLatin1(kKindNames[static_cast<size_t>(kind)]);
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    for (size_t i = 0; i < kKindNames.size(); ++i) {
        if (name == QLatin1String(kKindNames[i]))
            return static_cast<FaultKind>(i);
    }
    return std::nullopt;
}

QString cableDirectionName(CableDirection direction)
{
    return QString::fromLatin1(kDirectionNames[static_cast<size_t>(direction)]);
}

std::optional<CableDirection> cableDirectionFromName(QStringView name)
{
    for (size_t i = 0; i < kDirectionNames.size(); ++i) {
        if (name == QLatin1String(kDirectionNames[i]))
            return static_cast<CableDirection>(i);
    }
    return std::nullopt;
}

QJsonObject Fault::toJson() const
{
    QJsonObject j{{QStringLiteral("fault"), faultKindName(kind)}};
    if (!host.isEmpty())
        j.insert(QStringLiteral("host"), host);
    if (direction != CableDirection::Both)
        j.insert(QStringLiteral("direction"), cableDirectionName(direction));
    if (value != 0)
        j.insert(QStringLiteral("value"), value);
    if (jitterMs != 0)
        j.insert(QStringLiteral("jitter_ms"), jitterMs);
    if (reset)
        j.insert(QStringLiteral("reset"), true);
    return j;
}

std::optional<Fault> Fault::fromJson(const QJsonObject &j, QString *error)
{
    Fault f;
    const QString kindName = j.value(QStringLiteral("fault")).toString();
    const auto kind = faultKindFromName(kindName);
    if (!kind) {
        QStringList names;
        for (const char *n : kKindNames)
            names << QString::fromLatin1(n);
        *error = QCoreApplication::translate("Fault", "fault '%1' is unknown: expected one of %2").arg(kindName, names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    f.kind = *kind;
    f.host = j.value(QStringLiteral("host")).toString();
    if (j.contains(QStringLiteral("direction"))) {
        const auto direction = cableDirectionFromName(j.value(QStringLiteral("direction")).toString());
        if (!direction) {
            *error = QCoreApplication::translate("Fault", "direction must be both, to-host or from-host");
            return std::nullopt;
        }
        f.direction = *direction;
    }
    f.value = j.value(QStringLiteral("value")).toDouble();
    f.jitterMs = j.value(QStringLiteral("jitter_ms")).toDouble();
    f.reset = j.value(QStringLiteral("reset")).toBool();
    if (f.kind == FaultKind::Loss && (f.value < 0 || f.value > 100)) {
        *error = QCoreApplication::translate("Fault", "loss must be between 0 and 100 percent");
        return std::nullopt;
    }
    if ((f.kind == FaultKind::Delay || f.kind == FaultKind::NatTimeout || f.kind == FaultKind::Reboot) && f.value < 0) {
        *error = QCoreApplication::translate("Fault", "%1 value must not be negative").arg(kindName);
        return std::nullopt;
    }
    return f;
}

} // namespace halfopen::lab
