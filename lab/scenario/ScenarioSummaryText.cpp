// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioSummaryText.h"

#include "core/predict/PredictionText.h"
#include "core/predict/TimeReference.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/JsonNumber.h"
#include "lab/scenario/Detection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace halfopen::lab {

namespace {

// lupdate takes the context from this class: the strings below are "ScenarioSummaryText"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioSummaryText)
};

QString seconds(std::optional<double> s)
{
    return s ? QStringLiteral("%1 s").arg(*s, 0, 'f', 3) : QStringLiteral("-");
}

QString seconds(const QJsonValue &value)
{
    return seconds(value.isDouble() ? std::optional(value.toDouble()) : std::nullopt);
}

// A duration the way predictions read: "1.54 ms", "5.09 s".
QString duration(std::optional<double> s)
{
    return s ? core::PredictionText::duration(core::roundedInRange<qint64>(*s, 1e6)) : QStringLiteral("-");
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// "after the last packet received", in the reader's language; nothing if unknown.
QString reference(std::optional<core::TimeReference> which)
{
    return which ? core::timeReferenceDescription(*which) : QString();
}

QString detectionLine(const QJsonObject &detection)
{
    const DetectionSummary d = DetectionSummary::fromJson(detection);
    const core::VerdictFields &v = d.verdict;
    const QString what = d.errnoValue != 0 ? core::ErrnoCatalog::name(d.errnoValue) : Text::tr("end of file");
    const QString host = QStringLiteral("%1").arg(QString(core::hostName(d.host)), -6);
    const QString detected = Text::tr("%1 by %2 at %3: %4 %5", "errno, mechanism, time, duration, 'after the fault'")
                                 .arg(what, core::mechanismName(d.mechanism), seconds(v.detectedTS),
                                      duration(v.elapsedS), reference(v.reference));
    if (!v.predictedS)
        return v.fatal ? QStringLiteral("  %1  %2").arg(host, detected)
                       : Text::tr("  %1  %2, connection still up", "host, detection").arg(host, detected);
    const QString predicted = duration(v.predictedS);
    const QString predictedReference = reference(v.predictedReference);
    return v.fatal
        ? Text::tr("  %1  %2 (predicted %3 %4)", "host, detection, duration, 'after the fault'")
              .arg(host, detected, predicted, predictedReference)
        : Text::tr("  %1  %2 (predicted %3 %4), connection still up", "host, detection, duration, 'after the fault'")
              .arg(host, detected, predicted, predictedReference);
}

} // namespace

QStringList ScenarioSummaryText::lines(const QJsonObject &s)
{
    QStringList out;
    const bool passed = s.value(QStringLiteral("passed")).toBool();
    out << Text::tr("Scenario %1: %2 (ended by %3 after %4)")
               .arg(s.value(QStringLiteral("scenario")).toString(), passed ? Text::tr("PASSED") : Text::tr("FAILED"),
                    s.value(QStringLiteral("ended_by")).toString(), seconds(s.value(QStringLiteral("duration_s"))));
    if (s.contains(QStringLiteral("error")))
        out << Text::tr("Lab error: %1").arg(s.value(QStringLiteral("error")).toString());

    out << Text::tr("Faults:");
    for (const QJsonValue &v : s.value(QStringLiteral("faults")).toArray()) {
        const QJsonObject f = v.toObject();
        out << QStringLiteral("  %1  %2 %3")
                   .arg(seconds(f.value(QStringLiteral("t_s"))), f.value(QStringLiteral("fault")).toString(),
                        f.value(QStringLiteral("host")).toString());
    }
    out << Text::tr("Detections:");
    const QJsonArray detections = s.value(QStringLiteral("detections")).toArray();
    if (detections.isEmpty())
        out << Text::tr("  none: no application saw an error");
    for (const QJsonValue &v : detections)
        out << detectionLine(v.toObject());

    QStringList states;
    const QJsonObject finalStates = s.value(QStringLiteral("final_states")).toObject();
    for (auto it = finalStates.begin(); it != finalStates.end(); ++it)
        states << QStringLiteral("%1 %2").arg(it.key(), it.value().toString());
    out << Text::tr("Final states: %1").arg(states.join(QStringLiteral(", ")));

    out << Text::tr("Counts (sent by):");
    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        QStringList parts;
        const QJsonObject c = it.value().toObject();
        for (auto ct = c.begin(); ct != c.end(); ++ct)
            parts << QStringLiteral("%1 %2").arg(ct.key()).arg(ct.value().toInteger());
        out << QStringLiteral("  %1  %2").arg(it.key(), -6).arg(parts.join(QStringLiteral(", ")));
    }

    out << Text::tr("Expectations:");
    for (const QJsonValue &v : s.value(QStringLiteral("expectations")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString verdict = !e.value(QStringLiteral("judged")).toBool(true) ? Text::tr("not judged: the lab failed")
            : e.value(QStringLiteral("met")).toBool()                           ? Text::tr("met")
                                                                                : Text::tr("NOT MET");
        out << Text::tr("  [%1] %2: expected %3, observed %4")
                   .arg(verdict, e.value(QStringLiteral("id")).toString(),
                        compact(e.value(QStringLiteral("expected")).toObject()),
                        compact(e.value(QStringLiteral("observed")).toObject()));
    }
    return out;
}

} // namespace halfopen::lab
