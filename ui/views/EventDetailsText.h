// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QString>

namespace halfopen::ui {

// A few plain lines about one event for the timeline's hover callout: what it was, when (seconds
// since the origin), which socket, and the fields that matter for its kind.
QString eventDetailsText(const core::Event &event, qint64 originUs);

// The mechanism in plain words ("keepalive", "retransmission timeout").
QString mechanismWords(core::DetectionMechanism mechanism);

// A host's name as the window shows it (a timeline lane, a legend): the lab's client, server
// and the lab itself in the reader's language; the others by their names.
QString hostWords(core::Host host);

// An endpoint or heartbeat event's detail in words ("bytes received 0, bytes sent 3090, how
// error" in the reader's language): its plain fields, names and known values translated; a
// "message" is the whole text; nested objects (a lab's configuration) are left to the raw JSON.
QString detailFieldsWords(const QJsonObject &detail);

} // namespace halfopen::ui
