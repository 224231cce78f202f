// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli serve: the test server.

#include "CliCommands.h"
#include "CliUsage.h"
#include "EndpointOptions.h"
#include "EndpointRun.h"

#include "core/endpoint/TestConnection.h"
#include "core/endpoint/TestServer.h"
#include "realnet/HostTcpSettings.h"

#include <QCoreApplication>

namespace halfopen::cli {

using namespace halfopen::core;

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli",
        "Listen for test connections, apply the socket options to each, and report every state "
        "change, tcp_info sample, heartbeat and error.\nCommands on stdin: send [BYTES], close, "
        "abort, shutdown-write, options JSON, quit (they apply to every open connection)."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate(
            "cli", "Address and port to listen on, e.g. 0.0.0.0:5000 or [::1]:5000 (port 0: any free port)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption once(
        QStringLiteral("once"),
        QCoreApplication::translate("cli", "Exit when the first connection ends, with its outcome as exit status."));
    parser.addOptions({listen, once});
    EndpointOptions endpointOptions(&parser);
    if (const int status = parseOrExit(parser, arguments); status >= 0)
        return status;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("arguments"),
            QCoreApplication::translate("cli", "serve takes no positional arguments; use --listen ADDR:PORT"));
    if (!parser.isSet(listen))
        return usageError(
            QStringLiteral("--listen"),
            QCoreApplication::translate("cli", "required: the address and port to listen on (port 1 to 65535)"));
    QString addressError;
    // Port 0 picks a free port; the "listening" event tells which.
    const SocketAddress address = SocketAddress::parse(parser.value(listen), &addressError, /*allowAnyPort=*/true);
    if (!address.isValid())
        return usageError(QStringLiteral("--listen"), addressError);

    EndpointConfig config;
    config.host = core::Host::Server;
    if (!endpointOptions.read(/*heartbeatSendsByDefault=*/false, &config))
        return ExitUsage;

    EndpointRun run(endpointOptions.json());
    if (!run.record(endpointOptions.recordPath()))
        return ExitRuntime;
    lab::LabConfig settings = lab::LabConfig::defaults();
    settings.server.endpoint = config;
    settings.server.sysctls = realnet::HostTcpSettings().read();
    run.setPredictionSettings(settings);
    TestServer server(config);
    QObject::connect(&server, &TestServer::event, run.session(), &Session::add);
    QString error;
    if (!server.listen(address, &error))
        return runtimeError(error);

    int status = ExitOk;
    QObject::connect(&run, &EndpointRun::command, &server,
                     [&server](const EndpointCommand &command) { command.applyTo(&server); });
    QObject::connect(&run, &EndpointRun::quitRequested, qApp, [] { QCoreApplication::exit(ExitOk); });
    QObject::connect(&server, &TestServer::connectionFinished, &server, [&](TestConnection *c) {
        if (!parser.isSet(once))
            return;
        if (c->ending() == TestConnection::Ending::Died || c->ending() == TestConnection::Ending::PeerClosed) {
            if (run.lastDeath())
                run.reportDeath(*run.lastDeath());
            status = ExitDetectedDeath;
        }
        QCoreApplication::exit(status);
    });
    status = QCoreApplication::exec();
    return status;
}

} // namespace halfopen::cli
