// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/ApplicationAssumption.h"

#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/PredictionText.h"
#include "core/predict/TimeReference.h"

#include <array>

namespace halfopen::audit {

using core::ApplicationKeepalive;
using Protocol = ApplicationKeepalives::Protocol;

namespace {

struct PortRule
{
    quint16 port;
    Protocol ifPeerHasIt; // the peer listens on it: this side's role
    Protocol ifWeHaveIt;  // this side listens on it (accepted connections)
};

// IANA: MQTT 1883 and MQTT over TLS 8883; AMQP 5672 and AMQPS 5671 (a heartbeat either side
// negotiates, so the same rule both ways).
constexpr std::array<PortRule, 4> kWellKnown = {{
    {1883, Protocol::MqttClient, Protocol::MqttBroker},
    {8883, Protocol::MqttClient, Protocol::MqttBroker},
    {5672, Protocol::Amqp, Protocol::Amqp},
    {5671, Protocol::Amqp, Protocol::Amqp},
}};

} // namespace

QString ApplicationAssumption::text(const QString &howToGive) const
{
    const QString title = ApplicationKeepalive::title(application);
    const QString when = core::PredictionText::duration(prediction.expectedUs.value_or(prediction.maxUs));
    const QString most = core::PredictionText::duration(prediction.maxUs);
    const QString detection = tr("If the application is an %1, it would notice a dead peer %2 %3 (at most %4).",
                                 "protocol and keepalive, duration, 'after the last packet received', duration")
                                  .arg(title, when, core::timeReferenceDescription(prediction.reference), most);
    const QString spec = ApplicationKeepalive::format(application);
    const QString assumption = keepaliveGiven
        ? tr("An assumption from port %1: the audit cannot see which application speaks on a connection; the "
             "keepalive is the one you gave (%2).")
              .arg(port)
              .arg(spec)
        : tr("An assumption from port %1: the audit cannot see which application speaks on a connection nor its "
             "keepalive; %2 s is a common default, give the real one (%3).")
              .arg(port)
              .arg(application.keepaliveS)
              .arg(howToGive.isEmpty()
                       ? QStringLiteral("--app %1:K").arg(ApplicationKeepalive::protocolName(application.protocol))
                       : howToGive);
    return detection + QLatin1Char(' ') + assumption;
}

QString ApplicationAssumption::brief() const
{
    return QStringLiteral("%1%2 → %3")
        .arg(ApplicationKeepalive::format(application), keepaliveGiven ? QString() : QStringLiteral("?"),
             core::PredictionText::duration(prediction.expectedUs.value_or(prediction.maxUs)));
}

QJsonObject ApplicationAssumption::toJson() const
{
    return {
        {QStringLiteral("protocol"), ApplicationKeepalive::protocolName(application.protocol)},
        {QStringLiteral("keepalive_s"), application.keepaliveS},
        {QStringLiteral("keepalive_given"), keepaliveGiven},
        {QStringLiteral("port"), port},
        {QStringLiteral("predicted_s"), prediction.seconds() ? QJsonValue(*prediction.seconds()) : QJsonValue()},
        {QStringLiteral("predicted_max_s"), prediction.maxUs / 1e6},
        {QStringLiteral("reference"), core::timeReferenceName(prediction.reference)},
        {QStringLiteral("text"), text()},
    };
}

QString ApplicationKeepalives::syntax()
{
    return QStringLiteral("mqtt-client:K, mqtt-broker:K, amqp:H, or PORT=mqtt-client:K (%1)")
        .arg(ApplicationKeepalive::syntax());
}

bool ApplicationKeepalives::add(const QString &spec, QString *error)
{
    std::optional<quint16> port;
    QString rule = spec.trimmed();
    if (const qsizetype equals = rule.indexOf(QLatin1Char('=')); equals >= 0) {
        bool ok = false;
        const int value = rule.left(equals).toInt(&ok);
        if (!ok || value < 1 || value > 65535) {
            *error = tr("'%1': the port before '=' must be 1 to 65535 (allowed %2)").arg(spec, syntax());
            return false;
        }
        port = quint16(value);
        rule = rule.mid(equals + 1);
    }
    // The protocol and K as `predict --app` reads them: one parser, one set of rules.
    QString parseError;
    const auto application = ApplicationKeepalive::parse(rule, &parseError);
    if (!application) {
        *error = tr("'%1': %2").arg(spec, parseError);
        return false;
    }
    if (application->protocol == Protocol::None) {
        *error = tr("'%1': name a protocol (allowed %2)").arg(spec, syntax());
        return false;
    }
    if (port)
        m_byPort.insert(*port, *application);
    else
        m_byProtocol.insert(application->protocol, application->keepaliveS);
    return true;
}

void ApplicationKeepalives::setKeepalive(Protocol protocol, int keepaliveS)
{
    m_byProtocol.insert(protocol, keepaliveS);
}

std::optional<int> ApplicationKeepalives::keepalive(Protocol protocol) const
{
    const auto found = m_byProtocol.constFind(protocol);
    return found == m_byProtocol.cend() ? std::nullopt : std::optional<int>(*found);
}

Protocol ApplicationKeepalives::wellKnown(quint16 localPort, quint16 remotePort, quint16 *port)
{
    for (const PortRule &rule : kWellKnown) {
        if (remotePort == rule.port) {
            *port = rule.port;
            return rule.ifPeerHasIt;
        }
    }
    for (const PortRule &rule : kWellKnown) {
        if (localPort == rule.port) {
            *port = rule.port;
            return rule.ifWeHaveIt;
        }
    }
    return Protocol::None;
}

std::optional<ApplicationAssumption> ApplicationKeepalives::assume(const core::SockDiagRow &socket) const
{
    ApplicationAssumption a;
    const quint16 local = socket.local.port();
    const quint16 remote = socket.remote.port();
    if (const auto named = m_byPort.constFind(remote); named != m_byPort.cend()) {
        a.application = *named;
        a.port = remote;
        a.keepaliveGiven = true;
    } else if (const auto ours = m_byPort.constFind(local); ours != m_byPort.cend()) {
        a.application = *ours;
        a.port = local;
        a.keepaliveGiven = true;
    } else {
        a.application.protocol = wellKnown(local, remote, &a.port);
        if (a.application.protocol == Protocol::None)
            return std::nullopt;
        const std::optional<int> given = keepalive(a.application.protocol);
        a.keepaliveGiven = given.has_value();
        a.application.keepaliveS = given.value_or(kDefaultKeepaliveS);
    }
    // The predictor's rule, as `predict --app` applies it to a peer that went silent.
    const std::optional<core::Prediction> p
        = ApplicationKeepalive::predict(a.application, core::DeathKind::IdlePeerPoweredOff);
    if (!p)
        return std::nullopt;
    a.prediction = *p;
    return a;
}

} // namespace halfopen::audit
