#include "lab/LabConfig.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace halfopen::lab {

using core::EndpointConfig;

namespace {

struct SysctlRange {
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
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LabConfig)
};

bool readHost(const QJsonObject &j, const QString &path, HostConfig *host, QString *error)
{
    auto fail = [&](const QString &field, const QString &message) {
        *error = QStringLiteral("%1.%2: %3").arg(path, field, message);
        return false;
    };
    if (j.contains(QStringLiteral("role"))) {
        const QString role = j.value(QStringLiteral("role")).toString();
        if (role == QLatin1String("server"))
            host->role = HostConfig::Role::Server;
        else if (role == QLatin1String("client"))
            host->role = HostConfig::Role::Client;
        else if (role == QLatin1String("none"))
            host->role = HostConfig::Role::None;
        else
            return fail(QStringLiteral("role"), Text::tr("must be server, client or none"));
    }
    if (j.contains(QStringLiteral("port"))) {
        const int port = j.value(QStringLiteral("port")).toInt(-1);
        if (port < 1 || port > 65535)
            return fail(QStringLiteral("port"), Text::tr("must be between 1 and 65535"));
        host->port = quint16(port);
    }
    core::SocketOptions &o = host->endpoint.options;
    if (j.contains(QStringLiteral("keepalive"))) {
        const QJsonObject k = j.value(QStringLiteral("keepalive")).toObject();
        o.keepalive.enabled = k.value(QStringLiteral("enabled")).toBool(true);
        o.keepalive.idleS = k.value(QStringLiteral("idle_s")).toInt(o.keepalive.idleS);
        o.keepalive.intervalS = k.value(QStringLiteral("interval_s")).toInt(o.keepalive.intervalS);
        o.keepalive.count = k.value(QStringLiteral("count")).toInt(o.keepalive.count);
    }
    o.userTimeoutMs = j.value(QStringLiteral("user_timeout_ms")).toInt(o.userTimeoutMs);
    o.lingerAbort = j.value(QStringLiteral("linger_abort")).toBool(o.lingerAbort);
    o.noDelay = j.value(QStringLiteral("nodelay")).toBool(o.noDelay);
    o.recvErr = j.value(QStringLiteral("recverr")).toBool(o.recvErr);
    if (const QList<core::SettingError> problems = o.validate(); !problems.isEmpty())
        return fail(problems.first().field, problems.first().message);

    core::HeartbeatSettings &h = host->endpoint.heartbeat;
    h.sends = host->role == HostConfig::Role::Client;
    if (j.contains(QStringLiteral("heartbeat"))) {
        const QJsonObject hb = j.value(QStringLiteral("heartbeat")).toObject();
        h.enabled = hb.value(QStringLiteral("enabled")).toBool(true);
        h.intervalMs = hb.value(QStringLiteral("interval_ms")).toInt(h.intervalMs);
        h.misses = hb.value(QStringLiteral("misses")).toInt(h.misses);
        if (hb.contains(QStringLiteral("role")))
            h.sends = hb.value(QStringLiteral("role")).toString() == QLatin1String("send");
        if (const QList<core::SettingError> problems = h.validate(); !problems.isEmpty())
            return fail(problems.first().field, problems.first().message);
    }
    if (j.contains(QStringLiteral("traffic"))) {
        QString trafficError;
        if (!core::TrafficPattern::parse(j.value(QStringLiteral("traffic")).toString(), &host->endpoint.traffic, &trafficError))
            return fail(QStringLiteral("traffic"), trafficError);
    }
    host->endpoint.closeOnEof = !j.value(QStringLiteral("keep_after_eof")).toBool(!host->endpoint.closeOnEof);
    host->reconnect = j.value(QStringLiteral("reconnect")).toBool(host->reconnect);
    host->poweredOff = j.value(QStringLiteral("powered_off")).toBool(host->poweredOff);
    const QJsonObject sysctls = j.value(QStringLiteral("sysctls")).toObject();
    for (auto it = sysctls.begin(); it != sysctls.end(); ++it) {
        const QString value = it.value().isDouble() ? QString::number(it.value().toInt()) : it.value().toString();
        QString why;
        if (!isAllowedSysctl(it.key(), value, &why))
            return fail(QStringLiteral("sysctls.%1").arg(it.key()), why);
        host->sysctls.insert(it.key(), value);
    }
    return true;
}

} // namespace

