// halfopen-cli predict: when each kind of peer death is noticed, from the settings of the side
// that must notice. Pure arithmetic on the kernel's rules; opens no socket.

#include "CliCommands.h"
#include "CliUsage.h"

#include "core/predict/DetectionPredictor.h"
#include "core/predict/PredictionText.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <limits>

using namespace halfopen::core;

namespace halfopen::cli {

namespace {

// lupdate takes the context from this class: the strings below are "predict"'s.
struct Text {
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

struct Options {
    QCommandLineOption keepalive{QStringLiteral("keepalive"),
        Text::tr("Keepalive on with idle, interval (seconds) and probe count, e.g. 2,1,3."), QStringLiteral("I,T,C")};
    QCommandLineOption userTimeout{QStringLiteral("user-timeout"),
        Text::tr("TCP_USER_TIMEOUT in milliseconds (0 = off)."), QStringLiteral("MS")};
    QCommandLineOption retries2{QStringLiteral("retries2"),
        Text::tr("net.ipv4.tcp_retries2 (default 15)."), QStringLiteral("N")};
    QCommandLineOption synRetries{QStringLiteral("syn-retries"),
        Text::tr("net.ipv4.tcp_syn_retries (default 6)."), QStringLiteral("N")};
    QCommandLineOption synLinearTimeouts{QStringLiteral("syn-linear-timeouts"),
        Text::tr("net.ipv4.tcp_syn_linear_timeouts (default 4)."), QStringLiteral("N")};
    QCommandLineOption heartbeat{QStringLiteral("heartbeat"),
        Text::tr("Application heartbeat: ping interval in milliseconds and missed answers before dead, e.g. 1000,3."),
        QStringLiteral("MS,K")};
    QCommandLineOption rtt{QStringLiteral("rtt"),
        Text::tr("Measured round-trip time in milliseconds (default 0.1)."), QStringLiteral("MS")};
    QCommandLineOption rtoMin{QStringLiteral("rto-min"),
        Text::tr("Minimum RTO in milliseconds (default 200)."), QStringLiteral("MS")};
    QCommandLineOption rtoMax{QStringLiteral("rto-max"),
        Text::tr("Maximum RTO in milliseconds, net.ipv4.tcp_rto_max_ms (default 120000)."), QStringLiteral("MS")};
    QCommandLineOption json{QStringLiteral("json"), Text::tr("Print one JSON object with a key per kind of death.")};
};

// Fills `input` from the parsed options; on bad input prints the usage line and returns false.
bool readInput(const QCommandLineParser &parser, const Options &o, PredictionInput *input, int *status)
{
    QList<qint64> values;
    if (parser.isSet(o.keepalive)) {
        if (!parseIntList(parser.value(o.keepalive), 3, &values)) {
            *status = usageError(QStringLiteral("keepalive"),
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
            *status = usageError(QStringLiteral("heartbeat"),
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
    return Text::tr("keepalive %1, user timeout %2, tcp_retries2 %3, tcp_syn_retries %4 (linear %5), heartbeat %6, RTT %7 ms")
        .arg(keepalive, userTimeout)
        .arg(in.retries2)
        .arg(in.synRetries)
        .arg(in.synLinearTimeouts)
        .arg(heartbeat)
        .arg(in.rttMs);
}

void printTable(const DetectionPredictor &predictor)
{
    QList<QStringList> rows{{Text::tr("kind of death"), Text::tr("noticed by"), Text::tr("errno"), Text::tr("after"), Text::tr("range"), Text::tr("counted from")}};
    QList<Prediction> predictions;
    for (DeathKind kind : allDeathKinds()) {
        const Prediction p = predictor.predict(kind);
        predictions.append(p);
        const QString errnoName = p.errnoValue ? ErrnoCatalog::name(p.errnoValue) : QStringLiteral("-");
        if (p.isNever()) {
            rows.append({deathKindTitle(kind), mechanismName(p.mechanism), errnoName, Text::tr("never"), QStringLiteral("-"),
                         QStringLiteral("-")});
            continue;
        }
        rows.append({deathKindTitle(kind), mechanismName(p.mechanism), errnoName,
                     PredictionText::duration(*p.expectedUs),
                     QStringLiteral("%1 .. %2").arg(PredictionText::duration(p.minUs), PredictionText::duration(p.maxUs)),
                     timeReferenceDescription(p.reference)});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], terminalColumns(row.at(c)));
    }
    std::printf("%s\n\n", qPrintable(Text::tr("Settings: %1").arg(settingsLine(predictor.input()))));
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c) + QString(widths[c] + 2 - terminalColumns(row.at(c)), QLatin1Char(' ')) : row.at(c);
        std::printf("%s\n", qPrintable(line));
    }
    std::printf("\n");
    for (const Prediction &p : predictions)
        std::printf("%s\n\n", qPrintable(Text::tr("%1: %2", "kind of death, explanation").arg(deathKindTitle(p.kind), p.explanation)));
}

} // namespace

int runPredict(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Predicts when and how each kind of peer death is noticed, from the settings of the side that must notice."));
    const QCommandLineOption help = parser.addHelpOption();
    const Options options;
    const QList<QCommandLineOption> all{options.keepalive, options.userTimeout, options.retries2,
                                        options.synRetries, options.synLinearTimeouts, options.heartbeat,
                                        options.rtt, options.rtoMin, options.rtoMax, options.json};
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
        return usageError(QStringLiteral("argument"),
                          Text::tr("unexpected argument '%1': predict takes options only").arg(parser.positionalArguments().first()));

    PredictionInput input;
    int status = ExitOk;
    if (!readInput(parser, options, &input, &status))
        return status;

    const DetectionPredictor predictor(input);
    if (parser.isSet(options.json))
        std::printf("%s", QJsonDocument(predictor.toJson()).toJson(QJsonDocument::Indented).constData());
    else
        printTable(predictor);
    return ExitOk;
}

} // namespace halfopen::cli
