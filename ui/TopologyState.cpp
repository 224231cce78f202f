// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TopologyState.h"

#include "core/session/Event.h"
#include "lab/Fault.h"

namespace halfopen::ui {

using lab::FaultKind;

TopologyState::Host *TopologyState::host(const QString &name)
{
    if (name == QLatin1String("client"))
        return &client;
    if (name == QLatin1String("server"))
        return &server;
    return nullptr;
}

const TopologyState::Host *TopologyState::host(const QString &name) const
{
    return const_cast<TopologyState *>(this)->host(name);
}

bool TopologyState::delivers(const QString &from, const QString &to) const
{
    const Host *a = host(from);
    const Host *b = host(to);
    return a && b && !a->poweredOff && !b->poweredOff && !a->unpluggedFromHost && !b->unpluggedToHost;
}

void TopologyState::labFailed(const QString &message)
{
    lab = Lab::Failed;
    labError = message;
}

bool TopologyState::apply(const core::Event &event)
{
    if (event.kind == core::EventKind::Endpoint && event.host == core::Event::labHost()) {
        const TopologyState before = *this;
        if (event.what == QLatin1String("hosts_up") || event.what == QLatin1String("ready")) {
            if (lab != Lab::Failed)
                lab = Lab::Running;
        } else if (event.what == QLatin1String("failed")) {
            labFailed(event.detail.value(QStringLiteral("message")).toString());
        } else if (event.what == QLatin1String("stopped") && lab != Lab::Failed) {
            lab = Lab::Stopped;
        }
        return !(before == *this);
    }
    if (event.kind != core::EventKind::Fault)
        return false;
    QString error;
    const auto fault = lab::Fault::fromJson(event.detail, &error);
    const auto kind = fault ? std::optional(fault->kind) : lab::faultKindFromName(event.what);
    if (!kind)
        return false;
    const double value = fault ? fault->value : 0;
    Host *h = host(event.host);
    const TopologyState before = *this;
    switch (*kind) {
    case FaultKind::Loss:
        lossPercent = value;
        break;
    case FaultKind::Delay:
        delayMs = value;
        break;
    case FaultKind::NatTimeout:
    case FaultKind::Marker:
    case FaultKind::ShutdownWrite:
    case FaultKind::Send:
    case FaultKind::Close:
    case FaultKind::Abort:
        break;
    default:
        if (!h)
            return false;
        switch (*kind) {
        case FaultKind::Unplug:
        case FaultKind::Replug: {
            // Relative to the host, as lab/scenario/CableCuts and the supervisor read it.
            const bool cut = *kind == FaultKind::Unplug;
            const lab::CableDirection direction = fault ? fault->direction : lab::CableDirection::Both;
            if (direction != lab::CableDirection::ToHost)
                h->unpluggedFromHost = cut;
            if (direction != lab::CableDirection::FromHost)
                h->unpluggedToHost = cut;
            break;
        }
        case FaultKind::PowerOff:
        case FaultKind::Reboot: // the power-on that ends a reboot is its own event
        case FaultKind::PowerOn: {
            // A fresh host; its cable stays as it was.
            Host fresh;
            fresh.unpluggedFromHost = h->unpluggedFromHost;
            fresh.unpluggedToHost = h->unpluggedToHost;
            fresh.poweredOff = *kind != FaultKind::PowerOn;
            *h = fresh;
            break;
        }
        case FaultKind::KillProcess:
            h->processKilled = true;
            h->frozen = false;
            break;
        case FaultKind::FreezeProcess:
            h->frozen = true;
            break;
        case FaultKind::ThawProcess:
            h->frozen = false;
            break;
        case FaultKind::IcmpUnreachableOn:
            h->icmpUnreachable = true;
            break;
        case FaultKind::IcmpUnreachableOff:
            h->icmpUnreachable = false;
            break;
        default:
            break;
        }
    }
    return !(before == *this);
}

} // namespace halfopen::ui
