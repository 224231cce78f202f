// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/Scenario.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace halfopen::lab {

namespace {

constexpr double kMaxTimeoutS = 3600;

// lupdate takes the context from this class: the strings below are "Scenario"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Scenario)
};

QString field(const QString &path, const QString &message)
{
    return QStringLiteral("%1: %2").arg(path, message);
}

// Unknown keys are typos more often than not: name them with what is allowed.
bool onlyKeys(const QJsonObject &j, const QStringList &allowed, const QString &path, QString *error)
{
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!allowed.contains(it.key())) {
            const QString where = path.isEmpty() ? it.key() : QStringLiteral("%1.%2").arg(path, it.key());
            *error = field(where,
                           Text::tr("is not a scenario field; allowed: %1").arg(allowed.join(QStringLiteral(", "))));
            return false;
        }
    }
    return true;
}

// Faults that act on one host must say which.
bool needsHost(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Loss:
    case FaultKind::Delay:
    case FaultKind::NatTimeout:
    case FaultKind::Marker:
        return false;
    default:
        return true;
    }
}

bool readStep(const QJsonValue &value, const QString &path, double timeoutS, ScenarioStep *step, QString *error)
{
    const QJsonObject j = value.toObject();
    if (!value.isObject()) {
        *error = field(
            path,
            Text::tr("must be an object such as {\"at_s\": 1.0, \"fault\": \"power-off\", \"host\": \"server\"}"));
        return false;
    }
    if (!onlyKeys(j,
                  {QStringLiteral("at_s"), QStringLiteral("fault"), QStringLiteral("host"), QStringLiteral("direction"),
                   QStringLiteral("value"), QStringLiteral("jitter_ms"), QStringLiteral("reset")},
                  path, error))
        return false;
    const QJsonValue at = j.value(QStringLiteral("at_s"));
    if (!at.isDouble() || at.toDouble() < 0 || at.toDouble() >= timeoutS) {
        *error = field(path + QStringLiteral(".at_s"),
                       Text::tr("must be a number of seconds from 0 to less than end.timeout_s (%1)").arg(timeoutS));
        return false;
    }
    step->atS = at.toDouble();
    // Fault::fromJson names the field in its message ("value: ...").
    QJsonObject faultJson = j;
    faultJson.remove(QStringLiteral("at_s"));
    QString why;
    const auto fault = Fault::fromJson(faultJson, &why);
    if (!fault) {
        *error = path + QLatin1Char('.') + why;
        return false;
    }
    step->fault = *fault;
    if (fault->host == core::Host::None && needsHost(fault->kind)) {
        *error = field(path + QStringLiteral(".host"),
                       Text::tr("is required for %1: client or server").arg(faultKindName(fault->kind)));
        return false;
    }
    return true;
}

bool readEnd(const QJsonObject &json, ScenarioEnd *end, QString *error)
{
    if (!json.contains(QStringLiteral("end"))) {
        *error = field(QStringLiteral("end"),
                       Text::tr("is required: {\"timeout_s\": N, \"when\": \"expectations_met\" or \"timeout\"}"));
        return false;
    }
    const QJsonObject j = json.value(QStringLiteral("end")).toObject();
    if (!onlyKeys(j, {QStringLiteral("timeout_s"), QStringLiteral("when")}, QStringLiteral("end"), error))
        return false;
    const QJsonValue timeout = j.value(QStringLiteral("timeout_s"));
    if (!timeout.isDouble() || timeout.toDouble() <= 0 || timeout.toDouble() > kMaxTimeoutS) {
        *error = field(QStringLiteral("end.timeout_s"),
                       Text::tr("must be a number of seconds above 0 and at most %1").arg(kMaxTimeoutS));
        return false;
    }
    end->timeoutS = timeout.toDouble();
    const QString when = j.value(QStringLiteral("when")).toString(QStringLiteral("expectations_met"));
    if (when == QLatin1String("expectations_met")) {
        end->when = ScenarioEnd::When::ExpectationsMet;
    } else if (when == QLatin1String("timeout")) {
        end->when = ScenarioEnd::When::Timeout;
    } else {
        *error = field(QStringLiteral("end.when"), Text::tr("must be expectations_met or timeout"));
        return false;
    }
    return true;
}

QString whenName(ScenarioEnd::When when)
{
    return when == ScenarioEnd::When::Timeout ? QStringLiteral("timeout") : QStringLiteral("expectations_met");
}

} // namespace

