// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/StateColors.h"

namespace halfopen::ui {

using core::TcpState;

StateSeverity stateSeverity(TcpState state)
{
    switch (state) {
    case TcpState::Established:
    case TcpState::Listen:
        return StateSeverity::Calm;
    case TcpState::SynSent:
    case TcpState::SynRecv:
    case TcpState::NewSynRecv:
        return StateSeverity::Info;
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::CloseWait:
    case TcpState::LastAck:
    case TcpState::Closing:
    case TcpState::TimeWait:
        return StateSeverity::Warn;
    case TcpState::Closed:
        return StateSeverity::Alarm;
    case TcpState::Unknown:
        break;
    }
    return StateSeverity::Neutral;
}

QColor severityColor(StateSeverity severity)
{
    // Mid lightness and high saturation: visible behind dark text on white and behind light
    // text on a dark base when drawn at 30-45 % alpha.
    switch (severity) {
    case StateSeverity::Calm:
        return QColor(0x2e, 0xa0, 0x5a); // green
    case StateSeverity::Info:
        return QColor(0x3a, 0x86, 0xd0); // blue
    case StateSeverity::Warn:
        return QColor(0xe0, 0x9a, 0x10); // amber
    case StateSeverity::Alarm:
        return QColor(0xd8, 0x3c, 0x3c); // red
    case StateSeverity::Neutral:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QColor alarmColor()
{
    return severityColor(StateSeverity::Alarm);
}

} // namespace halfopen::ui
