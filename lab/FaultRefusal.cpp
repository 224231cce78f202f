// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/FaultRefusal.h"

#include <QCoreApplication>

namespace halfopen::lab {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FaultRefusal)
};
} // namespace

QString faultRefusal(const Fault &fault, const FaultTargetState &s)
{
    const QString host = core::hostName(fault.host);
    const bool fromHost = fault.direction != CableDirection::ToHost;
    const bool toHost = fault.direction != CableDirection::FromHost;
    switch (fault.kind) {
    case FaultKind::Unplug:
        if ((!fromHost || s.unpluggedFromHost) && (!toHost || s.unpluggedToHost))
            return Text::tr("the %1's cable is already unplugged").arg(host);
        return {};
    case FaultKind::Replug:
        if ((!fromHost || !s.unpluggedFromHost) && (!toHost || !s.unpluggedToHost))
            return Text::tr("the %1's cable is plugged in").arg(host);
        return {};
    case FaultKind::PowerOff:
        return s.poweredOn ? QString() : Text::tr("the %1 is already powered off").arg(host);
    case FaultKind::PowerOn:
        return s.poweredOn ? Text::tr("the %1 is already on").arg(host) : QString();
    case FaultKind::Reboot:
        return s.poweredOn ? QString() : Text::tr("the %1 is powered off: power it on instead").arg(host);
    case FaultKind::KillProcess:
    case FaultKind::FreezeProcess:
    case FaultKind::ThawProcess:
    case FaultKind::Close:
    case FaultKind::Abort:
    case FaultKind::ShutdownWrite:
    case FaultKind::Send:
        if (!s.poweredOn)
            return Text::tr("the %1 is powered off").arg(host);
        if (!s.processRunning)
            return Text::tr("the %1's application is not running").arg(host);
        if (fault.kind == FaultKind::FreezeProcess && s.frozen)
            return Text::tr("the %1's application is already frozen").arg(host);
        if (fault.kind == FaultKind::ThawProcess && !s.frozen)
            return Text::tr("the %1's application is not frozen").arg(host);
        return {};
    case FaultKind::IcmpUnreachableOn:
    case FaultKind::IcmpUnreachableOff:
    case FaultKind::Loss:
    case FaultKind::Delay:
    case FaultKind::NatTimeout:
    case FaultKind::Marker:
        return {};
    }
    return {};
}

} // namespace halfopen::lab
