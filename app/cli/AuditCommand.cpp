// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli audit`: every TCP connection of a network namespace with its process, its own
// dead-peer options, the predictor's answer and a risk with its fix. Reads only.

#include "CliCommands.h"
#include "CliUsage.h"

#include "audit/ApplicationAssumption.h"
#include "audit/AuditJsonWriter.h"
#include "audit/AuditSummary.h"
#include "audit/ConnectionAudit.h"

#include "core/predict/PredictionText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <optional>

using namespace halfopen::audit;

namespace halfopen::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(audit)
};

struct AuditRequest
{
    QString netnsPath;
    AuditFilter filter;
    int thresholdS = ConnectionRisk::kDefaultThresholdS;
    std::optional<Risk> failOn;
    bool json = false;
    ApplicationKeepalives applications;
};

std::optional<int> parseRequest(const QStringList &arguments, AuditRequest *request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Audit every TCP connection of this machine (or of a network namespace): its process, its own keepalive and "
        "TCP_USER_TIMEOUT, when it would notice a dead peer, and a risk with the setting that fixes it. Reads only."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"), Text::tr("Print a JSON array, one object per connection."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Text::tr("Only connections whose local or remote port is N (1 to 65535)."),
                                  Text::tr("N"));
    const QCommandLineOption pid(QStringLiteral("pid"), Text::tr("Only connections held by process P."), Text::tr("P"));
    const QCommandLineOption process(
        QStringLiteral("process"),
        Text::tr("Only connections held by a process with this command name (as ps -o comm shows it)."),
        Text::tr("NAME"));
    const QCommandLineOption netns(QStringLiteral("netns"),
                                   Text::tr("Network namespace to audit: /proc/PID/ns/net or /run/netns/NAME."),
                                   Text::tr("PATH"));
    const QCommandLineOption threshold(
        QStringLiteral("risk-threshold"),
        Text::tr("Seconds above which noticing a powered-off peer counts as slow (default %1).")
            .arg(ConnectionRisk::kDefaultThresholdS),
        Text::tr("S"));
    const QCommandLineOption failOn(
        QStringLiteral("fail-on"),
        Text::tr("Exit 1 when a connection has this risk or worse: half-open-forever or slow."), Text::tr("RISK"));
    const QCommandLineOption app(
        QStringLiteral("app"),
        Text::tr("The application keepalive to assume: mqtt-client:K for the connections to port 1883/8883, "
                 "mqtt-broker:K for those accepted on it, amqp:H for 5672/5671; PORT=PROTOCOL:K names the "
                 "application on any port. Without it, well-known ports assume K = %1 s. Repeatable.")
            .arg(ApplicationKeepalives::kDefaultKeepaliveS),
        Text::tr("SPEC"));
    parser.addOptions({help, json, port, pid, process, netns, threshold, failOn, app});

    const QString allowed
        = Text::tr("allowed --json, --port N, --pid P, --process NAME, --netns PATH, --risk-threshold "
                   "S, --fail-on RISK, --app SPEC, --help");
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return usageError(QStringLiteral("--") + unknown.first(), Text::tr("unknown option: %1").arg(allowed));
        return usageError(arguments.size() > 1 ? arguments.last() : QStringLiteral("options"),
                          Text::tr("%1 (%2)").arg(parser.errorText(), allowed));
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        std::fputs(qPrintable(text), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("arguments"),
                          Text::tr("unexpected '%1': audit takes options only (%2)")
                              .arg(parser.positionalArguments().first(), allowed));
    if (parser.isSet(port)) {
        bool ok = false;
        const int value = parser.value(port).toInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return usageError(QStringLiteral("--port"),
                              Text::tr("'%1' is out of range: allowed 1 to 65535").arg(parser.value(port)));
        request->filter.port = quint16(value);
    }
    if (parser.isSet(pid)) {
        bool ok = false;
        const qint64 value = parser.value(pid).toLongLong(&ok);
        if (!ok || value < 1 || value > 4194304)
            return usageError(QStringLiteral("--pid"),
                              Text::tr("'%1' is not a process id: allowed 1 to 4194304").arg(parser.value(pid)));
        request->filter.pid = value;
    }
    if (parser.isSet(process)) {
        request->filter.process = parser.value(process);
        if (request->filter.process.isEmpty() || request->filter.process.size() > 15)
            return usageError(
                QStringLiteral("--process"),
                Text::tr("'%1': allowed a command name of 1 to 15 characters").arg(request->filter.process));
    }
    if (parser.isSet(threshold)) {
        bool ok = false;
        const int value = parser.value(threshold).toInt(&ok);
        if (!ok || value < 1 || value > ConnectionRisk::kMaxThresholdS)
            return usageError(QStringLiteral("--risk-threshold"),
                              Text::tr("'%1' is out of range: allowed 1 to %2 seconds")
                                  .arg(parser.value(threshold))
                                  .arg(ConnectionRisk::kMaxThresholdS));
        request->thresholdS = value;
    }
    if (parser.isSet(failOn)) {
        const std::optional<Risk> risk = riskFromName(parser.value(failOn));
        if (!risk || (*risk != Risk::HalfOpenForever && *risk != Risk::Slow))
            return usageError(QStringLiteral("--fail-on"),
                              Text::tr("'%1': allowed half-open-forever or slow").arg(parser.value(failOn)));
        request->failOn = risk;
    }
    for (const QString &spec : parser.values(app)) {
        QString error;
        if (!request->applications.add(spec, &error))
            return usageError(QStringLiteral("--app"), error);
    }
    request->netnsPath = parser.value(netns);
    if (parser.isSet(netns) && request->netnsPath.isEmpty())
        return usageError(QStringLiteral("--netns"),
                          Text::tr("empty path: allowed /proc/PID/ns/net or /run/netns/NAME"));
    request->json = parser.isSet(json);
    return std::nullopt;
}

