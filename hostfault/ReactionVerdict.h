// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/TargetConnection.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace halfopen::hostfault {

enum class FaultKind { Cut, Abort, Freeze };
QString faultKindName(FaultKind kind); // "cut", "abort", "freeze"

// One thing the application or its kernel did after the fault, as it is seen; the name is the
// `what` of the event `halfopen-cli watch` records for it.
enum class Reaction {
    KernelGaveUp,  // "kernel_gave_up"
    PeerClosed,    // "peer_closed"
    AppClosed,     // "app_closed"
    ProcessExited, // "process_exited"
    Reconnected,   // "reconnected"
};
QString reactionName(Reaction reaction);

// How the application reacted to a fault on one of its connections, every time in seconds
// from the fault. nullopt: not seen during the watch.
struct ReactionVerdict
{
    FaultKind fault = FaultKind::Cut;
    TargetConnection target;
    std::optional<double>
        kernelGaveUpS; // the socket left the kernel's table (or reached CLOSE) while the process held it
    QString mechanism; // keepalive, retransmission_timeout, user_timeout, zero_window_probes, local_drop_probes, rst,
                       // abort; empty if unknown
    std::optional<double> predictedS; // the predictor's time for the kernel to give up, from the fault
    QString predictedMechanism;
    std::optional<double> predictedOnceSendingS; // idle at the fault: retransmissions give up this long after the first
                                                 // unacknowledged send
    std::optional<double> appClosedS;            // the process no longer holds the descriptor
    std::optional<double>
        appReconnectedS;      // a new ESTABLISHED connection of the process to the same remote address and port
    QString reconnectedLocal; // its local address
    std::optional<double> peerClosedS; // a FIN arrived (CLOSE_WAIT): the peer gave up
    bool processExited = false;        // the process ended during the watch (counted as closing)
    bool halfOpenAtEnd = false;        // still ESTABLISHED towards a cut peer at the end
    std::optional<double> liftedS;     // when the fault was lifted (replug, thaw)
    double observedS = 0;              // how long the watch lasted

    // {"fault", "target", "kernel_gave_up_s", "mechanism", "predicted_s", "predicted_mechanism",
    //  "app_closed_s", "app_reconnected_s", "reconnected_local", "peer_closed_s", "process_exited",
    //  "half_open_at_end", "lifted_s", "observed_s"}; unseen times are null.
    QJsonObject toJson() const;
    // The first thing the watch saw give up on the connection, in seconds from the fault to the
    // ms as toJson writes it: the kernel, else the application closing; nullopt if neither did.
    std::optional<double> firstReactionS() const;
    // "mosquitto_sub (pid 4242): the kernel gave up 19.1 s after the cut (keepalive, predicted
    // 19 s); the application closed its socket 0.2 s later and reconnected 5.0 s after that"
    QString toText() const;
};

} // namespace halfopen::hostfault