bool isAllowedSysctl(const QString &name, const QString &value, QString *error)
{
    for (const SysctlRange &s : kSysctls) {
        if (name != QLatin1String(s.name))
            continue;
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < s.minimum || v > s.maximum) {
            *error = Text::tr("must be between %1 and %2").arg(s.minimum).arg(s.maximum);
            return false;
        }
        return true;
    }
    QStringList names;
    for (const SysctlRange &s : kSysctls)
        names << QString::fromLatin1(s.name);
    *error = Text::tr("is not a per-namespace setting the lab changes; allowed: %1").arg(names.join(QStringLiteral(", ")));
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
        args << QStringLiteral("--keepalive") << QStringLiteral("%1,%2,%3").arg(o.keepalive.idleS).arg(o.keepalive.intervalS).arg(o.keepalive.count);
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
    args << QStringLiteral("--name") << name;
    args << QStringLiteral("--sample-hz") << QString::number(1000 / std::max(1, endpoint.sampleIntervalMs));
    return args;
}

QJsonObject HostConfig::toJson() const
{
    const core::SocketOptions &o = endpoint.options;
    QJsonObject j{
        {QStringLiteral("role"), role == Role::Server ? QStringLiteral("server") : role == Role::Client ? QStringLiteral("client") : QStringLiteral("none")},
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
        j.insert(QStringLiteral("keepalive"), QJsonObject{{QStringLiteral("idle_s"), o.keepalive.idleS},
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
    return {{QStringLiteral("loss_percent"), lossPercent}, {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("jitter_ms"), jitterMs},       {QStringLiteral("arp"), arp},
            {QStringLiteral("nat_timeout_s"), natTimeoutS}, {QStringLiteral("nat_reset"), natReset}};
}

LabConfig LabConfig::defaults()
{
    LabConfig c;
    c.client.name = QStringLiteral("client");
    c.client.role = HostConfig::Role::Client;
    c.client.address = QStringLiteral("198.18.0.1");
    c.client.endpoint.host = c.client.name;
    c.client.endpoint.heartbeat.sends = true;
    c.server.name = QStringLiteral("server");
    c.server.role = HostConfig::Role::Server;
    c.server.address = QStringLiteral("198.18.0.2");
    c.server.endpoint.host = c.server.name;
    return c;
}

QJsonObject LabConfig::toJson() const
{
    return {{QStringLiteral("hosts"), QJsonObject{{QStringLiteral("client"), client.toJson()}, {QStringLiteral("server"), server.toJson()}}},
            {QStringLiteral("cable"), cable.toJson()}};
}

std::optional<LabConfig> LabConfig::fromJson(const QJsonObject &json, QString *error)
{
    LabConfig c = defaults();
    const QJsonObject hosts = json.value(QStringLiteral("hosts")).toObject();
    for (auto it = hosts.begin(); it != hosts.end(); ++it) {
        if (it.key() != QLatin1String("client") && it.key() != QLatin1String("server")) {
            *error = QStringLiteral("hosts.%1: %2").arg(it.key(), Text::tr("unknown host: the lab has client and server"));
            return std::nullopt;
        }
    }
    if (!readHost(hosts.value(QStringLiteral("client")).toObject(), QStringLiteral("hosts.client"), &c.client, error)
        || !readHost(hosts.value(QStringLiteral("server")).toObject(), QStringLiteral("hosts.server"), &c.server, error))
        return std::nullopt;

    const QJsonObject cable = json.value(QStringLiteral("cable")).toObject();
    auto number = [&](const char *key, double minimum, double maximum, double *out) {
        const QJsonValue v = cable.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || v.toDouble() < minimum || v.toDouble() > maximum) {
            *error = QStringLiteral("cable.%1: %2").arg(QLatin1String(key), Text::tr("must be between %1 and %2").arg(minimum).arg(maximum));
            return false;
        }
        *out = v.toDouble();
        return true;
    };
    if (!number("loss_percent", 0, 100, &c.cable.lossPercent) || !number("delay_ms", 0, 60000, &c.cable.delayMs)
        || !number("jitter_ms", 0, 60000, &c.cable.jitterMs) || !number("nat_timeout_s", 0, 86400, &c.cable.natTimeoutS))
        return std::nullopt;
    c.cable.arp = cable.value(QStringLiteral("arp")).toBool(false);
    c.cable.natReset = cable.value(QStringLiteral("nat_reset")).toBool(false);
    return c;
}

} // namespace halfopen::lab
