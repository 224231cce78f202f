// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/RecordedRun.h"

#include "core/session/RunStepFields.h"

#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"

#include <QMap>
#include <QSysInfo>

namespace halfopen::lab {

namespace {
std::optional<LabConfig> configFrom(QJsonObject json)
{
    json.remove(QStringLiteral("pid")); // hosts_up names the supervisor's process beside the settings
    // The kernel settings are kept as recorded: a real network's are this host's own, which
    // include some the lab would not set (its neighbour timers).
    const QString hostsKey = QStringLiteral("hosts");
    const QString sysctlsKey = QStringLiteral("sysctls");
    QJsonObject hosts = json.value(hostsKey).toObject();
    QMap<QString, QJsonObject> sysctls;
    for (auto it = hosts.begin(); it != hosts.end(); ++it) {
        QJsonObject host = it.value().toObject();
        sysctls.insert(it.key(), host.value(sysctlsKey).toObject());
        host.remove(sysctlsKey);
        it.value() = host;
    }
    json.insert(hostsKey, hosts);
    QString ignored;
    std::optional<LabConfig> config = LabConfig::fromJson(json, &ignored);
    if (!config)
        return std::nullopt;
    for (HostConfig *host : {&config->client, &config->server}) {
        const QJsonObject recorded = sysctls.value(host->name());
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            host->sysctls.insert(
                it.key(), it.value().isDouble() ? QString::number(it.value().toInteger()) : it.value().toString());
    }
    return config;
}
} // namespace

core::Event RecordedRun::event(const Scenario &scenario, qint64 tUs)
{
    return core::Event::labEvent(tUs, core::RunStep::Run,
                                 {{QStringLiteral("scenario"), scenario.name},
                                  {QStringLiteral("title"), scenario.title},
                                  {QStringLiteral("explanation"), scenario.explanation},
                                  {QStringLiteral("lab"), scenario.lab.toJson()},
                                  {QStringLiteral("machine"),
                                   QJsonObject{{QStringLiteral("hostname"), QSysInfo::machineHostName()},
                                               {QStringLiteral("kernel"), QSysInfo::kernelVersion()}}}});
}

std::optional<RecordedRun> RecordedRun::find(const QList<core::Event> &events)
{
    // The latest run: a recording spans runs, each one's events after its own `run`.
    qsizetype at = events.size() - 1;
    for (; at >= 0; --at) {
        if (events.at(at).is(core::RunStep::Run))
            break;
    }
    RecordedRun run;
    if (at >= 0) {
        const QJsonObject d = events.at(at).detail;
        const auto config = configFrom(d.value(QStringLiteral("lab")).toObject());
        if (!config)
            return std::nullopt;
        run.config = *config;
        run.fromRunEvent = true;
        run.scenario = d.value(QStringLiteral("scenario")).toString();
        run.title = d.value(QStringLiteral("title")).toString();
        run.explanation = d.value(QStringLiteral("explanation")).toString();
        const QJsonObject machine = d.value(QStringLiteral("machine")).toObject();
        run.hostName = machine.value(QStringLiteral("hostname")).toString();
        run.kernel = machine.value(QStringLiteral("kernel")).toString();
        // A built-in scenario reads in the reader's language, not the recorder's.
        if (ScenarioCatalog::isBuiltIn(run.scenario)) {
            run.title = ScenarioTexts::title(run.scenario);
            run.explanation = ScenarioTexts::explanation(run.scenario);
        }
    } else {
        for (at = events.size() - 1; at >= 0; --at) {
            if (events.at(at).is(core::RunStep::HostsUp))
                break;
        }
        if (at < 0)
            return std::nullopt;
        const auto config = configFrom(events.at(at).detail);
        if (!config)
            return std::nullopt;
        run.config = *config;
    }
    // The real network's driver says so in its `ready`, with the peer's address.
    for (qsizetype i = qMax<qsizetype>(at, 0); i < events.size(); ++i) {
        const core::Event &e = events.at(i);
        if (e.is(core::RunStep::Ready)) {
            if (const auto real = core::RunStepFields::of(e).realNetwork) {
                run.realNetwork = true;
                run.network = real->network;
            }
            break;
        }
    }
    run.realNetwork = run.realNetwork || run.scenario == QLatin1String("real-network");
    return run;
}

} // namespace halfopen::lab
