// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/CableCuts.h"

#include "lab/Fault.h"

namespace halfopen::lab {

void CableCuts::feed(const core::Event &e)
{
    if (e.kind != core::EventKind::Fault)
        return;
    const auto kind = faultKindFromName(e.what);
    if (!kind)
        return;
    switch (*kind) {
    case FaultKind::Unplug:
    case FaultKind::Replug: {
        const bool cut = *kind == FaultKind::Unplug;
        const auto direction
            = cableDirectionFromName(e.detail.value(QStringLiteral("direction")).toString(QStringLiteral("both")))
                  .value_or(CableDirection::Both);
        // As the supervisor reads it: relative to `host`.
        if (direction != CableDirection::ToHost)
            cut ? (void)m_cutFrom.insert(e.host) : (void)m_cutFrom.remove(e.host);
        if (direction != CableDirection::FromHost)
            cut ? (void)m_cutTo.insert(e.host) : (void)m_cutTo.remove(e.host);
        break;
    }
    case FaultKind::PowerOff:
    case FaultKind::Reboot:
        m_off.insert(e.host);
        break;
    case FaultKind::PowerOn:
        m_off.remove(e.host);
        break;
    case FaultKind::IcmpUnreachableOn:
        m_icmpTowards.insert(e.host);
        break;
    case FaultKind::IcmpUnreachableOff:
        m_icmpTowards.remove(e.host);
        break;
    default:
        break;
    }
}

bool CableCuts::delivers(const QString &from, const QString &to) const
{
    return !m_off.contains(from) && !m_off.contains(to) && !m_cutFrom.contains(from) && !m_cutTo.contains(to)
        && !m_icmpTowards.contains(to);
}

} // namespace halfopen::lab
