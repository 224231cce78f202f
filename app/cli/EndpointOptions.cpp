// SPDX-License-Identifier: GPL-3.0-or-later
#include "EndpointOptions.h"

#include "CliUsage.h"

#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdio>

namespace halfopen::cli {

using core::EndpointConfig;

namespace {
// lupdate takes the context from this class: the strings below are "cli"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// Huge numbers typed by a user must still fail validation, not wrap around.
int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, -1, 1 << 30));
}
} // namespace

EndpointOptions::EndpointOptions(QCommandLineParser *parser)
    : m_parser(parser)
    , m_keepalive(QStringLiteral("keepalive"),
                  Text::tr("Enable SO_KEEPALIVE with TCP_KEEPIDLE, TCP_KEEPINTVL (seconds) and TCP_KEEPCNT."),
                  QStringLiteral("IDLE,INTVL,CNT"))
    , m_userTimeout(QStringLiteral("user-timeout"), Text::tr("TCP_USER_TIMEOUT in milliseconds (0 = off)."),
                    QStringLiteral("MS"))
    , m_lingerAbort(QStringLiteral("linger-abort"), Text::tr("SO_LINGER {on, 0}: close() sends RST instead of FIN."))
    , m_noDelay(QStringLiteral("nodelay"), Text::tr("TCP_NODELAY."))
    , m_recvErr(QStringLiteral("recverr"), Text::tr("IP_RECVERR: report ICMP errors at once."))
    , m_heartbeat(QStringLiteral("heartbeat"),
                  Text::tr("Application heartbeat: ping every INTERVAL_MS, dead after MISSES missed answers."),
                  QStringLiteral("INTERVAL_MS,MISSES"))
    , m_heartbeatRole(QStringLiteral("heartbeat-role"),
                      Text::tr("send: this side pings; answer: it answers and watches for pings (default: connect "
                               "sends, serve answers)."),
                      QStringLiteral("send|answer"))
    , m_traffic(QStringLiteral("traffic"), Text::tr("What to send: idle, stream, or periodic:INTERVAL_MS:BYTES."),
                QStringLiteral("PATTERN"), QStringLiteral("idle"))
    , m_keepAfterEof(QStringLiteral("keep-after-eof"),
                     Text::tr("After the peer's FIN, keep the socket (CLOSE_WAIT) and go on writing: the next write "
                              "draws RST, the one after EPIPE."))
    , m_sampleHz(QStringLiteral("sample-hz"), Text::tr("tcp_info sampling rate, 1 to 1000 per second."),
                 QStringLiteral("HZ"), QStringLiteral("20"))
    , m_hostName(QStringLiteral("name"), Text::tr("The host its events are about: client, server or local."),
                 QStringLiteral("NAME"))
    , m_record(QStringLiteral("record"), Text::tr("Record every event to FILE (JSONL, flushed per event)."),
               QStringLiteral("FILE"))
    , m_json(QStringLiteral("json"), Text::tr("Print events as JSON lines."))
{
    parser->addOptions({m_keepalive, m_userTimeout, m_lingerAbort, m_noDelay, m_recvErr, m_heartbeat, m_heartbeatRole,
                        m_traffic, m_keepAfterEof, m_sampleHz, m_hostName, m_record, m_json});
}

