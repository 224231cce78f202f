// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ScenarioSummaryText.h"

#include "core/predict/PredictionText.h"
#include "core/predict/TimeReference.h"
#include "core/tcp/JsonNumber.h"

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

QString seconds(const QJsonValue &value)
{
    return value.isDouble() ? QStringLiteral("%1 s").arg(value.toDouble(), 0, 'f', 3) : QStringLiteral("-");
}

// A duration the way predictions read: "1.54 ms", "5.09 s".
QString duration(const QJsonValue &value)
{
    return value.isDouble() ? core::PredictionText::duration(core::roundedInRange<qint64>(value.toDouble(), 1e6))
                            : QStringLiteral("-");
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// "after the last packet received", in the reader's language; the raw name if unknown.
QString reference(const QJsonValue &value)
{
    const auto known = core::timeReferenceFromName(value.toString());
    return known ? core::timeReferenceDescription(*known) : value.toString();
}

QString detectionLine(const QJsonObject &d)
{
    const QString what = d.value(QStringLiteral("errno")).isString() ? d.value(QStringLiteral("errno")).toString()
                                                                     : Text::tr("end of file");
    const QString host = QStringLiteral("%1").arg(d.value(QStringLiteral("host")).toString(), -6);
    const QString detected
        = Text::tr("%1 by %2 at %3: %4 %5", "errno, mechanism, time, duration, 'after the fault'")
              .arg(what, d.value(QStringLiteral("mechanism")).toString(),
                   seconds(d.value(QStringLiteral("detected_t_s"))), duration(d.value(QStringLiteral("elapsed_s"))),
                   reference(d.value(QStringLiteral("reference"))));
    const bool fatal = d.value(QStringLiteral("fatal")).toBool(true);
    if (!d.value(QStringLiteral("predicted_s")).isDouble())
        return fatal ? QStringLiteral("  %1  %2").arg(host, detected)
                     : Text::tr("  %1  %2, connection still up", "host, detection").arg(host, detected);
    const QString predicted = duration(d.value(QStringLiteral("predicted_s")));
    const QString predictedReference = reference(d.value(QStringLiteral("predicted_reference")));
    return fatal
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
