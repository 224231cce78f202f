// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/DetectionMechanism.h"

#include <QCoreApplication>
#include <QString>

namespace halfopen::ui {

// What noticed a death, in the words the window uses ("TCP keepalive", "retransmission
// timeout"). core/ keeps the stable snake_case names; the words are translated here.
class MechanismText
{
    Q_DECLARE_TR_FUNCTIONS(MechanismText)

public:
    static QString title(core::DetectionMechanism mechanism);
};

} // namespace halfopen::ui
