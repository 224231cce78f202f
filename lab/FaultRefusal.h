// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/Fault.h"

#include <QString>

namespace halfopen::lab {

// What a lab host is now, as far as faults care: the supervisor knows it from the host itself,
// the window from the fault events it has seen.
struct FaultTargetState
{
    bool poweredOn = true;
    bool processRunning = true; // the test application (killed: not running)
    bool frozen = false;        // SIGSTOPped
    bool unpluggedFromHost = false;
    bool unpluggedToHost = false;
};

// Why `fault` cannot apply to a host in `state` ("the server is already powered off"), or an
// empty string when it can. Only faults aimed at a host are judged; cable-wide ones always apply.
QString faultRefusal(const Fault &fault, const FaultTargetState &state);

} // namespace halfopen::lab
