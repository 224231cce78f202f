#include "realnet/EndpointProblem.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

namespace halfopen::realnet {

using core::ErrnoCatalog;
using core::Event;
using core::EventKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EndpointProblem", text);
}

QString withCause(const QString &sentence, int errnoValue)
{
    const auto info = ErrnoCatalog::lookup(errnoValue);
    return info ? QStringLiteral("%1. %2").arg(sentence, info->tcpCause) : sentence + QLatin1Char('.');
}

} // namespace

QString EndpointProblem::describe(const Event &e)
{
    if (e.kind == EventKind::Endpoint && e.what == QLatin1String("listen_failed"))
        return withCause(tr("Cannot listen on %1: %2").arg(e.local, ErrnoCatalog::describe(e.errnoValue)), e.errnoValue);
    if (e.kind == EventKind::Error && e.detail.value(QStringLiteral("operation")).toString() == QLatin1String("connect")
        && e.errnoValue != 0)
        return withCause(tr("Cannot connect to %1: %2").arg(e.remote, ErrnoCatalog::describe(e.errnoValue)), e.errnoValue);
    return {};
}

QString EndpointProblem::fromExit(const QString &standardError, int exitCode, bool crashed)
{
    // The CLI's own words: "halfopen-cli: HOST:PORT: host 'x' does not resolve: ..."
    QString text = standardError.trimmed();
    if (text.startsWith(QLatin1String("halfopen-cli: ")))
        text = text.mid(14);
    if (!text.isEmpty())
        return tr("The test endpoint stopped: %1").arg(text);
    if (crashed)
        return tr("The test endpoint crashed.");
    return tr("The test endpoint ended with status %1 before it was ready.").arg(exitCode);
}

} // namespace halfopen::realnet
