// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/MetricsServer.h"

#include "exporter/MetricsExporter.h"
#include "exporter/MetricsFormat.h"

#include "core/tcp/SocketOptions.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace halfopen::exporter {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(exporter)
};

QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

MetricsServer::MetricsServer(MetricsExporter *exporter, QObject *parent)
    : QObject(parent)
    , m_exporter(exporter)
{
    m_server.route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) {
                       const MetricsFormat format = negotiateFormat(headerValue(request, "accept"));
                       return QHttpServerResponse(contentType(format), m_exporter->scrape(format));
                   });
    m_server.route(QStringLiteral("/"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(
            QByteArrayLiteral("text/html; charset=utf-8"),
            QByteArrayLiteral("<!DOCTYPE html><html><head><title>HalfOpen exporter</title></head><body>"
                              "<h1>HalfOpen exporter</h1><p>The half-open risk of this machine's TCP connections: "
                              "<a href=\"/metrics\">/metrics</a>.</p></body></html>\n"));
    });
}

bool MetricsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    // QHttpServer::listen() says only "0" on failure; a QTcpServer of our own keeps the reason.
    auto *tcp = new QTcpServer(&m_server);
    if (!tcp->listen(address, port)) {
        *error = Text::tr("cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    // Practise what we preach: Prometheus keeps its connection to us open between scrapes, and
    // without keepalive that connection would itself be reported half-open-forever. Accepted
    // sockets inherit these from the listening one: a dead scraper is noticed within 90 s.
    core::SocketOptions options;
    options.keepalive = {true, 60, 10, 3};
    const QList<core::SettingError> failed = options.applyTo(int(tcp->socketDescriptor()));
    if (!failed.isEmpty())
        qWarning("halfopen-cli exporter: keepalive on the listening socket: %s: %s", qPrintable(failed.first().field),
                 qPrintable(failed.first().message));
    m_port = tcp->serverPort();
    m_server.bind(tcp);
    return true;
}

} // namespace halfopen::exporter
