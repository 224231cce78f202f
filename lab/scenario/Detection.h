// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/Prediction.h"
#include "core/predict/TimeReference.h"
#include "core/predict/VerdictFields.h"
#include "core/session/Event.h"
#include "core/tcp/DetectionMechanism.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::lab {

// One moment a host's application learned that its connection died (or, for a soft error
// with IP_RECVERR, that something is wrong): the error, the fault before it, and the three
// points a detection time can be measured from.
struct Detection
{
    core::Host host = core::Host::None;
    QString local;      // the connection's addresses as the host sees them; local is
    QString remote;     // empty for a connect that never got one
    int errnoValue = 0; // 0: EOF (read() returned 0)
    core::DetectionMechanism mechanism = core::DetectionMechanism::None;
    bool fatal = true;                                             // false: a soft ICMP error; the connection lives on
    core::SocketOperation operation = core::SocketOperation::None; // recv, send, connect, heartbeat
    qint64 detectedUs = 0;

    std::optional<qint64> faultUs; // the last fault event before the detection
    QString faultName;
    core::Host faultHost = core::Host::None;
    std::optional<qint64> lastReceivedUs; // see DetectionFinder
    std::optional<qint64> firstUnackedSendUs;
    // The class of the last segment this host sent on the connection before the detection
    // ("keepalive-probe", "retransmission", "data"...: what an RST answered), and how many
    // retransmissions it sent since the first unacknowledged send, tail-loss probes included
    // (the segments on the wire an RST can answer; from the cable's capture).
    QString answeredPacket;
    int retransmissionsBefore = 0;
    // The connection's smoothed RTT (tcpi_rtt) in the last sample before the fault: with
    // delayed ACKs it is several ms even on the lab's cable, and the first RTO follows it.
    std::optional<double> rttMs;

    core::TimeReference reference = core::TimeReference::Fault; // what elapsed_s counts from
    std::optional<core::Prediction> prediction;                 // for this host's settings

    // The one rule for what a detection's headline counts from (the window's verdict, the
    // CLI's summary line): the reference of the prediction for the kind of death predicted,
    // when this detection has that moment, so the measured and the predicted figure compare;
    // else the fault (on a real network the user's marker); else the last packet received.
    // The other references are shown beside it, not instead of it.
    core::TimeReference headlineReference() const;

    std::optional<qint64> referenceUs(core::TimeReference which) const;
    std::optional<double> elapsedS(core::TimeReference which) const;

    // The verdict's figures; times in seconds since `readyUs`.
    core::VerdictFields verdictFields(qint64 readyUs) const;
    // The summary's detection object (DetectionSummary); times in seconds since `readyUs`.
    QJsonObject toJson(qint64 readyUs) const;
    // The `verdict` event recorded into the session.
    core::Event toVerdictEvent(qint64 readyUs) const;
};

// A run summary's detection object, typed: the verdict's figures and what the verdict event
// carries as its own fields. Detection::toJson writes it (it is also the verdict event's
// detail); the terminal's summary text reads a saved one back. The names beside the figures'
// are spelled in Detection.cpp only.
struct DetectionSummary
{
    core::Host host = core::Host::None;
    int errnoValue = 0; // 0: EOF
    core::DetectionMechanism mechanism = core::DetectionMechanism::None;
    core::VerdictFields verdict;

    static DetectionSummary fromJson(const QJsonObject &detection);
    QJsonObject toJson() const;
};

} // namespace halfopen::lab
