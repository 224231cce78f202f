// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/DetectionMechanism.h"

#include <QCoreApplication>
#include <QString>

namespace halfopen::core {

// What noticed a death, in people's words: the one vocabulary of mechanisms for the window's
// verdict, prediction, report and timeline and the CLI's reaction verdicts. mechanismName()
// keeps the stable snake_case names for JSON; the words here are translated.
class MechanismText
{
    Q_DECLARE_TR_FUNCTIONS(MechanismText)

public:
    // In a sentence of its own: "TCP keepalive", "retransmission timeout (tcp_retries2)".
    static QString title(DetectionMechanism mechanism);
    // Where room is short (a timeline label, "5.10 s by keepalive"): "keepalive", "RST".
    static QString shortName(DetectionMechanism mechanism);
};

} // namespace halfopen::core
