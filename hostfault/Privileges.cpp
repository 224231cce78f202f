// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/Privileges.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>

namespace halfopen::hostfault {

bool hasCapability(int capability)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    // /proc files report size 0: read all, never loop on atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("CapEff:")) {
            bool ok = false;
            const quint64 mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            return ok && capability >= 0 && capability < 64 && (mask >> capability) & 1U;
        }
    }
    return false;
}

QString missingCapabilityMessage(int errnoValue, const QString &action, const QString &capability)
{
    return QCoreApplication::translate(
               "hostfault",
               "%1: %2 needs %3 in this network namespace (run as root, or give halfopen-cli %4 with setcap)")
        .arg(core::ErrnoCatalog::describe(errnoValue), action, capability,
             capability.toLower() + QStringLiteral("+ep"));
}

} // namespace halfopen::hostfault
