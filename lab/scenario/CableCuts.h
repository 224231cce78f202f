// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QSet>
#include <QString>

namespace halfopen::lab {

// Which way the cable delivers frames, replayed from the lab's `fault` events: unplug/replug
// (with their direction), power-off/reboot until power-on, and ICMP unreachable (a router
// answers instead of delivering). The cable reports every frame as it enters, before a cut
// drops it; this says whether it came out at the other end. (A random loss or a NAT's drop
// is not knowable from the events.)
class CableCuts
{
public:
    // Ignores events other than faults.
    void feed(const core::Event &event);
    bool delivers(const QString &from, const QString &to) const;

private:
    QSet<QString> m_cutFrom;     // frames leaving this host are dropped
    QSet<QString> m_cutTo;       // frames towards this host are dropped
    QSet<QString> m_off;         // powered off
    QSet<QString> m_icmpTowards; // frames towards this host are answered with ICMP
};

} // namespace halfopen::lab
