// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QString>

namespace halfopen::exporter {

class MetricsExporter;

// The exporter's HTTP side (Qt HttpServer): GET /metrics scrapes, in the format the Accept
// header asks for; / is a short page that links to it; anything else is 404.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    explicit MetricsServer(MetricsExporter *exporter, QObject *parent = nullptr);

    // Listens on address:port (0: any free port). False with the reason ("EADDRINUSE ...").
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }

private:
    MetricsExporter *m_exporter;
    QHttpServer m_server;
    quint16 m_port = 0;
};

} // namespace halfopen::exporter
