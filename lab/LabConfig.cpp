// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabConfig.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "core/tcp/JsonFields.h"

#include <cmath>

namespace halfopen::lab {

using core::EndpointConfig;

namespace {

struct SysctlRange
{
    const char *name;
    int minimum;
    int maximum;
};

// The per-namespace TCP settings that matter for detection, with the kernel's accepted ranges.
constexpr SysctlRange kSysctls[] = {
    {"net.ipv4.tcp_retries2", 0, 255},
    {"net.ipv4.tcp_retries1", 0, 255},
    {"net.ipv4.tcp_syn_retries", 1, 127},
    {"net.ipv4.tcp_synack_retries", 0, 255},
    {"net.ipv4.tcp_keepalive_time", 1, 32767},
    {"net.ipv4.tcp_keepalive_intvl", 1, 32767},
    {"net.ipv4.tcp_keepalive_probes", 1, 127},
    {"net.ipv4.tcp_fin_timeout", 1, 600},
    {"net.ipv4.tcp_orphan_retries", 0, 255},
    // The neighbour (ARP) timers of the host's cable interface, for "arp": true: they decide
    // when a dead peer's entry fails (see core/predict/NeighbourRun.h).
    {"net.ipv4.neigh.eth0.base_reachable_time_ms", 1, 86400000},
    {"net.ipv4.neigh.eth0.delay_first_probe_time", 0, 86400},
    {"net.ipv4.neigh.eth0.ucast_solicit", 0, 255},
    {"net.ipv4.neigh.eth0.mcast_solicit", 0, 255},
    {"net.ipv4.neigh.eth0.retrans_time_ms", 10, 86400000},
};

// lupdate takes the context from this class: the strings below are "LabConfig"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LabConfig)
};

bool readHost(const QJsonObject &j, const QString &path, HostConfig *host, QString *error)
{
    core::JsonFields f(j, path, error);
    if (!f.onlyKeys({QStringLiteral("role"), QStringLiteral("address"), QStringLiteral("port"),
                     QStringLiteral("keepalive"), QStringLiteral("user_timeout_ms"), QStringLiteral("linger_abort"),
                     QStringLiteral("nodelay"), QStringLiteral("recverr"), QStringLiteral("heartbeat"),
                     QStringLiteral("traffic"), QStringLiteral("keep_after_eof"), QStringLiteral("reconnect"),
                     QStringLiteral("powered_off"), QStringLiteral("sysctls")}))
        return false;
    QString role;
    if (!f.text(QStringLiteral("role"), &role))
        return false;
    if (f.has(QStringLiteral("role"))) {
        if (role == QLatin1String("server"))
            host->role = HostConfig::Role::Server;
        else if (role == QLatin1String("client"))
            host->role = HostConfig::Role::Client;
        else if (role == QLatin1String("none"))
            host->role = HostConfig::Role::None;
        else
            return f.fail(QStringLiteral("role"), Text::tr("must be server, client or none"));
    }
    // The lab's addresses are fixed; a configuration read back from a run names them.
    QString address = host->address;
    if (!f.text(QStringLiteral("address"), &address))
        return false;
    if (address != host->address)
        return f.fail(QStringLiteral("address"), Text::tr("is fixed in the lab: %1").arg(host->address));
    int port = host->port;
    if (!f.integer(QStringLiteral("port"), 1, 65535, &port))
        return false;
    host->port = quint16(port);

    core::SocketOptions &o = host->endpoint.options;
    QJsonObject keepalive;
    if (!f.object(QStringLiteral("keepalive"), &keepalive))
        return false;
    if (f.has(QStringLiteral("keepalive"))) {
        core::JsonFields k(keepalive, f.pathOf(QStringLiteral("keepalive")), error);
        o.keepalive.enabled = true;
        if (!k.onlyKeys({QStringLiteral("enabled"), QStringLiteral("idle_s"), QStringLiteral("interval_s"),
                         QStringLiteral("count")})
            || !k.boolean(QStringLiteral("enabled"), &o.keepalive.enabled)
            || !k.integer(QStringLiteral("idle_s"), 1, core::KeepaliveSettings::kMaxIdleS, &o.keepalive.idleS)
            || !k.integer(QStringLiteral("interval_s"), 1, core::KeepaliveSettings::kMaxIntervalS,
                          &o.keepalive.intervalS)
            || !k.integer(QStringLiteral("count"), 1, core::KeepaliveSettings::kMaxCount, &o.keepalive.count))
            return false;
    }
    if (!f.integer(QStringLiteral("user_timeout_ms"), 0, core::SocketOptions::kMaxUserTimeoutMs, &o.userTimeoutMs)
        || !f.boolean(QStringLiteral("linger_abort"), &o.lingerAbort)
        || !f.boolean(QStringLiteral("nodelay"), &o.noDelay) || !f.boolean(QStringLiteral("recverr"), &o.recvErr))
        return false;
    if (const QList<core::SettingError> problems = o.validate(); !problems.isEmpty())
        return f.fail(problems.first().field, problems.first().message);

    core::HeartbeatSettings &h = host->endpoint.heartbeat;
    h.sends = host->role == HostConfig::Role::Client;
    QJsonObject heartbeat;
    if (!f.object(QStringLiteral("heartbeat"), &heartbeat))
        return false;
    if (f.has(QStringLiteral("heartbeat"))) {
        core::JsonFields hb(heartbeat, f.pathOf(QStringLiteral("heartbeat")), error);
        h.enabled = true;
        QString sends = h.sends ? QStringLiteral("send") : QStringLiteral("answer");
        if (!hb.onlyKeys({QStringLiteral("enabled"), QStringLiteral("interval_ms"), QStringLiteral("misses"),
                          QStringLiteral("role")})
            || !hb.boolean(QStringLiteral("enabled"), &h.enabled)
            || !hb.integer(QStringLiteral("interval_ms"), 1, core::HeartbeatSettings::kMaxIntervalMs, &h.intervalMs)
            || !hb.integer(QStringLiteral("misses"), 1, core::HeartbeatSettings::kMaxMisses, &h.misses)
            || !hb.text(QStringLiteral("role"), &sends))
            return false;
        if (sends != QLatin1String("send") && sends != QLatin1String("answer"))
            return hb.fail(QStringLiteral("role"), Text::tr("must be send or answer"));
        h.sends = sends == QLatin1String("send");
    }
    QString traffic;
    if (!f.text(QStringLiteral("traffic"), &traffic))
        return false;
    if (f.has(QStringLiteral("traffic"))) {
        QString trafficError;
        if (!core::TrafficPattern::parse(traffic, &host->endpoint.traffic, &trafficError))
            return f.fail(QStringLiteral("traffic"), trafficError);
    }
    bool keepAfterEof = !host->endpoint.closeOnEof;
    if (!f.boolean(QStringLiteral("keep_after_eof"), &keepAfterEof)
        || !f.boolean(QStringLiteral("reconnect"), &host->reconnect)
        || !f.boolean(QStringLiteral("powered_off"), &host->poweredOff))
        return false;
    host->endpoint.closeOnEof = !keepAfterEof;
    QJsonObject sysctls;
    if (!f.object(QStringLiteral("sysctls"), &sysctls))
        return false;
    for (auto it = sysctls.begin(); it != sysctls.end(); ++it) {
        // Whole JSON numbers only: 5.7 must not become 5, nor "5" pass as a number.
        const QJsonValue v = it.value();
        QString value;
        if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::floor(v.toDouble())
            && std::abs(v.toDouble()) < 1e9)
            value = QString::number(qint64(v.toDouble()));
        QString why;
        if (!isAllowedSysctl(it.key(), value, &why, core::JsonFields::describe(v)))
            return f.fail(QStringLiteral("sysctls.%1").arg(it.key()), why);
        host->sysctls.insert(it.key(), value);
    }
    return true;
}

} // namespace

