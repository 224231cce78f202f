// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/EventWords.h"

#include "core/predict/VerdictFields.h"
#include "core/session/ErrorFields.h"
#include "core/session/FaultFields.h"
#include "core/session/PacketFields.h"
#include "core/session/RunStepFields.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/MechanismText.h"
#include "models/RunStepText.h"
#include "models/SocketOptionsText.h"
#include "ui/views/PacketClassStyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

namespace {
// English keeps the names the timeline always showed; the comment tells translators what each is.
const struct
{
    const char *name; // lab::faultKindName()
    const char *comment;
} kFaults[] = {
    QT_TRANSLATE_NOOP3("FaultText", "unplug", "fault: the host's cable was pulled"),
    QT_TRANSLATE_NOOP3("FaultText", "replug", "fault: the host's cable was plugged back in"),
    QT_TRANSLATE_NOOP3("FaultText", "power-off", "fault: the host lost power"),
    QT_TRANSLATE_NOOP3("FaultText", "power-on", "fault: the host was switched on again"),
    QT_TRANSLATE_NOOP3("FaultText", "reboot", "fault: the host rebooted"),
    QT_TRANSLATE_NOOP3("FaultText", "kill-process", "fault: the test process got SIGKILL"),
    QT_TRANSLATE_NOOP3("FaultText", "freeze-process", "fault: the test process got SIGSTOP"),
    QT_TRANSLATE_NOOP3("FaultText", "thaw-process", "fault: the test process got SIGCONT"),
    QT_TRANSLATE_NOOP3("FaultText", "close", "fault: the application closed the connection (FIN)"),
    QT_TRANSLATE_NOOP3("FaultText", "abort", "fault: the application aborted the connection (RST)"),
    QT_TRANSLATE_NOOP3("FaultText", "shutdown-write", "fault: the application called shutdown(SHUT_WR)"),
    QT_TRANSLATE_NOOP3("FaultText", "send", "fault: the application sent data now"),
    QT_TRANSLATE_NOOP3("FaultText", "icmp-unreachable-on", "fault: the cable starts answering with ICMP unreachable"),
    QT_TRANSLATE_NOOP3("FaultText", "icmp-unreachable-off", "fault: the cable stops answering with ICMP unreachable"),
    QT_TRANSLATE_NOOP3("FaultText", "loss", "fault: the cable's loss rate changed"),
    QT_TRANSLATE_NOOP3("FaultText", "delay", "fault: the cable's delay changed"),
    QT_TRANSLATE_NOOP3("FaultText", "nat-timeout", "fault: the NAT forgot an idle connection"),
    QT_TRANSLATE_NOOP3("FaultText", "marker", "fault: the user's 'I pulled the cable now' mark"),
};

// An optional header number as text: empty when the packet has none.
QString number(std::optional<quint32> n)
{
    return n ? QString::number(*n) : QString();
}

class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventWords)
public:
    static QString details(const Event &e, qint64 originUs);
    static QString headline(const Event &e);
    static QString host(core::Host name);
    static QString fieldName(const QString &key);
    static QString fieldValue(const QString &key, const QJsonValue &value);
};

QString EventText::host(core::Host name)
{
    switch (name) {
    case core::Host::Client:
        return tr("client", "lab host: a timeline lane's name");
    case core::Host::Server:
        return tr("server", "lab host: a timeline lane's name");
    case core::Host::Lab:
        return tr("lab", "the lab itself: its lifecycle events' host");
    default:
        return core::hostName(name);
    }
}

