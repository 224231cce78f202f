// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagRow.h"
#include "core/predict/Prediction.h"
#include "core/predict/PredictionInput.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace halfopen::audit {

// What the audit cannot read from a socket: which application protocol speaks over it and with
// what keepalive. For a connection on a well-known port it assumes the protocol (MQTT on 1883
// and 8883: this side is the client when the peer has the port, the broker when it has it
// itself; AMQP on 5672 and 5671) and a keepalive K (the user's, else a common default), and
// gives the application's own detection by the predictor's rule (core::ApplicationKeepalive,
// as `predict --app`), always named as an assumption.
struct ApplicationAssumption
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationAssumption)

public:
    core::PredictionInput::Application application;
    quint16 port = 0;            // the port the protocol was assumed from (or the user named)
    bool keepaliveGiven = false; // K from the user; else the protocol's common default
    core::Prediction prediction; // the rule's answer for a peer that went silent

    // "If the application is an MQTT client, keepalive 60 s, it would notice a dead peer 2 min
    // after the last packet it received (at most 2 min 1 s). Assumed from port 1883: …".
    // `howToGive`: where the user gives K (empty: the CLI's "--app mqtt-client:K").
    QString text(const QString &howToGive = {}) const;
    // Short, for a table cell: "mqtt-client:60? → 2 min" ("?": K assumed, not given).
    QString brief() const;
    // protocol, keepalive_s, keepalive_given, port, predicted_s, predicted_max_s, reference, text.
    QJsonObject toJson() const;
};

// The keepalives the user gave, and the rule that picks an assumption for a connection.
class ApplicationKeepalives
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationKeepalives)

public:
    using Protocol = core::PredictionInput::Application::Protocol;

    // The K assumed when the user gave none: MQTT clients' usual 60 s (mosquitto_sub, Paho),
    // RabbitMQ's default heartbeat of 60 s.
    static constexpr int kDefaultKeepaliveS = 60;

    // "mqtt-client:30": the K of every connection assumed to be that protocol (by its port);
    // "8883=mqtt-client:30": the connections with that local or remote port are that protocol,
    // whatever the port. The protocol part is `predict --app`'s. false with a message naming
    // what is wrong.
    bool add(const QString &spec, QString *error);
    // The window's field: the K of a protocol assumed by port.
    void setKeepalive(Protocol protocol, int keepaliveS);
    std::optional<int> keepalive(Protocol protocol) const;

    // The protocol a well-known port suggests for this connection, and the port; None when none.
    static Protocol wellKnown(quint16 localPort, quint16 remotePort, quint16 *port);

    // The assumption for a connection, or nullopt when neither its ports nor the user name one.
    std::optional<ApplicationAssumption> assume(const core::SockDiagRow &socket) const;

    // One line for --help: "mqtt-client:K, mqtt-broker:K, amqp:H, or PORT=…".
    static QString syntax();

private:
    QMap<Protocol, int> m_byProtocol;
    QMap<quint16, core::PredictionInput::Application> m_byPort;
};

} // namespace halfopen::audit
