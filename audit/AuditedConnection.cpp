// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/AuditedConnection.h"

namespace halfopen::audit {

QString optionsSourceName(OptionsSource source)
{
    switch (source) {
    case OptionsSource::Socket:
        return QStringLiteral("socket");
    case OptionsSource::Timer:
        return QStringLiteral("timer");
    case OptionsSource::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

std::optional<qint64> AuditedConnection::pid() const
{
    if (holders.isEmpty())
        return std::nullopt;
    return holders.constFirst().pid;
}

QString AuditedConnection::process() const
{
    return holders.isEmpty() ? QString() : holders.constFirst().command;
}

} // namespace halfopen::audit
