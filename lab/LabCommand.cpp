// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabCommand.h"

#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace halfopen::lab {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LabCommand)
};
const QString kCmd = QStringLiteral("cmd");
const QString kConfig = QStringLiteral("config");
const QString kPcap = QStringLiteral("pcap");
const QString kCaptureLimit = QStringLiteral("capture_limit_mb");
const QString kFault = QStringLiteral("fault");
const QString kHost = QStringLiteral("host");
const QString kOptions = QStringLiteral("options");
} // namespace

LabCommand LabCommand::start(const LabConfig &config, const QString &pcapPath, int captureLimitMb)
{
    LabCommand c;
    c.kind = Kind::Start;
    c.config = config;
    c.pcapPath = pcapPath;
    c.captureLimitMb = captureLimitMb;
    return c;
}

LabCommand LabCommand::applying(const Fault &fault)
{
    LabCommand c;
    c.kind = Kind::Fault;
    c.fault = fault;
    return c;
}

LabCommand LabCommand::settingOptions(core::Host host, const core::SocketOptions &options)
{
    LabCommand c;
    c.kind = Kind::Options;
    c.host = host;
    c.options = options;
    return c;
}

LabCommand LabCommand::stop()
{
    return {};
}

QJsonObject LabCommand::toJson() const
{
    switch (kind) {
    case Kind::Start:
        return {{kCmd, QStringLiteral("start")},
                {kConfig, config.toJson()},
                {kPcap, pcapPath},
                {kCaptureLimit, captureLimitMb}};
    case Kind::Fault:
        return {{kCmd, QStringLiteral("fault")}, {kFault, fault.toJson()}};
    case Kind::Options:
        return {{kCmd, QStringLiteral("options")}, {kHost, core::hostName(host)}, {kOptions, options.toJson()}};
    case Kind::Stop:
        break;
    }
    return {{kCmd, QStringLiteral("stop")}};
}

QByteArray LabCommand::toLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<LabCommand> LabCommand::fromJson(const QJsonObject &json, Error *error)
{
    const QString cmd = json.value(kCmd).toString();
    error->labCannotStart = false;
    // Messages start with the command's name: "start.capture_limit_mb: …".
    core::JsonFields fields(json, cmd, &error->message);
    LabCommand c;
    if (cmd == QLatin1String("start")) {
        c.kind = Kind::Start;
        if (!fields.onlyKeys({kCmd, kConfig, kPcap, kCaptureLimit})
            || !fields.integer(kCaptureLimit, CaptureLimit::kMinimumMb, CaptureLimit::kMaximumMb, &c.captureLimitMb)
            || !fields.text(kPcap, &c.pcapPath, 4096))
            return std::nullopt;
        // The lab cannot be built as asked: the supervisor says so as the lab's failure.
        const auto config = LabConfig::fromJson(json.value(kConfig).toObject(), &error->message);
        if (!config) {
            error->labCannotStart = true;
            return std::nullopt;
        }
        c.config = *config;
    } else if (cmd == QLatin1String("fault")) {
        c.kind = Kind::Fault;
        QJsonObject faultJson;
        if (!fields.onlyKeys({kCmd, kFault}) || !fields.object(kFault, &faultJson))
            return std::nullopt;
        const auto fault = Fault::fromJson(faultJson, &error->message);
        if (!fault) {
            error->message.prepend(QStringLiteral("fault."));
            return std::nullopt;
        }
        c.fault = *fault;
    } else if (cmd == QLatin1String("options")) {
        // The endpoint applies them to its open connections and reports them read back.
        c.kind = Kind::Options;
        QJsonObject optionsJson;
        if (!fields.onlyKeys({kCmd, kHost, kOptions}) || !fields.object(kOptions, &optionsJson))
            return std::nullopt;
        c.host = core::hostFromName(json.value(kHost).toString()).value_or(core::Host::None);
        if (!core::isLabSide(c.host)) {
            error->message = Text::tr("options: host must be client or server");
            return std::nullopt;
        }
        const auto options
            = core::SocketOptions::fromJsonStrict(optionsJson, QStringLiteral("options.options"), &error->message);
        if (!options)
            return std::nullopt;
        c.options = *options;
    } else if (cmd == QLatin1String("stop")) {
        c.kind = Kind::Stop;
    } else {
        error->message = Text::tr("unknown command '%1': expected start, fault, options or stop").arg(cmd);
        return std::nullopt;
    }
    return c;
}

} // namespace halfopen::lab
