// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/predict/ApplicationKeepalive.h"

#include "core/predict/PredictionText.h"

#include <array>

namespace halfopen::core {

namespace {

constexpr qint64 kSecondUs = 1000000;

struct ProtocolName
{
    PredictionInput::Application::Protocol protocol;
    const char *name;
    bool takesKeepalive;
};

constexpr std::array<ProtocolName, 6> kProtocols = {{
    {PredictionInput::Application::Protocol::None, "none", false},
    {PredictionInput::Application::Protocol::MqttClient, "mqtt-client", true},
    {PredictionInput::Application::Protocol::MqttBroker, "mqtt-broker", true},
    {PredictionInput::Application::Protocol::MqttNoConnect, "mqtt-no-connect", false},
    {PredictionInput::Application::Protocol::Amqp, "amqp", true},
    {PredictionInput::Application::Protocol::Grpc, "grpc", true},
}};

// Mosquitto gives a new connection this keepalive until CONNECT sets the client's
// (src/context.c, context__init: "context->keepalive = 60; /* Default to 60s */").
constexpr int kMosquittoDefaultKeepaliveS = 60;
// How much later than ⌊1.5 × K⌋ Mosquitto 2.0 drops a silent client: its keepalive check runs
// every 6 s (measured), and its loop wakes up to a second after that.
constexpr qint64 kMosquittoCheckLateS = 7;

} // namespace

QString ApplicationKeepalive::protocolName(Protocol protocol)
{
    for (const ProtocolName &p : kProtocols) {
        if (p.protocol == protocol)
            return QString::fromLatin1(p.name);
    }
    return QStringLiteral("none");
}

QString ApplicationKeepalive::syntax()
{
    return QStringLiteral("mqtt-client:K, mqtt-broker:K, mqtt-no-connect, amqp:H, grpc:T[,TIMEOUT], none");
}

std::optional<PredictionInput::Application> ApplicationKeepalive::parse(const QString &text, QString *error)
{
    const QString name = text.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
    const QString value = text.section(QLatin1Char(':'), 1).trimmed();
    for (const ProtocolName &p : kProtocols) {
        if (name != QLatin1String(p.name))
            continue;
        PredictionInput::Application app;
        app.protocol = p.protocol;
        if (!p.takesKeepalive) {
            if (!value.isEmpty()) {
                *error = tr("app: %1 takes no value (one of %2)").arg(name, syntax());
                return std::nullopt;
            }
            return app;
        }
        bool ok = false;
        app.keepaliveS = value.section(QLatin1Char(','), 0, 0).toInt(&ok);
        if (!ok || app.keepaliveS < 1 || app.keepaliveS > PredictionInput::kMaxApplicationKeepaliveS) {
            *error = tr("app: the keepalive of %1 must be between 1 and %2 s (one of %3)")
                         .arg(name)
                         .arg(PredictionInput::kMaxApplicationKeepaliveS)
                         .arg(syntax());
            return std::nullopt;
        }
        const QString timeout = value.section(QLatin1Char(','), 1);
        if (!timeout.isEmpty()) {
            app.timeoutS = timeout.toInt(&ok);
            if (p.protocol != Protocol::Grpc || !ok || app.timeoutS < 1
                || app.timeoutS > PredictionInput::kMaxApplicationKeepaliveS) {
                *error = tr("app: only grpc takes a timeout, between 1 and %1 s (one of %2)")
                             .arg(PredictionInput::kMaxApplicationKeepaliveS)
                             .arg(syntax());
                return std::nullopt;
            }
        }
        return app;
    }
    *error = tr("app: must be one of %1").arg(syntax());
    return std::nullopt;
}

QString ApplicationKeepalive::format(const PredictionInput::Application &a)
{
    switch (a.protocol) {
    case Protocol::None:
    case Protocol::MqttNoConnect:
        return protocolName(a.protocol);
    case Protocol::Grpc:
        return QStringLiteral("grpc:%1,%2").arg(a.keepaliveS).arg(a.timeoutS);
    default:
        return QStringLiteral("%1:%2").arg(protocolName(a.protocol)).arg(a.keepaliveS);
    }
}

QString ApplicationKeepalive::title(const PredictionInput::Application &a)
{
    switch (a.protocol) {
    case Protocol::None:
        return tr("no application protocol");
    case Protocol::MqttClient:
        return tr("MQTT client, keepalive %1 s").arg(a.keepaliveS);
    case Protocol::MqttBroker:
        return tr("MQTT broker, client keepalive %1 s").arg(a.keepaliveS);
    case Protocol::MqttNoConnect:
        return tr("MQTT broker, a client that never sends CONNECT");
    case Protocol::Amqp:
        return tr("AMQP 0-9-1, heartbeat %1 s").arg(a.keepaliveS);
    case Protocol::Grpc:
        return tr("gRPC, keepalive time %1 s, timeout %2 s").arg(a.keepaliveS).arg(a.timeoutS);
    }
    return {};
}

QString ApplicationKeepalive::protocolTitle(Protocol protocol)
{
    switch (protocol) {
    case Protocol::None:
        return tr("no application protocol");
    case Protocol::MqttClient:
        return tr("MQTT client");
    case Protocol::MqttBroker:
        return tr("MQTT broker");
    case Protocol::MqttNoConnect:
        return tr("MQTT broker, before CONNECT");
    case Protocol::Amqp:
        return tr("AMQP 0-9-1 peer");
    case Protocol::Grpc:
        return tr("gRPC peer");
    }
    return {};
}

std::optional<Prediction> ApplicationKeepalive::predict(const PredictionInput::Application &a, DeathKind kind)
{
    if (a.protocol == Protocol::None)
        return std::nullopt;
    Prediction p;
    p.kind = kind;
    p.mechanism = DetectionMechanism::ApplicationKeepalive;
    p.errnoValue = 0;
    p.reference = TimeReference::LastReceived;
    const qint64 k = qint64(a.keepaliveS) * kSecondUs;
    TimerRun steps;
    switch (a.protocol) {
    case Protocol::MqttClient:
        // MQTT 3.1.1 §3.1.2.10: the client must send a packet within each Keep Alive period,
        // PINGREQ when it has nothing else; §3.1.2.10 also lets it close when no PINGRESP comes
        // "within a reasonable amount of time". libmosquitto (lib/util_mosq.c,
        // mosquitto__check_keepalive) sends PINGREQ once K has passed since the last packet in
        // (or out), resets its clock, and disconnects when another K passes without one:
        // 2 × K after the last packet received for an idle client (measured 10.0 s for
        // mosquitto_sub -k 5). Its clock counts whole seconds and its loop wakes once a second.
        p.expectedUs = 2 * k;
        p.minUs = 2 * k - kSecondUs;
        p.maxUs = 2 * k + kSecondUs;
        steps.add(ScheduledEvent::Kind::ApplicationPing, k, 1);
        p.explanation
            = tr("MQTT client (libmosquitto): PINGREQ once %1 passed since the last packet received, then the "
                 "connection is closed when another %1 passes without PINGRESP: %2 after the last packet "
                 "received (MQTT 3.1.1 §3.1.2.10; mosquitto lib/util_mosq.c). Sooner, down to %1, if the "
                 "client sent something after the last packet it received.")
                  .arg(PredictionText::duration(k), PredictionText::duration(2 * k));
        break;
    case Protocol::MqttBroker:
    case Protocol::MqttNoConnect: {
        // MQTT 3.1.1 §3.1.2.10: "If the Keep Alive value is non-zero and the Server does not
        // receive a Control Packet from the Client within one and a half times the Keep Alive
        // time period, it MUST disconnect the Network Connection to the Client as if the network
        // had failed." Mosquitto 2.0 is later than that: measured (tst_MqttKeepaliveNetns,
        // Mosquitto 2.0.11, a client frozen at several moments after its last packet) it
        // disconnects only at a check that runs every 6 s from its start (all closes fell on
        // the same 6 s grid whatever the client's last packet), when the whole seconds since the
        // client's last packet exceed K × 3 / 2 in integers: K 5 closed 7.8–12.5 s after the
        // last packet, K 10 17.5 s. So from ⌊1.5 K⌋ to ⌊1.5 K⌋ + 6 s, plus its loop's wake-up.
        // Before CONNECT it uses its 60 s default (src/context.c; measured ~94 s).
        const bool noConnect = a.protocol == Protocol::MqttNoConnect;
        const int keepaliveS = noConnect ? kMosquittoDefaultKeepaliveS : a.keepaliveS;
        const qint64 limitUs = qint64(keepaliveS) * 3 / 2 * kSecondUs;
        p.expectedUs = qint64(keepaliveS) * 3 * kSecondUs / 2;
        p.minUs = limitUs;
        p.maxUs = limitUs + kMosquittoCheckLateS * kSecondUs;
        p.explanation = noConnect
            ? tr("MQTT broker (Mosquitto 2.0): a connection that never sends CONNECT gets the default keepalive of "
                 "60 s and is closed with a FIN 1.5 × 60 s = 90 s after its last packet, up to %1 later because "
                 "Mosquitto checks every 6 s (measured ~94 s). The MQTT 3.1.1 specification (§3.1) only asks for "
                 "\"a reasonable amount of time\".")
                  .arg(PredictionText::duration(kMosquittoCheckLateS * kSecondUs))
            : tr("MQTT broker: a client that sends nothing for 1.5 × its keepalive %1 is disconnected %2 after its "
                 "last packet (MQTT 3.1.1 §3.1.2.10). Mosquitto 2.0 checks every 6 s in whole seconds: up to %3 "
                 "later (measured with keepalive 5 s: 7.8–12.5 s).")
                  .arg(PredictionText::duration(k), PredictionText::duration(*p.expectedUs),
                       PredictionText::duration(kMosquittoCheckLateS * kSecondUs));
        break;
    }
    case Protocol::Amqp:
        // AMQP 0-9-1 §4.2.7: "If a peer detects no incoming traffic (i.e. received octets) for
        // two heartbeat intervals or longer, it should close the connection". RabbitMQ's
        // heartbeat guide: frames every H/2, the peer is unreachable after two missed ones;
        // the check runs on its own tick, so allow one more interval.
        p.expectedUs = 2 * k;
        p.minUs = 2 * k;
        p.maxUs = 3 * k;
        steps.add(ScheduledEvent::Kind::ApplicationPing, k, 1);
        steps.add(ScheduledEvent::Kind::ApplicationPing, 2 * k, 2);
        p.explanation = tr("AMQP 0-9-1 heartbeat %1: a peer that receives nothing for two heartbeat intervals closes "
                           "the connection, %2 after the last packet received (AMQP 0-9-1 §4.2.7; RabbitMQ: after two "
                           "missed heartbeats). The check runs on its own tick: up to one interval later.")
                            .arg(PredictionText::duration(k), PredictionText::duration(2 * k));
        break;
    case Protocol::Grpc: {
        // gRPC doc/keepalive.md: GRPC_ARG_KEEPALIVE_TIME_MS — a PING after that long without
        // activity; GRPC_ARG_KEEPALIVE_TIMEOUT_MS (default 20 s) — the transport is closed if
        // the PING is not acknowledged within it.
        const qint64 t = qint64(a.timeoutS) * kSecondUs;
        p.expectedUs = k + t;
        p.minUs = k + t;
        p.maxUs = k + t + kSecondUs;
        steps.add(ScheduledEvent::Kind::ApplicationPing, k, 1);
        p.explanation
            = tr("gRPC keepalive: a PING %1 after the last activity, and the transport is closed when it is "
                 "not acknowledged within %2: %3 after the last packet received (grpc doc/keepalive.md).")
                  .arg(PredictionText::duration(k), PredictionText::duration(t), PredictionText::duration(k + t));
        break;
    }
    case Protocol::None:
        break;
    }
    steps.add(ScheduledEvent::Kind::Detected, *p.expectedUs);
    p.events = steps.events;
    return p;
}

} // namespace halfopen::core
