// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli predict: when each kind of peer death is noticed, from the settings of the side
// that must notice. Pure arithmetic on the kernel's rules; opens no socket.

#include "CliCommands.h"
#include "CliUsage.h"

#include "core/observe/RouteToPeer.h"
#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/DetectionPredictor.h"
#include "core/predict/PredictionText.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cerrno>
#include <cstdio>
#include <limits>

using namespace halfopen::core;

namespace halfopen::cli {

namespace {

// lupdate takes the context from this class: the strings below are "predict"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(predict)
};

// A value that is not an int becomes -1: every setting rejects it with its own range message.
int intOrInvalid(qint64 value)
{
    return value >= std::numeric_limits<int>::min() && value <= std::numeric_limits<int>::max() ? int(value) : -1;
}

int intOrInvalid(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? intOrInvalid(value) : -1;
}

struct Options
{
    QCommandLineOption keepalive{QStringLiteral("keepalive"),
                                 Text::tr("Keepalive on with idle, interval (seconds) and probe count, e.g. 2,1,3."),
                                 QStringLiteral("I,T,C")};
    QCommandLineOption userTimeout{QStringLiteral("user-timeout"),
                                   Text::tr("TCP_USER_TIMEOUT in milliseconds (0 = off)."), QStringLiteral("MS")};
    QCommandLineOption retries2{QStringLiteral("retries2"), Text::tr("net.ipv4.tcp_retries2 (default 15)."),
                                QStringLiteral("N")};
    QCommandLineOption synRetries{QStringLiteral("syn-retries"), Text::tr("net.ipv4.tcp_syn_retries (default 6)."),
                                  QStringLiteral("N")};
    QCommandLineOption synLinearTimeouts{QStringLiteral("syn-linear-timeouts"),
                                         Text::tr("net.ipv4.tcp_syn_linear_timeouts (default 4)."),
                                         QStringLiteral("N")};
    QCommandLineOption heartbeat{
        QStringLiteral("heartbeat"),
        Text::tr("Application heartbeat: ping interval in milliseconds and missed answers before dead, e.g. 1000,3."),
        QStringLiteral("MS,K")};
    QCommandLineOption rtt{QStringLiteral("rtt"), Text::tr("Measured round-trip time in milliseconds (default 0.1)."),
                           QStringLiteral("MS")};
    QCommandLineOption rtoMin{QStringLiteral("rto-min"), Text::tr("Minimum RTO in milliseconds (default 200)."),
                              QStringLiteral("MS")};
    QCommandLineOption rtoMax{QStringLiteral("rto-max"),
                              Text::tr("Maximum RTO in milliseconds, net.ipv4.tcp_rto_max_ms (default 120000)."),
                              QStringLiteral("MS")};
    QCommandLineOption recvErr{
        QStringLiteral("recverr"),
        Text::tr("IP_RECVERR on: neighbour and ICMP errors are reported at once instead of kept until the timeout.")};
    QCommandLineOption arp{
        QStringLiteral("arp"),
        Text::tr("The peer is on the same link and resolved by ARP (dynamic neighbour entry): a dead peer's entry "
                 "fails and may turn the error into EHOSTUNREACH. Default: a static entry or a routed peer.")};
    QCommandLineOption neighbourTimers{
        QStringLiteral("neigh-timers"),
        Text::tr("The interface's neighbour timers with --arp: base_reachable_time_ms, delay_first_probe_time (ms), "
                 "ucast_solicit, mcast_solicit, retrans_time_ms; default 30000,5000,3,3,1000."),
        QStringLiteral("BASE,DELAY,UCAST,MCAST,RETRANS")};
    QCommandLineOption peer{
        QStringLiteral("peer"),
        Text::tr("Decide on-link (dynamic ARP, this interface's neighbour timers) or routed from this machine's "
                 "route to ADDR (RTM_GETROUTE, like `ip route get`); says which it assumed."),
        QStringLiteral("ADDR")};
    QCommandLineOption app{QStringLiteral("app"),
                           Text::tr("The application protocol and its keepalive, reported beside TCP's detection: %1.")
                               .arg(ApplicationKeepalive::syntax()),
                           QStringLiteral("PROTO:K")};
    QCommandLineOption json{QStringLiteral("json"), Text::tr("Print one JSON object with a key per kind of death.")};
};

// What --peer found out about the route, for the output.
struct Assumption
{
    bool set = false;
    QJsonObject json;
    QString text;
};

// Fills `input` from the parsed options; on bad input prints the usage line and returns false.
bool readInput(const QCommandLineParser &parser, const Options &o, PredictionInput *input, Assumption *assumption,
               int *status)
{
    QList<qint64> values;
    input->recvErr = parser.isSet(o.recvErr);
    if (parser.isSet(o.peer)) {
        const QHostAddress address(parser.value(o.peer).trimmed());
        if (address.isNull()) {
            *status = usageError(QStringLiteral("peer"),
                                 Text::tr("expected a numeric IPv4 or IPv6 address such as 192.0.2.10"));
            return false;
        }
        QString error;
        const std::optional<RouteToPeer> route = RouteToPeer::lookup(address, &error);
        if (!route) {
            *status = usageError(QStringLiteral("peer"), Text::tr("no route to %1: %2").arg(address.toString(), error));
            return false;
        }
        assumption->set = true;
        const QString how = route->local ? QStringLiteral("local")
            : route->onLink              ? QStringLiteral("on-link")
                                         : QStringLiteral("routed");
        assumption->json = {
            {QStringLiteral("peer"), address.toString()},
            {QStringLiteral("route"), how},
            {QStringLiteral("interface"), route->interfaceName},
            {QStringLiteral("gateway"), route->gateway.isNull() ? QJsonValue() : QJsonValue(route->gateway.toString())},
            {QStringLiteral("neighbour"), route->onLink ? QStringLiteral("dynamic") : QStringLiteral("static")}};
        if (route->onLink) {
            input->neighbour.dynamic = true;
            input->neighbour.timers
                = readNeighbourTimers(route->interfaceName, address.protocol() == QAbstractSocket::IPv6Protocol);
            // A permanent entry never fails: then the textbook figures hold.
            if (const std::optional<quint16> state = neighbourState(route->interfaceIndex, address)) {
                assumption->json.insert(QStringLiteral("neighbour_state"), neighbourStateName(*state));
                if (neighbourStateName(*state).contains(QLatin1String("PERMANENT"))
                    || neighbourStateName(*state).contains(QLatin1String("NOARP"))) {
                    input->neighbour.dynamic = false;
                    assumption->json.insert(QStringLiteral("neighbour"), QStringLiteral("static"));
                }
            }
            assumption->text = input->neighbour.dynamic
                ? Text::tr("assumed: %1 is on-link via %2, resolved by ARP (dynamic neighbour entry, "
                           "base_reachable_time %3 ms)")
                      .arg(address.toString(), route->interfaceName)
                      .arg(input->neighbour.timers.baseReachableTimeMs)
                : Text::tr("assumed: %1 is on-link via %2 with a static neighbour entry")
                      .arg(address.toString(), route->interfaceName);
        } else if (route->local) {
            assumption->text
                = Text::tr("assumed: %1 is this machine (loopback): no neighbour to fail").arg(address.toString());
        } else {
            assumption->text = Text::tr("assumed: %1 is routed via %2 (%3): the gateway answers ARP, so the textbook "
                                        "ETIMEDOUT applies unless a router sends ICMP")
                                   .arg(address.toString(), route->gateway.toString(), route->interfaceName);
        }
    }
    if (parser.isSet(o.arp))
        input->neighbour.dynamic = true;
    if (parser.isSet(o.neighbourTimers)) {
        if (!parseIntList(parser.value(o.neighbourTimers), 5, &values)) {
            *status
                = usageError(QStringLiteral("neigh-timers"),
                             Text::tr("expected BASE_MS,DELAY_MS,UCAST,MCAST,RETRANS_MS such as 30000,5000,3,3,1000"));
            return false;
        }
        input->neighbour.dynamic = true;
        input->neighbour.timers.baseReachableTimeMs = intOrInvalid(values.at(0));
        input->neighbour.timers.delayFirstProbeMs = intOrInvalid(values.at(1));
        input->neighbour.timers.ucastSolicit = intOrInvalid(values.at(2));
        input->neighbour.timers.mcastSolicit = intOrInvalid(values.at(3));
        input->neighbour.timers.retransTimeMs = intOrInvalid(values.at(4));
    }
    if (parser.isSet(o.app)) {
        QString error;
        const auto app = ApplicationKeepalive::parse(parser.value(o.app), &error);
        if (!app) {
            *status = usageError(QStringLiteral("app"), error.section(QStringLiteral(": "), 1));
            return false;
        }
        input->application = *app;
    }
    if (parser.isSet(o.keepalive)) {
        if (!parseIntList(parser.value(o.keepalive), 3, &values)) {
            *status = usageError(
                QStringLiteral("keepalive"),
                Text::tr("expected IDLE,INTERVAL,COUNT such as 2,1,3 (idle and interval 1..32767 s, count 1..127)"));
            return false;
        }
        input->keepalive.enabled = true;
        input->keepalive.idleS = intOrInvalid(values.at(0));
        input->keepalive.intervalS = intOrInvalid(values.at(1));
        input->keepalive.count = intOrInvalid(values.at(2));
    }
    if (parser.isSet(o.heartbeat)) {
        if (!parseIntList(parser.value(o.heartbeat), 2, &values)) {
            *status
                = usageError(QStringLiteral("heartbeat"),
                             Text::tr("expected INTERVAL_MS,MISSES such as 1000,3 (interval 1..%1 ms, misses 1..%2)")
                                 .arg(PredictionInput::kMaxHeartbeatIntervalMs)
                                 .arg(PredictionInput::kMaxHeartbeatMisses));
            return false;
        }
        input->heartbeat.enabled = true;
        input->heartbeat.intervalMs = intOrInvalid(values.at(0));
        input->heartbeat.misses = intOrInvalid(values.at(1));
    }
    if (parser.isSet(o.userTimeout))
        input->userTimeoutMs = intOrInvalid(parser.value(o.userTimeout));
    if (parser.isSet(o.retries2))
        input->retries2 = intOrInvalid(parser.value(o.retries2));
    if (parser.isSet(o.synRetries))
        input->synRetries = intOrInvalid(parser.value(o.synRetries));
    if (parser.isSet(o.synLinearTimeouts))
        input->synLinearTimeouts = intOrInvalid(parser.value(o.synLinearTimeouts));
    if (parser.isSet(o.rtoMin))
        input->rtoMinMs = intOrInvalid(parser.value(o.rtoMin));
    if (parser.isSet(o.rtoMax))
        input->rtoMaxMs = intOrInvalid(parser.value(o.rtoMax));
    if (parser.isSet(o.rtt)) {
        bool ok = false;
        const double rtt = parser.value(o.rtt).trimmed().toDouble(&ok);
        input->rttMs = ok ? rtt : -1;
    }
    const QList<SettingError> errors = input->validate();
    if (!errors.isEmpty()) {
        *status = usageError(errors.first().field, errors.first().message);
        return false;
    }
    return true;
}

QString settingsLine(const PredictionInput &in)
{
    const QString off = Text::tr("off");
    const QString keepalive = in.keepalive.enabled
        ? QStringLiteral("%1/%2/%3").arg(in.keepalive.idleS).arg(in.keepalive.intervalS).arg(in.keepalive.count)
        : off;
    const QString userTimeout = in.userTimeoutMs > 0 ? QStringLiteral("%1 ms").arg(in.userTimeoutMs) : off;
    const QString heartbeat = in.heartbeat.enabled
        ? QStringLiteral("%1 ms x %2").arg(in.heartbeat.intervalMs).arg(in.heartbeat.misses)
        : off;
    QString line
        = Text::tr(
              "keepalive %1, user timeout %2, tcp_retries2 %3, tcp_syn_retries %4 (linear %5), heartbeat %6, RTT %7 ms")
              .arg(keepalive, userTimeout)
              .arg(in.retries2)
              .arg(in.synRetries)
              .arg(in.synLinearTimeouts)
              .arg(heartbeat)
              .arg(in.rttMs);
    if (in.recvErr)
        line += Text::tr(", IP_RECVERR");
    if (in.neighbour.dynamic)
        line += Text::tr(", dynamic ARP (base_reachable_time %1 ms, delay %2 ms, %3 unicast / %4 broadcast probes %5 "
                         "ms apart)")
                    .arg(in.neighbour.timers.baseReachableTimeMs)
                    .arg(in.neighbour.timers.delayFirstProbeMs)
                    .arg(in.neighbour.timers.ucastSolicit)
                    .arg(in.neighbour.timers.mcastSolicit)
                    .arg(in.neighbour.timers.retransTimeMs);
    if (in.application.protocol != PredictionInput::Application::Protocol::None)
        line += Text::tr(", application: %1").arg(ApplicationKeepalive::title(in.application));
    return line;
}

void printTable(const DetectionPredictor &predictor, const Assumption &assumption)
{
    QList<QStringList> rows{{Text::tr("kind of death"), Text::tr("noticed by"), Text::tr("errno"), Text::tr("after"),
                             Text::tr("range"), Text::tr("counted from")}};
    QList<Prediction> predictions;
    for (DeathKind kind : allDeathKinds()) {
        const Prediction p = predictor.predict(kind);
        predictions.append(p);
        const QString errnoName = p.errnoValue ? ErrnoCatalog::name(p.errnoValue) : QStringLiteral("-");
        if (p.isNever()) {
            rows.append({deathKindTitle(kind), mechanismName(p.mechanism), errnoName, Text::tr("never"),
                         QStringLiteral("-"), QStringLiteral("-")});
            continue;
        }
        rows.append(
            {deathKindTitle(kind), mechanismName(p.mechanism), errnoName, PredictionText::duration(*p.expectedUs),
             QStringLiteral("%1 .. %2").arg(PredictionText::duration(p.minUs), PredictionText::duration(p.maxUs)),
             timeReferenceDescription(p.reference)});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], terminalColumns(row.at(c)));
    }
    std::printf("%s\n\n", qPrintable(Text::tr("Settings: %1").arg(settingsLine(predictor.input()))));
    if (assumption.set)
        std::printf("%s\n\n", qPrintable(assumption.text));
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size()
                ? row.at(c) + QString(widths[c] + 2 - terminalColumns(row.at(c)), QLatin1Char(' '))
                : row.at(c);
        std::printf("%s\n", qPrintable(line));
    }
    std::printf("\n");
    for (const Prediction &p : predictions) {
        std::printf(
            "%s\n",
            qPrintable(Text::tr("%1: %2", "kind of death, explanation").arg(deathKindTitle(p.kind), p.explanation)));
        for (const PredictionPath &path : p.paths) {
            std::printf("  %s\n",
                        qPrintable(Text::tr("path, %1 (%2 %): %3 by %4 after %5 (%6 .. %7) %8")
                                       .arg(path.condition)
                                       .arg(qRound(path.likelihood * 100))
                                       .arg(path.errnoValue ? ErrnoCatalog::name(path.errnoValue) : QStringLiteral("-"),
                                            mechanismName(path.mechanism), PredictionText::duration(path.expectedUs),
                                            PredictionText::duration(path.minUs), PredictionText::duration(path.maxUs),
                                            timeReferenceDescription(p.reference))));
            if (path.neighbourErrorUs && path.errnoValue != EHOSTUNREACH && predictor.input().recvErr)
                std::printf(
                    "    %s\n",
                    qPrintable(Text::tr("IP_RECVERR: a non-fatal EHOSTUNREACH (neighbour_unreachable) at %1 first")
                                   .arg(PredictionText::duration(*path.neighbourErrorUs))));
        }
        if (const std::optional<Prediction> app = predictor.application(p.kind)) {
            std::printf("  %s\n",
                        qPrintable(Text::tr("application (%1): closes after %2 (%3 .. %4) %5. %6")
                                       .arg(ApplicationKeepalive::title(predictor.input().application),
                                            PredictionText::duration(*app->expectedUs),
                                            PredictionText::duration(app->minUs), PredictionText::duration(app->maxUs),
                                            timeReferenceDescription(app->reference), app->explanation)));
        }
        std::printf("\n");
    }
}

} // namespace

