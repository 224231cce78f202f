// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabWorld.h"

#include "core/session/Event.h"
#include "core/session/FaultFields.h"
#include "core/session/RunStepFields.h"

namespace halfopen::lab {

LabWorld::HostState *LabWorld::host(Host name)
{
    if (name == Host::Client)
        return &client;
    if (name == Host::Server)
        return &server;
    return nullptr;
}

const LabWorld::HostState *LabWorld::host(Host name) const
{
    return const_cast<LabWorld *>(this)->host(name);
}

bool LabWorld::cableCut(Host from, Host to) const
{
    const HostState *a = host(from);
    const HostState *b = host(to);
    return (a && a->unpluggedFromHost) || (b && b->unpluggedToHost);
}

bool LabWorld::delivers(Host from, Host to) const
{
    const HostState *a = host(from);
    const HostState *b = host(to);
    return a && b && !a->poweredOff && !b->poweredOff && !cableCut(from, to) && !b->icmpUnreachable;
}

FaultTargetState LabWorld::targetState(Host name) const
{
    FaultTargetState state;
    if (const HostState *h = host(name)) {
        state.poweredOn = !h->poweredOff;
        state.processRunning = !h->processKilled;
        state.frozen = h->frozen;
        state.unpluggedFromHost = h->unpluggedFromHost;
        state.unpluggedToHost = h->unpluggedToHost;
    }
    return state;
}

void LabWorld::labFailed(const QString &message)
{
    lab = Lab::Failed;
    labError = message;
}

bool LabWorld::apply(const core::Event &event)
{
    if (const std::optional<core::RunStep> step = event.runStep()) {
        const LabWorld before = *this;
        if (*step == core::RunStep::HostsUp || *step == core::RunStep::Ready) {
            if (lab != Lab::Failed)
                lab = Lab::Running;
        } else if (*step == core::RunStep::Failed) {
            labFailed(core::RunStepFields::of(event).message);
        } else if (*step == core::RunStep::Stopped && lab != Lab::Failed) {
            lab = Lab::Stopped;
        }
        return !(before == *this);
    }
    if (event.kind != core::EventKind::Fault)
        return false;
    // The kind is the event's `what`; the detail is the fault as carried out. What an older
    // recording's detail does not say reads as the default: a cut in both directions.
    const std::optional<FaultKind> kind = event.faultKind();
    if (!kind)
        return false;
    const core::FaultFields fields = core::FaultFields::of(event);
    Fault fault;
    fault.kind = *kind;
    fault.direction = fields.direction;
    fault.value = fields.value;
    fault.jitterMs = fields.jitterMs;
    fault.reset = fields.reset;
    fault.host = event.host;
    return apply(fault);
}

bool LabWorld::apply(const Fault &fault)
{
    const LabWorld before = *this;
    HostState *h = host(fault.host);
    switch (fault.kind) {
    case FaultKind::Loss:
        lossPercent = fault.value;
        break;
    case FaultKind::Delay:
        delayMs = fault.value;
        break;
    case FaultKind::NatTimeout:
    case FaultKind::Marker:
    case FaultKind::ShutdownWrite:
    case FaultKind::Send:
    case FaultKind::Close:
    case FaultKind::Abort:
        break;
    case FaultKind::Unplug:
    case FaultKind::Replug:
        if (h) {
            const bool cut = fault.kind == FaultKind::Unplug;
            if (fault.direction != CableDirection::ToHost)
                h->unpluggedFromHost = cut;
            if (fault.direction != CableDirection::FromHost)
                h->unpluggedToHost = cut;
        }
        break;
    case FaultKind::PowerOff:
    case FaultKind::Reboot: // the power-on that ends a reboot is its own fault
    case FaultKind::PowerOn:
        if (h) {
            // A fresh host: no process frozen or killed; its cable and the cable's ICMP stay.
            HostState fresh;
            fresh.unpluggedFromHost = h->unpluggedFromHost;
            fresh.unpluggedToHost = h->unpluggedToHost;
            fresh.icmpUnreachable = h->icmpUnreachable;
            fresh.poweredOff = fault.kind != FaultKind::PowerOn;
            *h = fresh;
        }
        break;
    case FaultKind::KillProcess:
        if (h) {
            h->processKilled = true;
            h->frozen = false;
        }
        break;
    case FaultKind::FreezeProcess:
    case FaultKind::ThawProcess:
        if (h)
            h->frozen = fault.kind == FaultKind::FreezeProcess;
        break;
    case FaultKind::IcmpUnreachableOn:
    case FaultKind::IcmpUnreachableOff:
        if (h)
            h->icmpUnreachable = fault.kind == FaultKind::IcmpUnreachableOn;
        break;
    }
    return !(before == *this);
}

} // namespace halfopen::lab