bool isAllowedSysctl(const QString &name, const QString &value, QString *error, const QString &given)
{
    for (const SysctlRange &s : kSysctls) {
        if (name != QLatin1String(s.name))
            continue;
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < s.minimum || v > s.maximum) {
            *error = core::JsonFields::wholeNumberRule(s.minimum, s.maximum, given.isEmpty() ? value : given);
            return false;
        }
        return true;
    }
    QStringList names;
    for (const SysctlRange &s : kSysctls)
        names << QString::fromLatin1(s.name);
    *error
        = Text::tr("is not a per-namespace setting the lab changes; allowed: %1").arg(names.join(QStringLiteral(", ")));
    return false;
}

QStringList HostConfig::cliArguments(const QString &serverAddress) const
{
    QStringList args;
    if (role == Role::Server)
        args << QStringLiteral("serve") << QStringLiteral("--listen") << QStringLiteral("%1:%2").arg(address).arg(port);
    else
        args << QStringLiteral("connect") << QStringLiteral("%1:%2").arg(serverAddress).arg(port);
    const core::SocketOptions &o = endpoint.options;
    if (o.keepalive.enabled)
        args << QStringLiteral("--keepalive")
             << QStringLiteral("%1,%2,%3").arg(o.keepalive.idleS).arg(o.keepalive.intervalS).arg(o.keepalive.count);
    if (o.userTimeoutMs > 0)
        args << QStringLiteral("--user-timeout") << QString::number(o.userTimeoutMs);
    if (o.lingerAbort)
        args << QStringLiteral("--linger-abort");
    if (o.noDelay)
        args << QStringLiteral("--nodelay");
    if (o.recvErr)
        args << QStringLiteral("--recverr");
    const core::HeartbeatSettings &h = endpoint.heartbeat;
    if (h.enabled)
        args << QStringLiteral("--heartbeat") << QStringLiteral("%1,%2").arg(h.intervalMs).arg(h.misses)
             << QStringLiteral("--heartbeat-role") << (h.sends ? QStringLiteral("send") : QStringLiteral("answer"));
    args << QStringLiteral("--traffic") << endpoint.traffic.toString();
    if (!endpoint.closeOnEof)
        args << QStringLiteral("--keep-after-eof");
    args << QStringLiteral("--name") << name();
    args << QStringLiteral("--sample-hz") << QString::number(1000 / std::max(1, endpoint.sampleIntervalMs));
    return args;
}

