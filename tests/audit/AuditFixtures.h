// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/AuditedConnection.h"

#include <vector>

namespace halfopen::testing {

// A connection as an audit would report it, for model and view tests: the cookie is the key,
// the rest is what the table shows.
inline audit::AuditedConnection auditedConnection(quint64 cookie, const QString &process, quint16 localPort,
                                                  audit::Risk risk = audit::Risk::Ok)
{
    audit::AuditedConnection c;
    c.socket.cookie = cookie;
    c.socket.local = core::SocketAddress::parse(
        QStringLiteral("10.0.%1.%2:%3").arg(cookie / 250 % 250).arg(cookie % 250 + 1).arg(localPort), nullptr);
    c.socket.remote = core::SocketAddress::parse(QStringLiteral("10.1.0.1:1883"), nullptr);
    c.socket.sample.state = core::TcpState::Established;
    c.socket.hasTcpInfo = true;
    c.socket.sample.rttUs = 250;
    c.holders = {{qint64(1000 + cookie % 7), 3, process}};
    c.optionsSource = audit::OptionsSource::Socket;
    c.keepalive = {risk != audit::Risk::HalfOpenForever, 60, 10, 3};
    c.userTimeoutMs = 0;
    c.assessment.risk = risk;
    if (risk != audit::Risk::HalfOpenForever)
        c.assessment.seconds = risk == audit::Risk::Slow ? 7875.0 : 90.0;
    return c;
}

inline std::vector<audit::AuditedConnection> auditedConnections(int count, quint64 firstCookie = 1)
{
    std::vector<audit::AuditedConnection> list;
    list.reserve(size_t(count));
    const audit::Risk risks[] = {audit::Risk::Ok, audit::Risk::Slow, audit::Risk::HalfOpenForever};
    const QString names[] = {QStringLiteral("mosquitto_sub"), QStringLiteral("postgres"), QStringLiteral("sshd")};
    for (int i = 0; i < count; ++i) {
        const quint64 cookie = firstCookie + quint64(i);
        const int n = int((cookie - 1) % 3); // what a connection shows depends on it alone
        list.push_back(auditedConnection(cookie, names[n], quint16(20000 + (cookie - 1) % 40000), risks[n]));
    }
    return list;
}

} // namespace halfopen::testing
