// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/endpoint/EndpointConfig.h"

#include <QCommandLineParser>

namespace halfopen::cli {

// The options serve and connect share: socket options, heartbeat, traffic, output.
class EndpointOptions
{
public:
    explicit EndpointOptions(QCommandLineParser *parser);

    // Fills config from the parsed options. On bad input prints one line naming the field and
    // the allowed range and returns false (exit status 2).
    bool read(bool heartbeatSendsByDefault, core::EndpointConfig *config) const;

    QString recordPath() const;
    bool json() const;

private:
    QCommandLineParser *m_parser;
    QCommandLineOption m_keepalive;
    QCommandLineOption m_userTimeout;
    QCommandLineOption m_lingerAbort;
    QCommandLineOption m_noDelay;
    QCommandLineOption m_recvErr;
    QCommandLineOption m_heartbeat;
    QCommandLineOption m_heartbeatRole;
    QCommandLineOption m_traffic;
    QCommandLineOption m_keepAfterEof;
    QCommandLineOption m_sampleHz;
    QCommandLineOption m_hostName;
    QCommandLineOption m_record;
    QCommandLineOption m_json;
};

// QCommandLineParser::process() exits with status 1 on unknown options; we want one line and
// status 2. Returns -1 to go on, or the exit status (help/version printed, or usage error).
int parseOrExit(QCommandLineParser &parser, const QStringList &arguments);

} // namespace halfopen::cli
