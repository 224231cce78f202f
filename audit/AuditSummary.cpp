// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/AuditSummary.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace halfopen::audit {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditSummary)
};
} // namespace

int AuditSummary::count(Risk risk) const
{
    int n = 0;
    for (const auto &entry : processes[size_t(risk)])
        n += entry.second;
    return n;
}

Risk AuditSummary::worst() const
{
    for (Risk risk : {Risk::HalfOpenForever, Risk::Slow, Risk::Ok}) {
        if (count(risk) > 0)
            return risk;
    }
    return Risk::Unknown;
}

AuditSummary AuditSummary::of(const std::vector<AuditedConnection> &connections)
{
    AuditSummary summary;
    summary.total = qsizetype(connections.size());
    std::array<QHash<QString, int>, 4> counts;
    for (const AuditedConnection &c : connections) {
        const QString name = c.holders.isEmpty() ? Text::tr("unknown process") : c.process();
        ++counts[size_t(c.assessment.risk)][name];
    }
    for (size_t r = 0; r < counts.size(); ++r) {
        auto &list = summary.processes[r];
        for (auto it = counts[r].cbegin(); it != counts[r].cend(); ++it)
            list.append({it.key(), it.value()});
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
    }
    return summary;
}

QString AuditSummary::text(int maxProcessesPerRisk) const
{
    QStringList parts{total == 1 ? Text::tr("1 connection") : Text::tr("%1 connections").arg(total)};
    for (Risk risk : {Risk::HalfOpenForever, Risk::Slow, Risk::Unknown}) {
        const int n = count(risk);
        if (n == 0)
            continue;
        QStringList names;
        const auto &list = processes[size_t(risk)];
        for (qsizetype i = 0; i < list.size() && i < maxProcessesPerRisk; ++i)
            names << (list.at(i).second > 1 ? QStringLiteral("%1 ×%2").arg(list.at(i).first).arg(list.at(i).second)
                                            : list.at(i).first);
        if (list.size() > maxProcessesPerRisk)
            names << QStringLiteral("…");
        QString what;
        if (risk == Risk::HalfOpenForever)
            what = Text::tr("%1 would stay half-open forever").arg(n);
        else if (risk == Risk::Slow)
            what = Text::tr("%1 slow to notice a dead peer").arg(n);
        else
            what = Text::tr("%1 with options unknown").arg(n);
        parts << QStringLiteral("%1: %2").arg(what, names.join(QStringLiteral(", ")));
    }
    if (count(Risk::HalfOpenForever) + count(Risk::Slow) + count(Risk::Unknown) == 0 && total > 0)
        parts << Text::tr("all notice a powered-off peer in time");
    return parts.join(QStringLiteral("; "));
}

} // namespace halfopen::audit
