// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QJsonObject>
#include <QString>

namespace halfopen::ui {

// The window's words for events, in one place: the event log's rows, the timeline's hover and
// markers, the verdict's headline, the report. (The terminal's are core::describeEvent and
// lab's scenario summary; the mechanisms' are core::MechanismText, shared by both; a run's own
// steps' sentences are models/RunStepText, which the controller's status line shares.)

// A few plain lines about one event for the timeline's hover callout: what it was, when (seconds
// since the origin), which socket, and the fields that matter for its kind.
QString eventDetailsText(const core::Event &event, qint64 originUs);

// The event log's details column: verdicts, faults, endpoint and heartbeat events in words
// ("Client: dead peer detected 5.10 s after…", "bytes sent 3090, how error"), the rest as
// eventLogFields.
QString eventLogText(const core::Event &event);
// The details for a file (CSV): errors with errno name and meaning, state changes as
// "FROM → TO", packets' header fields, the rest as their detail object.
QString eventLogFields(const core::Event &event);

// A verdict event as one sentence: who noticed, how, after how long from which reference, and
// what was predicted ("Client: dead peer detected 5.10 s after the fault by keepalive
// (ETIMEDOUT) — predicted 5.0 s").
QString verdictHeadline(const core::Event &verdict);

// A fault's name ("power-off", "icmp-unreachable-on") in the reader's words; an unknown name is
// shown as it is.
QString faultTitle(const QString &faultName);
// A fault event: its title, the host it hit and its value ("power-off server", "loss (30)").
QString faultWords(const core::Event &fault);

// The mechanism in plain words ("keepalive", "retransmission timeout").
QString mechanismWords(core::DetectionMechanism mechanism);

// A host's name as a timeline lane or a legend shows it: the lab's client, server and the lab
// itself in the reader's language; the others by their names.
QString hostWords(core::Host host);
// As a column or a sentence's subject names it ("Client", "Server").
QString hostTitle(core::Host host);

// An endpoint or heartbeat event's detail in words ("bytes received 0, bytes sent 3090, how
// error" in the reader's language): its plain fields, names and known values translated; a
// "message" is the whole text; nested objects (a lab's configuration) are left to the raw JSON.
QString detailFieldsWords(const QJsonObject &detail);

} // namespace halfopen::ui
