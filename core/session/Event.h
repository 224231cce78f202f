// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/EventPayload.h"
#include "core/session/EventSteps.h"
#include "core/session/FaultKind.h"
#include "core/session/HeartbeatPhase.h"
#include "core/session/Host.h"
#include "core/session/PacketClass.h"
#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/TcpInfoSample.h"
#include "core/tcp/TcpState.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::core {

enum class EventKind : quint8 {
    State,     // a socket moved from one TCP state to another
    Sample,    // a tcp_info snapshot that differs from the previous one
    Packet,    // a frame seen on the cable
    Heartbeat, // application heartbeat: sent, answered, missed, dead
    Fault,     // something done to the world (unplug, power-off, kill, marker)
    Error,     // the error the application saw, with errno and mechanism
    Verdict,   // detection computed from the above
    Endpoint,  // the test application's own steps: listening, connected, options, sent, closed
};

QString eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(QStringView name);

// Everything the product knows is an Event on the CLOCK_MONOTONIC axis. One struct for all
// kinds: a few typed fields used by most kinds, and `detail` for what only one kind carries
// (packet header fields, options read back, verdict figures). A session keeps hundreds of
// thousands: the sample and the detail are kept compact (EventPayload.h), and Session::add
// shares the names every event repeats.
struct Event
{
    // What a recording may hold (Event::fromJson and the fast reader enforce it).
    static constexpr qint64 kMaxTimeUs = qint64(1) << 53; // ~285 years of CLOCK_MONOTONIC
    static constexpr qsizetype kMaxNameLength = 128;      // host, local, remote, what
    static constexpr qint64 kMaxCount = qint64(1) << 53;

    EventKind kind = EventKind::Endpoint;
    TcpState fromState = TcpState::Unknown;                  // state
    TcpState toState = TcpState::Unknown;                    // state
    DetectionMechanism mechanism = DetectionMechanism::None; // error, verdict, heartbeat "dead"
    int errnoValue = 0;                                      // error
    qint64 tUs = 0;                                          // CLOCK_MONOTONIC, microseconds
    Host host = Host::None;                                  // whom it is about (Host.h)
    QString local;      // socket's local address "127.0.0.1:5000", empty for host-wide events
    QString remote;     // socket's peer address
    QString what;       // sub-kind: endpoint step, fault name, packet class, heartbeat phase
    EventSample sample; // sample; the sample at the change for state
    qint64 count = 0;   // heartbeat sequence or miss count, bytes sent, probes...
    EventDetail detail;

    // What the event is, typed: its kind and `what` together, and for a run's own steps its
    // host (Host::Lab). The names on the wire are the enums' (EventSteps.h, PacketClass.h, ...).
    bool is(EndpointStep step) const
    {
        return kind == EventKind::Endpoint && what == endpointStepName(step) && host != Host::Lab;
    }
    bool is(RunStep step) const
    {
        return kind == EventKind::Endpoint && what == runStepName(step) && host == Host::Lab;
    }
    bool is(PacketClass packetClass) const { return kind == EventKind::Packet && what == packetClassName(packetClass); }
    bool is(FaultKind fault) const { return kind == EventKind::Fault && what == faultKindName(fault); }
    bool is(HeartbeatPhase phase) const { return kind == EventKind::Heartbeat && what == heartbeatPhaseName(phase); }
    // The same, as a value to switch on; nullopt for another kind (or a name this version does
    // not know).
    std::optional<PacketClass> packetClass() const;
    std::optional<FaultKind> faultKind() const;
    std::optional<HeartbeatPhase> heartbeatPhase() const;
    std::optional<EndpointStep> endpointStep() const;
    std::optional<RunStep> runStep() const;

    // A socket is identified across events by host and 4-tuple.
    QString socketKey() const { return hostName(host) + QLatin1Char('|') + local + QLatin1Char('|') + remote; }

    QJsonObject toJson() const;
    // Returns nullopt and a reason when the object is not an event.
    static std::optional<Event> fromJson(const QJsonObject &json, QString *error = nullptr);

    // An event about the run itself (the lab, or a real-network run): what its supervisor or
    // driver did — hosts_up, ready, failed, stopped. Kind endpoint, host Host::Lab.
    static Event labEvent(qint64 tUs, RunStep step, const QJsonObject &detail = {});
};

// Short readable one-liner for logs and the CLI's text output (untranslated field names,
// so scripts that grep it stay stable).
QString describeEvent(const Event &event, qint64 originUs);

} // namespace halfopen::core

// Moved in memory as bytes when a session's list grows (every member is).
Q_DECLARE_TYPEINFO(halfopen::core::Event, Q_RELOCATABLE_TYPE);
