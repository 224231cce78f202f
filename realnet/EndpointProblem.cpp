// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/EndpointProblem.h"

#include "core/session/ErrorFields.h"
#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>

namespace halfopen::realnet {

using core::ErrnoCatalog;
using core::Event;
using core::EventKind;

namespace {

// lupdate takes the context from this class (a free function named tr would hide it).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EndpointProblem)
};

QString withCause(const QString &sentence, int errnoValue)
{
    const auto info = ErrnoCatalog::lookup(errnoValue);
    // Through tr(): the full stop differs between languages (Chinese ends with "。").
    return info ? Text::tr("%1. %2", "a sentence, then the errno's cause").arg(sentence, info->tcpCause)
                : Text::tr("%1.", "a sentence's full stop").arg(sentence);
}

} // namespace

QString EndpointProblem::describe(const Event &e)
{
    if (e.is(core::EndpointStep::ListenFailed))
        return withCause(Text::tr("Cannot listen on %1: %2").arg(e.local, ErrnoCatalog::describe(e.errnoValue)),
                         e.errnoValue);
    if (e.kind == EventKind::Error && core::ErrorFields::of(e).operation == core::SocketOperation::Connect
        && e.errnoValue != 0)
        return withCause(Text::tr("Cannot connect to %1: %2").arg(e.remote, ErrnoCatalog::describe(e.errnoValue)),
                         e.errnoValue);
    return {};
}

QString EndpointProblem::fromExit(const QString &standardError, int exitCode, bool crashed)
{
    // The CLI's own words: "halfopen-cli: HOST:PORT: host 'x' does not resolve: ..."
    QString text = standardError.trimmed();
    if (text.startsWith(QLatin1String("halfopen-cli: ")))
        text = text.mid(14);
    if (!text.isEmpty())
        return Text::tr("The test endpoint stopped: %1").arg(text);
    if (crashed)
        return Text::tr("The test endpoint crashed.");
    return Text::tr("The test endpoint ended with status %1 before it was ready.").arg(exitCode);
}

} // namespace halfopen::realnet