QString EventText::fieldName(const QString &key)
{
    // The fields endpoint and heartbeat events carry (core/endpoint, the lab, real-network mode).
    static const QHash<QString, const char *> names = {
        {QStringLiteral("bytes_received"), QT_TR_NOOP("bytes received")},
        {QStringLiteral("bytes_sent"), QT_TR_NOOP("bytes sent")},
        {QStringLiteral("how"), QT_TR_NOOP("how")},
        {QStringLiteral("pid"), QT_TR_NOOP("pid")},
        {QStringLiteral("traffic"), QT_TR_NOOP("traffic")},
        {QStringLiteral("operation"), QT_TR_NOOP("operation")},
        {QStringLiteral("fatal"), QT_TR_NOOP("fatal")},
        {QStringLiteral("live"), QT_TR_NOOP("live")},
        {QStringLiteral("crashed"), QT_TR_NOOP("crashed")},
        {QStringLiteral("exit_code"), QT_TR_NOOP("exit code")},
        {QStringLiteral("dropped_frames"), QT_TR_NOOP("dropped frames")},
        {QStringLiteral("enabled"), QT_TR_NOOP("enabled")},
        {QStringLiteral("endpoint"), QT_TR_NOOP("endpoint")},
        {QStringLiteral("error"), QT_TR_NOOP("error")},
        {QStringLiteral("host"), QT_TR_NOOP("host")},
        {QStringLiteral("interval_ms"), QT_TR_NOOP("interval ms")},
        {QStringLiteral("misses"), QT_TR_NOOP("misses")},
        {QStringLiteral("limit_mb"), QT_TR_NOOP("limit MB")},
        {QStringLiteral("pcap"), QT_TR_NOOP("pcap")},
        {QStringLiteral("mode"), QT_TR_NOOP("mode")},
        {QStringLiteral("netns"), QT_TR_NOOP("network namespace")},
        {QStringLiteral("option"), QT_TR_NOOP("option")},
        {QStringLiteral("role"), QT_TR_NOOP("role")},
        {QStringLiteral("rtt_ms"), QT_TR_NOOP("RTT ms")},
        {QStringLiteral("since_first_unacked_send_ms"), QT_TR_NOOP("since first unacknowledged send ms")},
        {QStringLiteral("since_last_received_ms"), QT_TR_NOOP("since last received ms")},
        {QStringLiteral("state_after"), QT_TR_NOOP("state after")},
        {QStringLiteral("syn_retransmits"), QT_TR_NOOP("SYN retransmits")},
        {QStringLiteral("t_s"), QT_TR_NOOP("t s")},
        {QStringLiteral("frames"), QT_TR_NOOP("frames")},
        {QStringLiteral("aggregated"), QT_TR_NOOP("aggregated")},
    };
    if (const char *name = names.value(key))
        return tr(name);
    QString words = key;
    return words.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString EventText::fieldValue(const QString &key, const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    const QString text = value.toVariant().toString();
    if (key == QLatin1String("how")) { // how a test connection ended
        if (text == QLatin1String("error"))
            return tr("error", "how a connection ended: an error");
        if (text == QLatin1String("eof"))
            return tr("end of file", "how a connection ended: the peer's FIN");
        if (text == QLatin1String("close"))
            return tr("closed", "how a connection ended: closed by this side");
        if (text == QLatin1String("abort"))
            return tr("aborted (RST)", "how a connection ended: reset by this side");
    }
    if (key == QLatin1String("role")) {
        if (text == QLatin1String("send"))
            return tr("sends", "heartbeat role: this side pings");
        if (text == QLatin1String("answer"))
            return tr("answers", "heartbeat role: this side answers pings");
    }
    return text;
}

QString EventText::headline(const Event &e)
{
    switch (e.kind) {
    case EventKind::Packet: {
        const QString direction = core::PacketFields::of(e).directionText(QStringLiteral(" → "));
        return tr("%1 packet, %2").arg(packetClassStyle(e.what).title, direction.isEmpty() ? host(e.host) : direction);
    }
    case EventKind::Heartbeat:
        return tr("%1 on %2").arg(heartbeatPhaseStyle(e.what).title, host(e.host));
    case EventKind::State:
        return tr("%1: %2 → %3").arg(host(e.host), tcpStateName(e.fromState), tcpStateName(e.toState));
    case EventKind::Fault:
        return tr("fault: %1").arg(faultWords(e));
    case EventKind::Error:
        return tr("%1 saw %2 (detected by %3)")
            .arg(host(e.host),
                 e.errnoValue != 0 ? core::ErrnoCatalog::describe(e.errnoValue) : tr("EOF: the peer closed"),
                 core::MechanismText::shortName(e.mechanism));
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Options))
            return models::isLiveOptionsChange(e.detail) ? tr("%1: socket options changed").arg(host(e.host))
                                                         : tr("%1: socket options set").arg(host(e.host));
        return core::describeEvent(e, 0);
    case EventKind::Verdict:
        return tr("verdict: %1 by %2 after %3 s")
            .arg(e.what, core::MechanismText::shortName(e.mechanism))
            .arg(core::VerdictFields::of(e).elapsedS.value_or(0), 0, 'f', 2);
    default:
        return core::describeEvent(e, 0);
    }
}

