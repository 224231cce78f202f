// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AuditDetailsText.h"

#include "core/predict/DetectionPredictor.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/MechanismText.h"
#include "models/AuditTableModel.h"
#include "ui/PredictionWords.h"

#include <QColor>

namespace halfopen::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString predictionLine(const core::Prediction &p)
{
    const QString what = QStringLiteral("<b>%1</b>").arg(esc(core::deathKindTitle(p.kind)));
    if (p.isNever())
        return AuditDetailsText::tr("%1: never noticed").arg(what);
    // What the application sees first, as the prediction panel says it.
    if (p.mechanism == core::DetectionMechanism::Fin)
        return finPredictionText(what, p);
    const QString errnoText
        = p.errnoValue ? QStringLiteral(" (%1)").arg(core::ErrnoCatalog::name(p.errnoValue)) : QString();
    return AuditDetailsText::tr("%1: by %2%3 after %4 s %5", "%4 seconds, %5 'after the last packet received'")
        .arg(what, esc(core::MechanismText::title(p.mechanism)), errnoText)
        .arg(*p.seconds(), 0, 'f', 1)
        .arg(esc(core::timeReferenceDescription(p.reference)));
}

} // namespace

QString AuditDetailsText::liveText(const audit::AuditedConnection &c)
{
    const core::TcpInfoSample &s = c.socket.sample;
    return tr("RTT %1 ms, Send-Q %2, Recv-Q %3, timer %4 (%5 ms)")
        .arg(c.rttMs())
        .arg(s.sendQ)
        .arg(s.recvQ)
        .arg(core::tcpTimerName(s.timer))
        .arg(s.timerExpiresMs);
}

QString AuditDetailsText::html(const audit::AuditedConnection &c, const audit::NamespaceSysctls &sysctls,
                               const std::optional<audit::ApplicationAssumption> &application)
{
    QStringList parts;
    const QString who
        = c.holders.isEmpty() ? tr("process not visible") : tr("%1, pid %2").arg(esc(c.process())).arg(*c.pid());
    parts << tr("<b>%1</b> → <b>%2</b> (%3) — %4, user %5")
                 .arg(esc(c.socket.local.toString()), esc(c.socket.remote.toString()),
                      core::tcpStateName(c.socket.sample.state), who,
                      esc(c.user.isEmpty() ? QString::number(c.socket.uid) : c.user));
    if (c.holders.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < c.holders.size(); ++i)
            others << QStringLiteral("%1 (%2)").arg(esc(c.holders.at(i).command)).arg(c.holders.at(i).pid);
        parts << tr("Also held by %1").arg(others.join(QStringLiteral(", ")));
    }
    parts << tr("Options: %1").arg(esc(c.optionsNote));
    QStringList values;
    for (const auto &[name, value] : sysctls.values)
        values << QStringLiteral("%1 = %2").arg(QString(name).remove(QStringLiteral("net.ipv4.")),
                                                QString::number(value));
    parts << tr("This network namespace: %1").arg(esc(values.join(QStringLiteral(", "))));

    if (c.optionsSource == audit::OptionsSource::Unknown) {
        parts << tr("No prediction: the options are not known.");
    } else {
        const core::DetectionPredictor predictor(c.predictionInput);
        QStringList lines;
        for (core::DeathKind kind : core::allDeathKinds())
            lines << predictionLine(predictor.predict(kind));
        parts << tr("<b>When would it notice a dead peer?</b>") + QStringLiteral("<br>")
                + lines.join(QStringLiteral("<br>"));
    }
    if (application)
        parts << tr("<b>The application's own keepalive (assumed)</b>") + QStringLiteral("<br>")
                + esc(application->text(tr("in the field below", "where the user gives the application's keepalive")));
    const QColor color = models::AuditTableModel::riskColor(c.assessment.risk);
    QString risk = tr("<span style=\"background-color: rgba(%1,%2,%3,%4)\">&nbsp;<b>%5</b>&nbsp;</span>")
                       .arg(color.red())
                       .arg(color.green())
                       .arg(color.blue())
                       .arg(color.alpha())
                       .arg(esc(models::AuditTableModel::riskText(c.assessment.risk)));
    if (c.assessment.fix)
        risk += tr(" — fix: set %1 on the socket").arg(esc(c.assessment.fix->text));
    parts << tr("Risk: %1").arg(risk);
    return parts.join(QStringLiteral("<br><br>"));
}

} // namespace halfopen::ui