QJsonObject Scenario::toJson() const
{
    QJsonArray stepArray;
    for (const ScenarioStep &s : steps) {
        QJsonObject j = s.fault.toJson();
        j.insert(QStringLiteral("at_s"), s.atS);
        stepArray.append(j);
    }
    QJsonArray expectArray;
    for (const Expectation &e : expectations)
        expectArray.append(e.toJson());
    return {{QStringLiteral("title"), title},
            {QStringLiteral("explanation"), explanation},
            {QStringLiteral("lab"), labJson},
            {QStringLiteral("steps"), stepArray},
            {QStringLiteral("end"),
             QJsonObject{{QStringLiteral("timeout_s"), end.timeoutS}, {QStringLiteral("when"), whenName(end.when)}}},
            {QStringLiteral("expect"), expectArray}};
}

std::optional<Scenario> Scenario::fromJson(const QJsonObject &json, const QString &name, QString *error)
{
    Scenario s;
    s.name = name;
    if (!onlyKeys(json,
                  {QStringLiteral("title"), QStringLiteral("explanation"), QStringLiteral("lab"),
                   QStringLiteral("steps"), QStringLiteral("end"), QStringLiteral("expect")},
                  QString(), error))
        return std::nullopt;
    for (const char *key : {"title", "explanation"}) {
        if (json.value(QLatin1String(key)).toString().trimmed().isEmpty()) {
            *error = field(QLatin1String(key), Text::tr("is required: a non-empty text"));
            return std::nullopt;
        }
    }
    s.title = json.value(QStringLiteral("title")).toString();
    s.explanation = json.value(QStringLiteral("explanation")).toString();

    if (!json.value(QStringLiteral("lab")).isObject()) {
        *error = field(QStringLiteral("lab"),
                       Text::tr("is required: {\"hosts\": {\"client\": {...}, \"server\": {...}}, \"cable\": {...}}"));
        return std::nullopt;
    }
    s.labJson = json.value(QStringLiteral("lab")).toObject();
    if (!onlyKeys(s.labJson, {QStringLiteral("hosts"), QStringLiteral("cable")}, QStringLiteral("lab"), error))
        return std::nullopt;
    QString why;
    const auto lab = LabConfig::fromJson(s.labJson, &why);
    if (!lab) {
        *error = QStringLiteral("lab.") + why;
        return std::nullopt;
    }
    s.lab = *lab;

    if (!readEnd(json, &s.end, error))
        return std::nullopt;

    const QJsonValue steps = json.value(QStringLiteral("steps"));
    if (!steps.isUndefined() && !steps.isArray()) {
        *error = field(QStringLiteral("steps"), Text::tr("must be a list of timed faults"));
        return std::nullopt;
    }
    const QJsonArray stepArray = steps.toArray();
    for (qsizetype i = 0; i < stepArray.size(); ++i) {
        ScenarioStep step;
        if (!readStep(stepArray.at(i), QStringLiteral("steps[%1]").arg(i), s.end.timeoutS, &step, error))
            return std::nullopt;
        s.steps.append(step);
    }

    const QJsonValue expect = json.value(QStringLiteral("expect"));
    if (!expect.isArray()) {
        *error = field(QStringLiteral("expect"), Text::tr("is required: a list of expectations"));
        return std::nullopt;
    }
    QSet<QString> ids;
    const QJsonArray expectArray = expect.toArray();
    for (qsizetype i = 0; i < expectArray.size(); ++i) {
        const QString path = QStringLiteral("expect[%1]").arg(i);
        const auto e = Expectation::fromJson(expectArray.at(i).toObject(), path, error);
        if (!e)
            return std::nullopt;
        if (ids.contains(e->id)) {
            *error = field(path + QStringLiteral(".id"), Text::tr("'%1' is used twice: ids must be unique").arg(e->id));
            return std::nullopt;
        }
        ids.insert(e->id);
        s.expectations.append(*e);
    }
    if (s.expectations.isEmpty() && s.end.when == ScenarioEnd::When::ExpectationsMet) {
        *error = field(QStringLiteral("expect"),
                       Text::tr("is empty: with end.when expectations_met there must be at least one"));
        return std::nullopt;
    }
    return s;
}

std::optional<Scenario> Scenario::fromFile(const QString &path, QString *error)
{
    // A scenario is a small text file: not a device, a FIFO, or megabytes.
    constexpr qint64 kMaxScenarioBytes = 1 << 20;
    if (const QFileInfo info(path); info.exists() && (!info.isFile() || info.size() > kMaxScenarioBytes)) {
        *error = Text::tr("cannot read %1: not a regular file of at most 1 MB").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxScenarioBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = Text::tr("a scenario is a JSON object with title, explanation, lab, steps, end and expect");
        return std::nullopt;
    }
    return fromJson(doc.object(), QFileInfo(path).completeBaseName(), error);
}

} // namespace halfopen::lab