QString EventText::details(const Event &e, qint64 originUs)
{
    QStringList lines;
    lines.append(headline(e));
    lines.append(tr("at %1 s").arg((e.tUs - originUs) / 1e6, 0, 'f', 3));
    if (!e.local.isEmpty())
        lines.append(e.remote.isEmpty() ? e.local : QStringLiteral("%1 → %2").arg(e.local, e.remote));
    if (e.kind == EventKind::Packet) {
        const core::PacketFields p = core::PacketFields::of(e);
        lines.append(tr("flags %1  seq %2  ack %3  len %4")
                         .arg(p.flags ? p.flags->toText() : QString())
                         .arg(number(p.relativeSeq))
                         .arg(number(p.relativeAck))
                         .arg(p.length.value_or(0)));
    }
    if (e.kind == EventKind::Heartbeat && e.count != 0)
        lines.append(tr("count %1").arg(e.count));
    if (e.is(core::EndpointStep::Options))
        lines.append(models::optionsEventText(e.detail));
    if (e.kind == EventKind::Error) {
        if (const core::SocketOperation operation = core::ErrorFields::of(e).operation;
            operation != core::SocketOperation::None)
            lines.append(tr("in %1()").arg(core::socketOperationName(operation)));
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

QString eventDetailsText(const Event &event, qint64 originUs)
{
    return EventText::details(event, originUs);
}

QString mechanismWords(core::DetectionMechanism mechanism)
{
    return core::MechanismText::shortName(mechanism);
}

QString hostWords(core::Host host)
{
    return EventText::host(host);
}

QString detailFieldsWords(const QJsonObject &detail)
{
    if (detail.contains(QStringLiteral("message")))
        return detail.value(QStringLiteral("message")).toString();
    QStringList fields;
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it) {
        if (it->isObject() || it->isArray())
            continue;
        fields << EventText::tr("%1 %2", "an event's field: its name, then its value")
                      .arg(EventText::fieldName(it.key()), EventText::fieldValue(it.key(), *it));
    }
    return fields.join(EventText::tr(", ", "between an event's fields"));
}

QString faultTitle(const QString &faultName)
{
    for (const auto &f : kFaults) {
        if (faultName == QLatin1String(f.name))
            return QCoreApplication::translate("FaultText", f.name, f.comment);
    }
    return faultName;
}

QString faultWords(const core::Event &fault)
{
    QString text = fault.host == core::Host::None
        ? faultTitle(fault.what)
        : EventText::tr("%1 %2", "fault, then the host it hit").arg(faultTitle(fault.what), hostWords(fault.host));
    if (const double value = core::FaultFields::of(fault).value; value != 0)
        text = EventText::tr("%1 (%2)", "fault and its value").arg(text).arg(value);
    return text;
}

QString hostTitle(core::Host host)
{
    if (host == core::Host::Client)
        return EventText::tr("Client", "lab host");
    if (host == core::Host::Server)
        return EventText::tr("Server", "lab host");
    return hostWords(host);
}

QString eventLogFields(const Event &e)
{
    switch (e.kind) {
    case EventKind::Error:
        return QStringLiteral("%1, %2").arg(core::ErrnoCatalog::describe(e.errnoValue),
                                            core::mechanismName(e.mechanism));
    case EventKind::State:
        return QStringLiteral("%1 → %2  %3 ↔ %4")
            .arg(core::tcpStateName(e.fromState), core::tcpStateName(e.toState), e.local, e.remote);
    case EventKind::Sample:
        if (!e.sample)
            return {};
        return QStringLiteral("%1 rto=%2ms probes=%3 retrans=%4 backoff=%5 send-q=%6")
            .arg(core::tcpStateName(e.sample->state))
            .arg(e.sample->rtoMs())
            .arg(e.sample->probes)
            .arg(e.sample->retransmits)
            .arg(e.sample->backoff)
            .arg(e.sample->sendQ);
    case EventKind::Packet: {
        // The header fields a reader scans for; the rest is in the timeline's hover and the pcap.
        const core::PacketFields p = core::PacketFields::of(e);
        QString text = QStringLiteral("%1 [%2] seq=%3 ack=%4 len=%5")
                           .arg(p.directionText(), p.flags ? p.flags->toText() : QString())
                           .arg(number(p.relativeSeq), number(p.relativeAck))
                           .arg(p.length.value_or(0));
        if (p.dropped)
            text = EventText::tr("%1 — dropped by the cable", "packet header fields").arg(text);
        return text;
    }
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Options)) {
            const QString socket = e.local.isEmpty() ? QString() : QStringLiteral("  %1 ↔ %2").arg(e.local, e.remote);
            return models::optionsEventText(e.detail) + socket;
        }
        [[fallthrough]];
    default:
        return e.detail.isEmpty() ? QString()
                                  : QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
    }
}

