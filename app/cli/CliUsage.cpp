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

} // namespace halfopen::cli