QJsonObject HostConfig::toJson() const
{
    const core::SocketOptions &o = endpoint.options;
    QJsonObject j{
        {QStringLiteral("role"),
         role == Role::Server       ? QStringLiteral("server")
             : role == Role::Client ? QStringLiteral("client")
                                    : QStringLiteral("none")},
        {QStringLiteral("address"), address},
        {QStringLiteral("port"), port},
        {QStringLiteral("user_timeout_ms"), o.userTimeoutMs},
        {QStringLiteral("linger_abort"), o.lingerAbort},
        {QStringLiteral("nodelay"), o.noDelay},
        {QStringLiteral("recverr"), o.recvErr},
        {QStringLiteral("traffic"), endpoint.traffic.toString()},
        {QStringLiteral("keep_after_eof"), !endpoint.closeOnEof},
        {QStringLiteral("reconnect"), reconnect},
        {QStringLiteral("powered_off"), poweredOff},
    };
    if (o.keepalive.enabled)
        j.insert(QStringLiteral("keepalive"),
                 QJsonObject{{QStringLiteral("idle_s"), o.keepalive.idleS},
                             {QStringLiteral("interval_s"), o.keepalive.intervalS},
                             {QStringLiteral("count"), o.keepalive.count}});
    if (endpoint.heartbeat.enabled)
        j.insert(QStringLiteral("heartbeat"), endpoint.heartbeat.toJson());
    QJsonObject sysctlJson;
    for (auto it = sysctls.begin(); it != sysctls.end(); ++it)
        sysctlJson.insert(it.key(), it.value().toInt());
    if (!sysctlJson.isEmpty())
        j.insert(QStringLiteral("sysctls"), sysctlJson);
    return j;
}

