// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/EventDetailsText.h"

#include "core/session/ErrorFields.h"
#include "core/tcp/MechanismText.h"

#include "core/predict/VerdictFields.h"
#include "core/session/PacketFields.h"
#include "core/tcp/ErrnoCatalog.h"
#include "models/SocketOptionsText.h"
#include "ui/views/FaultText.h"
#include "ui/views/PacketClassStyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

namespace {
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventDetailsText)
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
        return e.host == core::Host::None ? tr("fault: %1").arg(faultTitle(e.what))
                                          : tr("fault: %1 %2").arg(faultTitle(e.what), host(e.host));
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
        const auto number = [](std::optional<quint32> n) { return n ? QString::number(*n) : QString(); };
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
        if (const QString operation = core::ErrorFields::of(e).operation; !operation.isEmpty())
            lines.append(tr("in %1()").arg(operation));
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

} // namespace halfopen::ui
