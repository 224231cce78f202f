// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliUsage.h"

#include <cstdio>

namespace halfopen::cli {

int usageError(const QString &field, const QString &message)
{
    std::fprintf(stderr, "halfopen-cli: %s: %s\n", qPrintable(field), qPrintable(message));
    return ExitUsage;
}

int runtimeError(const QString &message, int status)
{
    std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(message));
    return status;
}

bool parseIntList(const QString &text, qsizetype expected, QList<qint64> *out)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != expected)
        return false;
    out->clear();
    for (const QString &part : parts) {
        bool ok = false;
        const qint64 value = part.trimmed().toLongLong(&ok);
        if (!ok)
            return false;
        out->append(value);
    }
    return true;
}

qsizetype terminalColumns(QStringView text)
{
    qsizetype columns = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // East Asian Wide and Fullwidth blocks (UAX #11), the ones translations use.
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
            || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6);
        columns += wide ? 2 : 1;
    }
    return columns;
}

} // namespace halfopen::cli
