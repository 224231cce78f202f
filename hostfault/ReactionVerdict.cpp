// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ReactionVerdict.h"

#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/MechanismText.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace halfopen::hostfault {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hostfault", text);
}

// Times are written to the ms.
double toMs(double s)
{
    return qRound64(s * 1000) / 1000.0;
}

QJsonValue seconds(const std::optional<double> &s)
{
    return s ? QJsonValue(toMs(*s)) : QJsonValue(QJsonValue::Null);
}

QString number(double s)
{
    return QString::number(s, 'f', s < 100 ? 1 : 0);
}

QString faultNoun(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Cut:
        return tr("the cut");
    case FaultKind::Abort:
        return tr("the abort");
    case FaultKind::Freeze:
        return tr("the freeze");
    }
    return {};
}

QString mechanismWords(const QString &name)
{
    // A detection mechanism in the words the window uses; the reaction's own causes below.
    if (const auto mechanism = core::mechanismFromName(name))
        return core::MechanismText::shortName(*mechanism);
    if (name == QLatin1String("abort"))
        return tr("SOCK_DESTROY");
    if (name == QLatin1String("zero_window_probes"))
        return tr("zero-window probes: the peer's receive window was full");
    if (name == QLatin1String("local_drop_probes"))
        return tr("probe timer: the kernel knew its sends were dropped on this machine and gave up after tcp_retries2 "
                  "probes");
    return name;
}

} // namespace

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Cut:
        return QStringLiteral("cut");
    case FaultKind::Abort:
        return QStringLiteral("abort");
    case FaultKind::Freeze:
        return QStringLiteral("freeze");
    }
    return {};
}

QString reactionName(Reaction reaction)
{
    switch (reaction) {
    case Reaction::KernelGaveUp:
        return QStringLiteral("kernel_gave_up");
    case Reaction::PeerClosed:
        return QStringLiteral("peer_closed");
    case Reaction::AppClosed:
        return QStringLiteral("app_closed");
    case Reaction::ProcessExited:
        return QStringLiteral("process_exited");
    case Reaction::Reconnected:
        return QStringLiteral("reconnected");
    }
    return {};
}

QJsonObject ReactionVerdict::toJson() const
{
    return {{QStringLiteral("fault"), faultKindName(fault)},
            {QStringLiteral("target"), target.toJson()},
            {QStringLiteral("kernel_gave_up_s"), seconds(kernelGaveUpS)},
            {QStringLiteral("mechanism"), mechanism.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(mechanism)},
            {QStringLiteral("predicted_s"), seconds(predictedS)},
            {QStringLiteral("predicted_mechanism"),
             predictedMechanism.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(predictedMechanism)},
            {QStringLiteral("predicted_once_sending_s"), seconds(predictedOnceSendingS)},
            {QStringLiteral("app_closed_s"), seconds(appClosedS)},
            {QStringLiteral("app_reconnected_s"), seconds(appReconnectedS)},
            {QStringLiteral("reconnected_local"),
             reconnectedLocal.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reconnectedLocal)},
            {QStringLiteral("peer_closed_s"), seconds(peerClosedS)},
            {QStringLiteral("process_exited"), processExited},
            {QStringLiteral("half_open_at_end"), halfOpenAtEnd},
            {QStringLiteral("lifted_s"), seconds(liftedS)},
            {QStringLiteral("observed_s"), seconds(observedS)}};
}

std::optional<double> ReactionVerdict::firstReactionS() const
{
    const std::optional<double> first = kernelGaveUpS ? kernelGaveUpS : appClosedS;
    return first ? std::optional(toMs(*first)) : std::nullopt;
}

QString ReactionVerdict::toText() const
{
    const QString who = target.pid > 0 ? tr("%1 (pid %2)").arg(target.process).arg(target.pid) : target.describe();
    QStringList parts;
    QString prediction = predictedS ? tr(", predicted %1 s").arg(number(*predictedS)) : QString();
    if (!predictedS && predictedOnceSendingS && mechanism == QLatin1String("retransmission_timeout"))
        prediction = tr(", predicted %1 s after the first unacknowledged send").arg(number(*predictedOnceSendingS));
    if (kernelGaveUpS) {
        parts << tr("the kernel gave up %1 s after %2 (%3%4)")
                     .arg(number(*kernelGaveUpS), faultNoun(fault), mechanismWords(mechanism), prediction);
    } else if (fault == FaultKind::Cut && !appClosedS) {
        parts << (predictedS ? tr("the kernel had not given up %1 s after %2 (predicted %3 s)")
                                   .arg(number(observedS), faultNoun(fault), number(*predictedS))
                             : tr("the kernel had not given up %1 s after %2 (predicted: never)")
                                   .arg(number(observedS), faultNoun(fault)));
    }
    if (peerClosedS)
        parts << tr("the peer closed the connection %1 s after %2").arg(number(*peerClosedS), faultNoun(fault));
    if (appClosedS) {
        const QString how = processExited ? tr("the process exited") : tr("the application closed its socket");
        if (kernelGaveUpS)
            parts << tr("%1 %2 s later").arg(how, number(*appClosedS - *kernelGaveUpS));
        else if (fault == FaultKind::Cut)
            parts << tr("%1 %2 s after %3, before the kernel gave up%4,")
                         .arg(how, number(*appClosedS), faultNoun(fault),
                              predictedS ? tr(" (predicted %1 s)").arg(number(*predictedS)) : QString());
        else
            parts << tr("%1 %2 s after %3").arg(how, number(*appClosedS), faultNoun(fault));
    }
    if (appReconnectedS) {
        if (appClosedS)
            parts.last() += tr(" and reconnected %1 s after that").arg(number(*appReconnectedS - *appClosedS));
        else
            parts << tr("it opened a new connection to %1 %2 s after %3")
                         .arg(target.remote.toString(), number(*appReconnectedS), faultNoun(fault));
    } else if (appClosedS && !processExited) {
        parts.last() += tr(" and had not reconnected %1 s after %2").arg(number(observedS), faultNoun(fault));
    }
    if (halfOpenAtEnd)
        parts << tr("after %1 s it still holds an ESTABLISHED socket to a dead peer").arg(number(observedS));
    if (parts.isEmpty())
        parts << tr("nothing changed in %1 s after %2").arg(number(observedS), faultNoun(fault));
    return tr("%1: %2").arg(who, parts.join(QStringLiteral("; ")));
}

} // namespace halfopen::hostfault
