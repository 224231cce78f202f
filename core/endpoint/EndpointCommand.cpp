// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/EndpointCommand.h"

#include "core/endpoint/TestClient.h"
#include "core/endpoint/TestConnection.h"
#include "core/endpoint/TestServer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace halfopen::core {

std::optional<EndpointCommand> EndpointCommand::parse(const QString &line, QString *error)
{
    QString name;
    QJsonObject args;
    const QString trimmed = line.trimmed();
    if (trimmed.startsWith(QLatin1Char('{'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        args = doc.object();
        name = args.value(QStringLiteral("command")).toString();
    } else {
        name = trimmed.section(QLatin1Char(' '), 0, 0);
        const QString rest = trimmed.section(QLatin1Char(' '), 1).trimmed();
        if (name == QLatin1String("send") && !rest.isEmpty()) {
            bool ok = false;
            args.insert(QStringLiteral("bytes"), rest.toInt(&ok));
            if (!ok)
                args.insert(QStringLiteral("bytes"), -1);
        } else if (name == QLatin1String("options")) {
            args.insert(QStringLiteral("options"), QJsonDocument::fromJson(rest.toUtf8()).object());
        }
    }

    EndpointCommand command;
    if (name == QLatin1String("send")) {
        command.kind = Kind::Send;
        command.bytes = args.value(QStringLiteral("bytes")).toInt(100);
        if (command.bytes < 1 || command.bytes > kMaxSendBytes) {
            *error = QCoreApplication::translate("EndpointCommand", "send bytes must be between 1 and %1")
                         .arg(kMaxSendBytes);
            return std::nullopt;
        }
    } else if (name == QLatin1String("close")) {
        command.kind = Kind::Close;
    } else if (name == QLatin1String("abort")) {
        command.kind = Kind::Abort;
    } else if (name == QLatin1String("shutdown-write")) {
        command.kind = Kind::ShutdownWrite;
    } else if (name == QLatin1String("quit")) {
        command.kind = Kind::Quit;
    } else if (name == QLatin1String("options")) {
        command.kind = Kind::SetOptions;
        command.options = SocketOptions::fromJson(args.value(QStringLiteral("options")).toObject());
        const QList<SettingError> problems = command.options.validate();
        if (!problems.isEmpty()) {
            *error = problems.first().message;
            return std::nullopt;
        }
    } else {
        *error = QCoreApplication::translate("EndpointCommand",
                                             "unknown command '%1': expected send [BYTES], close, abort, "
                                             "shutdown-write, options JSON, marker or quit")
                     .arg(trimmed);
        return std::nullopt;
    }
    return command;
}

QByteArray EndpointCommand::toLine() const
{
    switch (kind) {
    case Kind::Send:
        return "send " + QByteArray::number(bytes);
    case Kind::Close:
        return "close";
    case Kind::Abort:
        return "abort";
    case Kind::ShutdownWrite:
        return "shutdown-write";
    case Kind::SetOptions:
        return "options " + QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact);
    case Kind::Quit:
        return "quit";
    }
    return {};
}

void EndpointCommand::applyTo(TestServer *server) const
{
    if (kind == Kind::SetOptions) {
        server->setOptions(options);
        return;
    }
    for (TestConnection *c : server->openConnections())
        applyTo(c);
}

void EndpointCommand::applyTo(TestClient *client) const
{
    if (kind == Kind::SetOptions)
        client->setOptions(options);
    else if (client->connection())
        applyTo(client->connection());
}

void EndpointCommand::applyTo(TestConnection *connection) const
{
    switch (kind) {
    case Kind::Send:
        connection->sendNow(bytes);
        break;
    case Kind::Close:
        connection->closeGracefully();
        break;
    case Kind::Abort:
        connection->abort();
        break;
    case Kind::ShutdownWrite:
        connection->shutdownWrite();
        break;
    case Kind::SetOptions:
        connection->setOptions(options);
        break;
    case Kind::Quit:
        break;
    }
}

} // namespace halfopen::core
