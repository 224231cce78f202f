// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimeReference.h"
#include "core/session/Host.h"
#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/TcpState.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::lab {

// What a scenario counts on the cable and in the endpoints' reports, per sending host.
enum class CountKind : quint8 {
    KeepaliveProbes,  // packets classified keepalive-probe
    Retransmissions,  // packets classified retransmission
    Rst,              // packets classified rst
    Fin,              // packets classified fin
    HeartbeatsMissed, // heartbeat events "missed"
    TailLossProbes,   // packets classified tail-loss-probe (not retransmissions)
};

QString countKindName(CountKind kind); // "keepalive_probes", "retransmissions", ...
std::optional<CountKind> countKindFromName(QStringView name);
QList<CountKind> allCountKinds();

// One thing a scenario promises, checked against the event stream. Without a host it covers
// both hosts together (a detection on either, counts summed, both final states).
struct Expectation
{
    enum class Kind : quint8 {
        Detection,      // "errno" and/or "mechanism", optionally "within_s" from "reference"
        NoError,        // nothing detected by the end: the half-open connection
        FinalState,     // the host's test socket at the end ("CLOSED" also when it is gone)
        StateSeen,      // any socket of the host was in this state at some point
        Count,          // packets/heartbeat misses sent by the host, between min and max
        SocketsInState, // at the end, at least `min` sockets of the host in this state
    };

    QString id;
    core::Host host = core::Host::None; // client, server, or None for both
    Kind kind = Kind::NoError;
    int errnoValue = 0;                                // Detection: 0 = any errno (EOF included)
    std::optional<core::DetectionMechanism> mechanism; // Detection
    std::optional<double> withinMinS;                  // Detection: elapsed range, seconds
    std::optional<double> withinMaxS;
    core::TimeReference reference = core::TimeReference::Fault; // Detection with within_s
    core::TcpState state = core::TcpState::Unknown;             // FinalState, StateSeen, SocketsInState
    CountKind count = CountKind::KeepaliveProbes;               // Count
    std::optional<qint64> min;                                  // Count, SocketsInState
    std::optional<qint64> max;                                  // Count

    bool hasWindow() const { return withinMinS.has_value(); }
    bool covers(core::Host eventHost) const { return host == core::Host::None || host == eventHost; }

    QJsonObject toJson() const;
    // `path` is where the object sits ("expect[2]"); errors name the field under it and the
    // allowed values.
    static std::optional<Expectation> fromJson(const QJsonObject &json, const QString &path, QString *error);
};

} // namespace halfopen::lab
