// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QColor>

namespace halfopen::ui {

// How worrying a TCP state is, at a glance: the table's state cell and the timeline's state
// bands use the same colours.
enum class StateSeverity : quint8 {
    Neutral, // unknown
    Calm,    // ESTABLISHED, LISTEN: nothing to see
    Info,    // SYN_SENT, SYN_RECV: on the way up
    Warn,    // FIN_WAIT, CLOSE_WAIT, LAST_ACK, CLOSING, TIME_WAIT: on the way down
    Alarm,   // CLOSED: gone
};

StateSeverity stateSeverity(core::TcpState state);

// A saturated mid-tone colour for a severity: it reads as a translucent fill under the palette's
// own text on light and dark themes alike (the fill's alpha is the caller's).
QColor severityColor(StateSeverity severity);
inline QColor stateColor(core::TcpState state)
{
    return severityColor(stateSeverity(state));
}

// Colour for an error's marker and the detection span.
QColor alarmColor();

} // namespace halfopen::ui
