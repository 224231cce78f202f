// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For the exporter's tests: a plain HTTP GET on loopback (optionally from inside a network
// namespace), `halfopen-cli exporter` as a child process, and a real Prometheus server with a
// scratch storage folder, stopped and removed whatever happens to the test.

#include "core/observe/NetworkNamespace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace halfopen::testing {

struct HttpReply
{
    int status = 0; // 0: no answer
    QByteArray headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : headers.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// GET http://127.0.0.1:port/target over HTTP/1.0 (the whole answer, then the server closes).
// netnsFd >= 0: the socket is made inside that namespace, to reach a server listening there.
inline HttpReply httpGet(quint16 port, const QByteArray &target, const QByteArray &accept = {}, int netnsFd = -1,
                         int timeoutMs = 10000)
{
    HttpReply reply;
    const int fd = core::NetworkNamespace::createSocketIn(netnsFd, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return reply;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return reply;
    }
    QByteArray request = "GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!accept.isEmpty())
        request += "Accept: " + accept + "\r\n";
    request += "\r\n";
    ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL);
    QByteArray all;
    QElapsedTimer clock;
    clock.start();
    char buffer[65536];
    while (clock.elapsed() < timeoutMs) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0)
            continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        all.append(buffer, n);
        // Qt HttpServer 6.4 keeps the connection open after its answer, "Connection: close"
        // or not: the answer is complete once Content-Length bytes of body are in.
        const qsizetype headerEnd = all.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            HttpReply head;
            head.headers = all.left(headerEnd);
            bool known = false;
            const qsizetype length = head.header("Content-Length").toLongLong(&known);
            if (known && all.size() - headerEnd - 4 >= length)
                break;
        }
    }
    ::close(fd);
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    reply.headers = all.left(end);
    reply.body = all.mid(end + 4);
    const QList<QByteArray> statusLine = reply.headers.left(reply.headers.indexOf("\r\n")).split(' ');
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    return reply;
}

// A loopback port nobody listens on right now.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

inline void dieWithParent(QProcess *process)
{
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

// `halfopen-cli exporter --listen 127.0.0.1:0 ARGS...`, optionally behind a prefix (ip netns
// exec, setpriv); port() is what it printed.
class ExporterProcess
{
public:
    ~ExporterProcess() { stop(); }

    bool start(const QStringList &arguments, const QStringList &prefix = {})
    {
        QStringList all = prefix;
        all << QStringLiteral(HALFOPEN_CLI) << QStringLiteral("exporter") << QStringLiteral("--listen")
            << QStringLiteral("127.0.0.1:0") << arguments;
        m_process.setProgram(all.takeFirst());
        m_process.setArguments(all);
        dieWithParent(&m_process);
        m_process.start();
        QByteArray out;
        const bool ok = QTest::qWaitFor(
            [&] {
                out += m_process.readAllStandardOutput();
                return out.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            10000);
        const qsizetype at = out.indexOf("http://127.0.0.1:");
        if (!ok || at < 0)
            return false;
        m_port = quint16(out.mid(at + 17, out.indexOf('/', at + 17) - at - 17).toUInt());
        return m_port != 0;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
    }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// Debian's Prometheus on 127.0.0.1 with a scratch folder for its configuration and storage;
// stopped and the folder removed when this goes out of scope (or the test process dies).
class PrometheusServer
{
public:
    static QString executable() { return QStandardPaths::findExecutable(QStringLiteral("prometheus")); }

    PrometheusServer()
        : m_dir(QDir::tempPath() + QStringLiteral("/halfopen-prometheus-%1-XXXXXX").arg(::getpid()))
    {
        removeStale();
    }

    ~PrometheusServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
    }

    QString dir() const { return m_dir.path(); }

    // Writes prometheus.yml (scrape and evaluation every second, one job "halfopen" on
    // 127.0.0.1:exporterPort, the given rule files) and starts the server; true once /-/ready.
    bool start(quint16 exporterPort, const QStringList &ruleFiles)
    {
        if (!m_dir.isValid())
            return false;
        QByteArray config = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n";
        if (!ruleFiles.isEmpty()) {
            config += "rule_files:\n";
            for (const QString &file : ruleFiles)
                config += "  - " + file.toUtf8() + '\n';
        }
        config += "scrape_configs:\n  - job_name: halfopen\n    static_configs:\n      - targets: ['127.0.0.1:"
            + QByteArray::number(exporterPort) + "']\n";
        QFile file(m_dir.filePath(QStringLiteral("prometheus.yml")));
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
            return false;
        file.close();
        m_port = freeLoopbackPort();
        // Everything on loopback and in the scratch folder: no console templates, no
        // remote storage, nothing that reaches out.
        m_process.setProgram(executable());
        m_process.setArguments({QStringLiteral("--config.file=") + file.fileName(),
                                QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                                QStringLiteral("--log.level=warn")});
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setWorkingDirectory(m_dir.path());
        dieWithParent(&m_process);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        return QTest::qWaitFor(
                   [this] {
                       return m_process.state() == QProcess::NotRunning
                           || httpGet(m_port, "/-/ready", {}, -1, 1000).status == 200;
                   },
                   30000)
            && m_process.state() == QProcess::Running;
    }

    QByteArray log() { return m_log += m_process.readAll(); }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

    // GET /api/v1/PATH (with its ?query, percent-encoded) and the "data" member of a
    // successful answer.
    QJsonValue api(const QByteArray &pathAndQuery, QString *error = nullptr)
    {
        const HttpReply reply = httpGet(m_port, "/api/v1/" + pathAndQuery);
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        if (answer.value(QStringLiteral("status")).toString() != QLatin1String("success")) {
            if (error)
                *error = QString::fromUtf8(reply.body.left(500));
            return {};
        }
        return answer.value(QStringLiteral("data"));
    }
    // An instant query's vector result.
    QJsonArray query(const QString &promql, QString *error = nullptr)
    {
        return api("query?query=" + QUrl::toPercentEncoding(promql), error)
            .toObject()
            .value(QStringLiteral("result"))
            .toArray();
    }

private:
    // Folders left by a test process that was killed before its destructors ran (a crash, a
    // ctest timeout): their owner is gone. Its Prometheus died with it (PR_SET_PDEATHSIG).
    static void removeStale()
    {
        const QStringList names = QDir::temp().entryList({QStringLiteral("halfopen-prometheus-*")}, QDir::Dirs);
        for (const QString &name : names) {
            bool ok = false;
            const int pid = name.section(QLatin1Char('-'), 2, 2).toInt(&ok);
            if (ok && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH)
                QDir(QDir::temp().filePath(name)).removeRecursively();
        }
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

} // namespace halfopen::testing