int runPredict(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Predicts when and how each kind of peer death is noticed, from the settings of the side that must notice."));
    const QCommandLineOption help = parser.addHelpOption();
    const Options options;
    const QList<QCommandLineOption> all{options.keepalive,
                                        options.userTimeout,
                                        options.retries2,
                                        options.synRetries,
                                        options.synLinearTimeouts,
                                        options.heartbeat,
                                        options.rtt,
                                        options.rtoMin,
                                        options.rtoMax,
                                        options.recvErr,
                                        options.arp,
                                        options.neighbourTimers,
                                        options.peer,
                                        options.app,
                                        options.json};
    parser.addOptions(all);
    // parse(), not process(): a bad option is bad input (exit 2), not Qt's exit 1.
    if (!parser.parse(arguments)) {
        QStringList known;
        for (const QCommandLineOption &option : all)
            known.append(QStringLiteral("--") + option.names().constFirst());
        return usageError(QStringLiteral("option"),
                          Text::tr("%1 Options: %2").arg(parser.errorText(), known.join(QStringLiteral(", "))));
    }
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("argument"),
            Text::tr("unexpected argument '%1': predict takes options only").arg(parser.positionalArguments().first()));

    PredictionInput input;
    int status = ExitOk;
    Assumption assumption;
    if (!readInput(parser, options, &input, &assumption, &status))
        return status;

    const DetectionPredictor predictor(input);
    if (parser.isSet(options.json)) {
        QJsonObject json = predictor.toJson();
        // Extra keys only when asked for, so the default output keeps one key per kind of death.
        if (assumption.set)
            json.insert(QStringLiteral("assumed"), assumption.json);
        std::printf("%s", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
    } else {
        printTable(predictor, assumption);
    }
    return ExitOk;
}

} // namespace halfopen::cli
