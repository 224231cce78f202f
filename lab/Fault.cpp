// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/Fault.h"

#include "core/tcp/JsonFields.h"
#include "lab/LabConfig.h"

#include <QCoreApplication>
#include <QStringList>

namespace halfopen::lab {

core::FaultFields Fault::fields() const
{
    return {kind, host, direction, value, jitterMs, reset};
}

std::optional<core::EndpointCommand> applicationCommand(const Fault &fault)
{
    core::EndpointCommand command;
    switch (fault.kind) {
    case FaultKind::Close:
        command.kind = core::EndpointCommand::Kind::Close;
        return command;
    case FaultKind::Abort:
        command.kind = core::EndpointCommand::Kind::Abort;
        return command;
    case FaultKind::ShutdownWrite:
        command.kind = core::EndpointCommand::Kind::ShutdownWrite;
        return command;
    case FaultKind::Send:
        command.kind = core::EndpointCommand::Kind::Send;
        command.bytes = fault.value > 0 ? int(fault.value) : 100; // fromJson bounds it
        return command;
    default:
        return std::nullopt;
    }
}

std::optional<Fault> Fault::fromJson(const QJsonObject &j, QString *error)
{
    // Every message starts with the field it is about ("value: ..."): a scenario puts its step's
    // path before it, the supervisor sends it back as it is.
    core::JsonFields fields(j, QString(), error);
    if (!fields.onlyKeys({QStringLiteral("fault"), QStringLiteral("host"), QStringLiteral("direction"),
                          QStringLiteral("value"), QStringLiteral("jitter_ms"), QStringLiteral("reset")}))
        return std::nullopt;
    Fault f;
    const QString kindName = j.value(QStringLiteral("fault")).toString();
    const auto kind = faultKindFromName(kindName);
    if (!kind) {
        const QStringList names = core::faultKindNames();
        fields.fail(QStringLiteral("fault"),
                    QCoreApplication::translate("Fault", "fault '%1' is unknown: expected one of %2")
                        .arg(j.contains(QStringLiteral("fault")) && !j.value(QStringLiteral("fault")).isString()
                                 ? core::JsonFields::describe(j.value(QStringLiteral("fault")))
                                 : kindName,
                             names.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    f.kind = *kind;
    QString host;
    QString direction = cableDirectionName(f.direction);
    if (!fields.text(QStringLiteral("host"), &host, 64) || !fields.text(QStringLiteral("direction"), &direction, 64))
        return std::nullopt;
    f.host = core::hostFromName(host).value_or(Host::Other);
    if (f.host != Host::None && !core::isLabSide(f.host)) {
        fields.fail(QStringLiteral("host"),
                    QCoreApplication::translate("Fault", "must be client or server, not '%1'").arg(host));
        return std::nullopt;
    }
    const auto parsedDirection = cableDirectionFromName(direction);
    if (!parsedDirection) {
        fields.fail(QStringLiteral("direction"),
                    QCoreApplication::translate("Fault", "direction must be both, to-host or from-host"));
        return std::nullopt;
    }
    f.direction = *parsedDirection;
    // Each fault's value has its own unit and range; the others take none.
    bool ok = true;
    switch (f.kind) {
    case FaultKind::Loss:
        ok = fields.number(QStringLiteral("value"), 0, 100, &f.value);
        break;
    case FaultKind::Delay:
        ok = fields.number(QStringLiteral("value"), 0, kMaxCableDelayMs, &f.value)
            && fields.number(QStringLiteral("jitter_ms"), 0, kMaxCableDelayMs, &f.jitterMs);
        break;
    case FaultKind::NatTimeout:
        ok = fields.number(QStringLiteral("value"), 0, kMaxNatTimeoutS, &f.value)
            && fields.boolean(QStringLiteral("reset"), &f.reset);
        break;
    case FaultKind::Reboot:
        ok = fields.number(QStringLiteral("value"), 0, kMaxRebootS, &f.value);
        break;
    case FaultKind::Send: {
        qint64 bytes = 0;
        ok = fields.integer64(QStringLiteral("value"), 0, qint64(kMaxSendBytes), &bytes);
        f.value = double(bytes);
        break;
    }
    default:
        if (j.contains(QStringLiteral("value")) && j.value(QStringLiteral("value")) != QJsonValue(0))
            ok = fields.fail(QStringLiteral("value"),
                             QCoreApplication::translate("Fault", "%1 takes no value").arg(kindName));
        break;
    }
    if (ok && f.kind != FaultKind::Delay && j.contains(QStringLiteral("jitter_ms")))
        ok = fields.fail(QStringLiteral("jitter_ms"),
                         QCoreApplication::translate("Fault", "only a delay fault has a jitter"));
    if (ok && f.kind != FaultKind::NatTimeout && j.contains(QStringLiteral("reset")))
        ok = fields.fail(QStringLiteral("reset"),
                         QCoreApplication::translate("Fault", "only a nat-timeout fault has reset"));
    if (!ok)
        return std::nullopt;
    return f;
}

} // namespace halfopen::lab