QJsonObject CableConfig::toJson() const
{
    return {{QStringLiteral("loss_percent"), lossPercent},  {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("jitter_ms"), jitterMs},        {QStringLiteral("arp"), arp},
            {QStringLiteral("nat_timeout_s"), natTimeoutS}, {QStringLiteral("nat_reset"), natReset}};
}

LabConfig LabConfig::defaults()
{
    LabConfig c;
    c.client.host = core::Host::Client;
    c.client.role = HostConfig::Role::Client;
    c.client.address = QStringLiteral("198.18.0.1");
    c.client.endpoint.host = c.client.host;
    c.client.endpoint.heartbeat.sends = true;
    c.server.host = core::Host::Server;
    c.server.role = HostConfig::Role::Server;
    c.server.address = QStringLiteral("198.18.0.2");
    c.server.endpoint.host = c.server.host;
    return c;
}

QJsonObject LabConfig::toJson() const
{
    return {{QStringLiteral("hosts"),
             QJsonObject{{QStringLiteral("client"), client.toJson()}, {QStringLiteral("server"), server.toJson()}}},
            {QStringLiteral("cable"), cable.toJson()}};
}

std::optional<LabConfig> LabConfig::fromJson(const QJsonObject &json, QString *error)
{
    LabConfig c = defaults();
    core::JsonFields top(json, QString(), error);
    QJsonObject hosts;
    QJsonObject cable;
    if (!top.onlyKeys({QStringLiteral("hosts"), QStringLiteral("cable")})
        || !top.object(QStringLiteral("hosts"), &hosts) || !top.object(QStringLiteral("cable"), &cable))
        return std::nullopt;
    for (auto it = hosts.begin(); it != hosts.end(); ++it) {
        if (it.key() != QLatin1String("client") && it.key() != QLatin1String("server")) {
            *error
                = QStringLiteral("hosts.%1: %2").arg(it.key(), Text::tr("unknown host: the lab has client and server"));
            return std::nullopt;
        }
        if (!it.value().isObject()) {
            *error = QStringLiteral("hosts.%1: %2")
                         .arg(it.key(),
                              Text::tr("must be an object {...}, not %1").arg(core::JsonFields::describe(it.value())));
            return std::nullopt;
        }
    }
    if (!readHost(hosts.value(QStringLiteral("client")).toObject(), QStringLiteral("hosts.client"), &c.client, error)
        || !readHost(hosts.value(QStringLiteral("server")).toObject(), QStringLiteral("hosts.server"), &c.server,
                     error))
        return std::nullopt;

    core::JsonFields k(cable, QStringLiteral("cable"), error);
    if (!k.onlyKeys({QStringLiteral("loss_percent"), QStringLiteral("delay_ms"), QStringLiteral("jitter_ms"),
                     QStringLiteral("arp"), QStringLiteral("nat_timeout_s"), QStringLiteral("nat_reset")})
        || !k.number(QStringLiteral("loss_percent"), 0, 100, &c.cable.lossPercent)
        || !k.number(QStringLiteral("delay_ms"), 0, kMaxCableDelayMs, &c.cable.delayMs)
        || !k.number(QStringLiteral("jitter_ms"), 0, kMaxCableDelayMs, &c.cable.jitterMs)
        || !k.number(QStringLiteral("nat_timeout_s"), 0, kMaxNatTimeoutS, &c.cable.natTimeoutS)
        || !k.boolean(QStringLiteral("arp"), &c.cable.arp)
        || !k.boolean(QStringLiteral("nat_reset"), &c.cable.natReset))
        return std::nullopt;
    return c;
}

} // namespace halfopen::lab
