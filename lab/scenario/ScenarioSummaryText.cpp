#include "lab/scenario/ScenarioSummaryText.h"

#include "core/predict/PredictionText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace halfopen::lab {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioSummaryText", text);
}

QString seconds(const QJsonValue &value)
{
    return value.isDouble() ? QStringLiteral("%1 s").arg(value.toDouble(), 0, 'f', 3) : QStringLiteral("-");
}

// A duration the way predictions read: "1.54 ms", "5.09 s".
QString duration(const QJsonValue &value)
{
    return value.isDouble() ? core::PredictionText::duration(qRound64(value.toDouble() * 1e6)) : QStringLiteral("-");
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString detectionLine(const QJsonObject &d)
{
    const QString what = d.value(QStringLiteral("errno")).isString() ? d.value(QStringLiteral("errno")).toString()
                                                                     : tr("end of file");
    QString line = tr("  %1  %2 by %3 at %4: %5 after the %6")
                       .arg(d.value(QStringLiteral("host")).toString(), -6)
                       .arg(what, d.value(QStringLiteral("mechanism")).toString(), seconds(d.value(QStringLiteral("detected_t_s"))),
                            duration(d.value(QStringLiteral("elapsed_s"))),
                            d.value(QStringLiteral("reference")).toString().replace(QLatin1Char('_'), QLatin1Char(' ')));
    if (d.value(QStringLiteral("predicted_s")).isDouble())
        line += tr(" (predicted %1 after the %2)")
                    .arg(duration(d.value(QStringLiteral("predicted_s"))),
                         d.value(QStringLiteral("predicted_reference")).toString().replace(QLatin1Char('_'), QLatin1Char(' ')));
    if (!d.value(QStringLiteral("fatal")).toBool(true))
        line += tr(", connection still up");
    return line;
}

} // namespace

QStringList ScenarioSummaryText::lines(const QJsonObject &s)
{
    QStringList out;
    const bool passed = s.value(QStringLiteral("passed")).toBool();
    out << tr("Scenario %1: %2 (ended by %3 after %4)")
               .arg(s.value(QStringLiteral("scenario")).toString(), passed ? tr("PASSED") : tr("FAILED"),
                    s.value(QStringLiteral("ended_by")).toString(), seconds(s.value(QStringLiteral("duration_s"))));
    if (s.contains(QStringLiteral("error")))
        out << tr("Lab error: %1").arg(s.value(QStringLiteral("error")).toString());

    out << tr("Faults:");
    for (const QJsonValue &v : s.value(QStringLiteral("faults")).toArray()) {
        const QJsonObject f = v.toObject();
        out << QStringLiteral("  %1  %2 %3").arg(seconds(f.value(QStringLiteral("t_s"))), f.value(QStringLiteral("fault")).toString(),
                                                 f.value(QStringLiteral("host")).toString());
    }
    out << tr("Detections:");
    const QJsonArray detections = s.value(QStringLiteral("detections")).toArray();
    if (detections.isEmpty())
        out << tr("  none: no application saw an error");
    for (const QJsonValue &v : detections)
        out << detectionLine(v.toObject());

    QStringList states;
    const QJsonObject finalStates = s.value(QStringLiteral("final_states")).toObject();
    for (auto it = finalStates.begin(); it != finalStates.end(); ++it)
        states << QStringLiteral("%1 %2").arg(it.key(), it.value().toString());
    out << tr("Final states: %1").arg(states.join(QStringLiteral(", ")));

    out << tr("Counts (sent by):");
    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        QStringList parts;
        const QJsonObject c = it.value().toObject();
        for (auto ct = c.begin(); ct != c.end(); ++ct)
            parts << QStringLiteral("%1 %2").arg(ct.key()).arg(ct.value().toInteger());
        out << QStringLiteral("  %1  %2").arg(it.key(), -6).arg(parts.join(QStringLiteral(", ")));
    }

    out << tr("Expectations:");
    for (const QJsonValue &v : s.value(QStringLiteral("expectations")).toArray()) {
        const QJsonObject e = v.toObject();
        out << tr("  [%1] %2: expected %3, observed %4")
                   .arg(e.value(QStringLiteral("met")).toBool() ? tr("met") : tr("NOT MET"), e.value(QStringLiteral("id")).toString(),
                        compact(e.value(QStringLiteral("expected")).toObject()), compact(e.value(QStringLiteral("observed")).toObject()));
    }
    return out;
}

} // namespace halfopen::lab
