// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-cli connect: the test client.

#include "CliCommands.h"
#include "CliUsage.h"
#include "EndpointOptions.h"
#include "EndpointRun.h"

#include "core/endpoint/TestClient.h"
#include "core/endpoint/TestConnection.h"
#include "realnet/HostTcpSettings.h"

#include <QCoreApplication>

namespace halfopen::cli {

using namespace halfopen::core;

int runConnect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli",
        "Open one test connection with the given socket options and report every state change, "
        "tcp_info sample, heartbeat and the error that ends it.\nCommands on stdin: send [BYTES], "
        "close, abort, shutdown-write, options JSON, quit."));
    parser.addPositionalArgument(QStringLiteral("HOST:PORT"),
                                 QCoreApplication::translate("cli", "The server to connect to."));
    EndpointOptions endpointOptions(&parser);
    if (const int status = parseOrExit(parser, arguments); status >= 0)
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("HOST:PORT"),
                          QCoreApplication::translate("cli", "connect needs exactly one HOST:PORT (port 1 to 65535)"));
    QString addressError;
    const SocketAddress address = SocketAddress::parse(positional.first(), &addressError);
    if (!address.isValid())
        return usageError(QStringLiteral("HOST:PORT"), addressError);

    EndpointConfig config;
    config.host = core::Host::Client;
    if (!endpointOptions.read(/*heartbeatSendsByDefault=*/true, &config))
        return ExitUsage;

    EndpointRun run(endpointOptions.json());
    if (!run.record(endpointOptions.recordPath()))
        return ExitRuntime;
    // The prediction the death is reported against: these options, this machine's sysctls and
    // the neighbour the route to the server depends on, as real-network mode predicts.
    lab::LabConfig settings = lab::LabConfig::defaults();
    settings.client.endpoint = config;
    settings.client.sysctls = realnet::HostTcpSettings().read();
    bool dynamicArp = false;
    QString assumption;
    settings.client.sysctls.insert(realnet::HostTcpSettings::neighbourFor(address.host(), &dynamicArp, &assumption));
    settings.cable.arp = dynamicArp;
    run.setPredictionSettings(settings);
    TestClient client(config);
    QObject::connect(&client, &TestClient::event, run.session(), &Session::add);
    QObject::connect(&run, &EndpointRun::command, &client,
                     [&client](const EndpointCommand &command) { command.applyTo(&client); });
    QObject::connect(&run, &EndpointRun::quitRequested, qApp, [] { QCoreApplication::exit(ExitOk); });
    QObject::connect(
        &client, &TestClient::finished, qApp,
        [&] {
            const TestConnection *c = client.connection();
            const bool died = !c || c->ending() == TestConnection::Ending::Died
                || c->ending() == TestConnection::Ending::PeerClosed;
            if (died && run.lastDeath())
                run.reportDeath(*run.lastDeath());
            QCoreApplication::exit(died ? ExitDetectedDeath : ExitOk);
        },
        Qt::QueuedConnection);

    QString error;
    if (!client.connectTo(address, &error)) {
        if (run.lastDeath())
            run.reportDeath(*run.lastDeath());
        return ExitDetectedDeath;
    }
    return QCoreApplication::exec();
}

} // namespace halfopen::cli