QString eventLogText(const Event &e)
{
    switch (e.kind) {
    case EventKind::Verdict:
        return verdictHeadline(e);
    case EventKind::Fault:
        return faultWords(e);
    case EventKind::Endpoint:
        if (e.is(core::EndpointStep::Options))
            return eventLogFields(e);
        if (e.is(core::RunStep::CaptureTrimmed))
            return models::captureTrimmedText(core::RunStepFields::of(e));
        return detailFieldsWords(e.detail);
    case EventKind::Heartbeat:
        return e.detail.isEmpty() ? QString() : detailFieldsWords(e.detail);
    default:
        return eventLogFields(e);
    }
}

QString verdictHeadline(const Event &v)
{
    if (v.kind != EventKind::Verdict)
        return {};
    const core::VerdictFields d = core::VerdictFields::of(v);
    const QString who = hostTitle(v.host);
    const QString how = core::MechanismText::title(v.mechanism);
    const QString errnoName = v.errnoValue ? core::ErrnoCatalog::name(v.errnoValue) : QString();
    const std::optional<core::TimeReference> reference = d.reference;
    QString when;
    // Measured from the user's marker on a real network: say so, it is their stopwatch.
    if (d.elapsedS && reference)
        when = EventText::tr("%1 s %2", "seconds, then 'after the fault'")
                   .arg(*d.elapsedS, 0, 'f', 2)
                   .arg(d.fromMarker(*reference) ? EventText::tr("after your marker")
                                                 : core::timeReferenceDescription(*reference));
    QString text;
    if (!d.fatal)
        text = EventText::tr("%1: warning (%2) by %3, the connection lives on").arg(who, errnoName, how);
    else if (!v.errnoValue)
        text = when.isEmpty() ? EventText::tr("%1: the peer closed the connection (end of stream)").arg(who)
                              : EventText::tr("%1: the peer closed the connection (end of stream) %2").arg(who, when);
    else if (when.isEmpty())
        text = EventText::tr("%1: connection lost — %2 by %3").arg(who, errnoName, how);
    else
        text = EventText::tr("%1: dead peer detected %2 by %3 (%4)").arg(who, when, how, errnoName);
    if (d.predictedS) {
        const std::optional<core::TimeReference> predictedRef = d.predictedReference;
        if (predictedRef && predictedRef != reference) {
            text = EventText::tr("%1 — predicted %2 s %3", "verdict, seconds, 'after the fault'")
                       .arg(text)
                       .arg(*d.predictedS, 0, 'f', 1)
                       .arg(core::timeReferenceDescription(*predictedRef));
            // The same yardstick as the prediction, so the two numbers compare.
            if (const std::optional<double> same = d.elapsedFromReference(*predictedRef))
                text = EventText::tr("%1 (measured %2 s)", "verdict, seconds measured from the prediction's reference")
                           .arg(text)
                           .arg(*same, 0, 'f', 2);
        } else {
            text = EventText::tr("%1 — predicted %2 s", "verdict, seconds").arg(text).arg(*d.predictedS, 0, 'f', 1);
        }
    }
    // The headline counts from the prediction's reference; the others (the user's marker above
    // all) stand beside it.
    QStringList others;
    for (core::TimeReference r :
         {core::TimeReference::Fault, core::TimeReference::LastReceived, core::TimeReference::FirstUnackedSend}) {
        const std::optional<double> seconds = d.elapsedFromReference(r);
        if ((reference && r == *reference) || !seconds)
            continue;
        others << EventText::tr("%1 s %2", "seconds, then 'after the fault'")
                      .arg(*seconds, 0, 'f', 2)
                      .arg(d.fromMarker(r) ? EventText::tr("after your marker") : core::timeReferenceDescription(r));
    }
    if (!others.isEmpty())
        text = EventText::tr("%1; %2", "verdict; the same detection measured from the other references")
                   .arg(text, others.join(QStringLiteral(", ")));
    return text;
}

} // namespace halfopen::ui
