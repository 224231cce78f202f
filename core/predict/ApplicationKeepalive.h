// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/Prediction.h"
#include "core/predict/PredictionInput.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace halfopen::core {

// When an application protocol's own keepalive gives up on a silent peer, by the rule its
// specification or its reference implementation states (each cited at its rule in the .cpp).
// Times are from the last packet the application received; errno is 0 (the application
// closes its socket: the peer, if alive, sees a FIN).
class ApplicationKeepalive
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationKeepalive)

public:
    using Protocol = PredictionInput::Application::Protocol;

    // The detection for a peer that went silent (powered off, unplugged, frozen); nullopt when
    // no protocol is set.
    static std::optional<Prediction> predict(const PredictionInput::Application &application, DeathKind kind);

    // "mqtt-client:60", "mqtt-broker:60", "mqtt-no-connect", "amqp:60", "grpc:60[,20]", "none".
    static std::optional<PredictionInput::Application> parse(const QString &text, QString *error);
    static QString format(const PredictionInput::Application &application);
    // "mqtt-client", ...: the protocol part of the names above.
    static QString protocolName(Protocol protocol);
    // One line for a list of choices: "mqtt-client:K, mqtt-broker:K, ...".
    static QString syntax();
    // Translated: "MQTT client, keepalive 60 s".
    static QString title(const PredictionInput::Application &application);
    // Translated, the protocol's side alone: "MQTT client".
    static QString protocolTitle(Protocol protocol);
};

} // namespace halfopen::core