bool EndpointOptions::read(bool heartbeatSendsByDefault, EndpointConfig *config) const
{
    auto bad = [](const char *field, const QString &message) {
        usageError(QString::fromLatin1(field), message);
        return false;
    };
    auto firstProblem = [&](const QList<core::SettingError> &errors) {
        return errors.isEmpty() || bad(qPrintable(errors.first().field), errors.first().message);
    };
    core::SocketOptions &o = config->options;
    if (m_parser->isSet(m_keepalive)) {
        QList<qint64> v;
        if (!parseIntList(m_parser->value(m_keepalive), 3, &v))
            return bad(
                "--keepalive",
                Text::tr(
                    "expected IDLE,INTVL,CNT (e.g. 2,1,3): idle 1 to 32767 s, interval 1 to 32767 s, count 1 to 127"));
        o.keepalive.enabled = true;
        o.keepalive.idleS = clampToInt(v[0]);
        o.keepalive.intervalS = clampToInt(v[1]);
        o.keepalive.count = clampToInt(v[2]);
        if (!firstProblem(o.keepalive.validate()))
            return false;
    }
    if (m_parser->isSet(m_userTimeout)) {
        bool ok = false;
        const qint64 ms = m_parser->value(m_userTimeout).toLongLong(&ok);
        if (!ok || ms < 0 || ms > core::SocketOptions::kMaxUserTimeoutMs)
            return bad("--user-timeout",
                       core::JsonFields::wholeNumberRule(0, core::SocketOptions::kMaxUserTimeoutMs,
                                                         m_parser->value(m_userTimeout), QStringLiteral(" ms")));
        o.userTimeoutMs = int(ms);
    }
    o.lingerAbort = m_parser->isSet(m_lingerAbort);
    o.noDelay = m_parser->isSet(m_noDelay);
    o.recvErr = m_parser->isSet(m_recvErr);

    core::HeartbeatSettings &h = config->heartbeat;
    h.sends = heartbeatSendsByDefault;
    if (m_parser->isSet(m_heartbeat)) {
        QList<qint64> v;
        if (!parseIntList(m_parser->value(m_heartbeat), 2, &v))
            return bad("--heartbeat",
                       Text::tr("expected INTERVAL_MS,MISSES (e.g. 1000,3): interval 1 to %1 ms, misses 1 to %2")
                           .arg(core::HeartbeatSettings::kMaxIntervalMs)
                           .arg(core::HeartbeatSettings::kMaxMisses));
        h.enabled = true;
        h.intervalMs = clampToInt(v[0]);
        h.misses = clampToInt(v[1]);
        if (!firstProblem(h.validate()))
            return false;
    }
    if (m_parser->isSet(m_heartbeatRole)) {
        const QString role = m_parser->value(m_heartbeatRole);
        if (role != QLatin1String("send") && role != QLatin1String("answer"))
            return bad("--heartbeat-role", Text::tr("'%1' is not a role: use send or answer").arg(role));
        h.sends = role == QLatin1String("send");
    }

    QString trafficError;
    if (!core::TrafficPattern::parse(m_parser->value(m_traffic), &config->traffic, &trafficError))
        return bad("--traffic", trafficError);
    config->closeOnEof = !m_parser->isSet(m_keepAfterEof);

    bool ok = false;
    const int hz = m_parser->value(m_sampleHz).toInt(&ok);
    if (!ok || hz < 1 || hz > 1000)
        return bad("--sample-hz",
                   core::JsonFields::wholeNumberRule(1, 1000, m_parser->value(m_sampleHz), Text::tr(" per second")));
    config->sampleIntervalMs = 1000 / hz;
    if (m_parser->isSet(m_hostName)) {
        // The host every event is about, as the window's lanes and the lab know them.
        const auto host = core::hostFromName(m_parser->value(m_hostName));
        if (!host || (!core::isLabSide(*host) && *host != core::Host::Local))
            return bad("--name",
                       Text::tr("must be client, server or local, not '%1'").arg(m_parser->value(m_hostName)));
        config->host = *host;
    }
    return true;
}

QString EndpointOptions::recordPath() const
{
    return m_parser->value(m_record);
}

bool EndpointOptions::json() const
{
    return m_parser->isSet(m_json);
}

int parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("options"), parser.errorText());
    if (parser.isSet(help)) {
        // Qt names the program as it was started ("./halfopen-cli"); say "halfopen-cli serve".
        QString text = parser.helpText();
        const QString started = QCoreApplication::arguments().value(0);
        if (!started.isEmpty() && !arguments.isEmpty())
            text.replace(text.indexOf(started), started.size(), arguments.first());
        std::printf("%s", qPrintable(text));
        return ExitOk;
    }
    return -1;
}

} // namespace halfopen::cli
