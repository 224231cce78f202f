// TEMPORARY during development: replaced by the serve/connect implementation.
#include "CliCommands.h"
#include "CliUsage.h"
namespace halfopen::cli {
int runServe(const QStringList &) { return runtimeError(QStringLiteral("serve: not built yet")); }
int runConnect(const QStringList &) { return runtimeError(QStringLiteral("connect: not built yet")); }
}