QString keepaliveText(const AuditedConnection &c)
{
    if (!c.keepalive.enabled)
        return QStringLiteral("?");
    if (!*c.keepalive.enabled)
        return Text::tr("off");
    if (!c.keepalive.idleS)
        return Text::tr("on");
    return QStringLiteral("%1/%2/%3").arg(*c.keepalive.idleS).arg(*c.keepalive.intervalS).arg(*c.keepalive.count);
}

QString noticedText(const AuditedConnection &c)
{
    if (c.optionsSource == OptionsSource::Unknown)
        return QStringLiteral("?");
    if (!c.assessment.seconds)
        return Text::tr("never");
    return core::PredictionText::duration(qRound64(*c.assessment.seconds * 1e6));
}

void printTable(const std::vector<AuditedConnection> &connections, const QString &summary,
                const ApplicationKeepalives &applications, QFile *out)
{
    const QStringList header{Text::tr("Process"),
                             Text::tr("PID"),
                             Text::tr("Local"),
                             Text::tr("Peer"),
                             Text::tr("State"),
                             Text::tr("Keepalive"),
                             Text::tr("User timeout"),
                             Text::tr("Options from"),
                             Text::tr("Idle dead peer noticed"),
                             Text::tr("If the application is (assumed)"),
                             Text::tr("Risk"),
                             Text::tr("Fix")};
    QList<QStringList> rows{header};
    // Each assumption's sentence once, under the table.
    QStringList assumptions;
    for (const AuditedConnection &c : connections) {
        const std::optional<ApplicationAssumption> application = applications.assume(c.socket);
        if (application && !assumptions.contains(application->text()))
            assumptions << application->text();
        rows.append({c.holders.isEmpty() ? QStringLiteral("-") : c.process(),
                     c.pid() ? QString::number(*c.pid()) : QStringLiteral("-"), c.socket.local.toString(),
                     c.socket.remote.toString(), core::tcpStateName(c.socket.sample.state), keepaliveText(c),
                     c.userTimeoutMs
                         ? (*c.userTimeoutMs ? QStringLiteral("%1 ms").arg(*c.userTimeoutMs) : Text::tr("off"))
                         : QStringLiteral("?"),
                     optionsSourceName(c.optionsSource), noticedText(c),
                     application ? application->brief() : QStringLiteral("-"), riskName(c.assessment.risk),
                     c.assessment.fix ? c.assessment.fix->text : QStringLiteral("-")});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], terminalColumns(row.at(i)));
    }
    QByteArray text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += row.at(i);
            if (i + 1 < row.size())
                line += QString(widths[i] + 2 - terminalColumns(row.at(i)), QLatin1Char(' '));
        }
        text += line.toUtf8() + '\n';
    }
    text += '\n' + summary.toUtf8() + '\n';
    for (const QString &assumption : std::as_const(assumptions))
        text += Text::tr("Application keepalive: %1").arg(assumption).toUtf8() + '\n';
    out->write(text);
}

// The notes that explain unknown values, once each (a whole namespace read unprivileged would
// repeat the same reason thousands of times).
void printNotes(const std::vector<AuditedConnection> &connections, const NamespaceSysctls &sysctls)
{
    QStringList seen;
    for (const AuditedConnection &c : connections) {
        if (c.optionsSource == OptionsSource::Socket || seen.contains(c.optionsNote) || seen.size() >= 5)
            continue;
        seen << c.optionsNote;
        std::fprintf(
            stderr, "halfopen-cli: %s\n",
            qPrintable(
                Text::tr("note: %1 %2: %3").arg(c.socket.local.toString(), c.socket.remote.toString(), c.optionsNote)));
    }
    for (const QString &problem : sysctls.problems)
        std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(Text::tr("note: %1").arg(problem)));
}

} // namespace

int runAudit(const QStringList &arguments)
{
    AuditRequest request;
    if (const auto status = parseRequest(arguments, &request))
        return *status;

    ConnectionAudit audit(request.thresholdS);
    if (!audit.open(request.netnsPath))
        return request.netnsPath.isEmpty() ? runtimeError(audit.errorString())
                                           : usageError(QStringLiteral("--netns"), audit.errorString());
    std::vector<AuditedConnection> connections;
    if (!audit.scan(request.filter, &connections))
        return runtimeError(audit.errorString());

    QFile out;
    if (!out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
        return runtimeError(Text::tr("cannot write to standard output"));
    if (request.json) {
        AuditJsonWriter writer(&out);
        writer.setSysctls(audit.sysctls());
        writer.setApplications(request.applications);
        for (const AuditedConnection &c : connections)
            writer.append(c);
        if (!writer.finish())
            return runtimeError(Text::tr("cannot write to standard output"));
    } else {
        printTable(connections, AuditSummary::of(connections).text(), request.applications, &out);
        printNotes(connections, audit.sysctls());
    }
    if (request.failOn) {
        for (const AuditedConnection &c : connections) {
            if (c.assessment.risk >= *request.failOn)
                return ExitDetectedDeath;
        }
    }
    return ExitOk;
}

} // namespace halfopen::cli
