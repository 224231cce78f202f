// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"

#include <QList>
#include <QPair>
#include <QString>

#include <array>
#include <vector>

namespace halfopen::audit {

// How many connections carry each risk, and which programs hold them: the one line a user
// reads first ("37 connections; 5 would stay half-open forever: mosquitto_sub ×2, …").
struct AuditSummary
{
    qsizetype total = 0;
    // Per risk (indexed by Risk), the processes with their number of connections, most first.
    std::array<QList<QPair<QString, int>>, 4> processes;

    int count(Risk risk) const;
    Risk worst() const; // Risk::Unknown when there is nothing at risk nor ok

    static AuditSummary of(const std::vector<AuditedConnection> &connections);
    QString text(int maxProcessesPerRisk = 4) const;
};

} // namespace halfopen::audit
