// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ReplugChannel.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace halfopen::hostfault {

namespace {

constexpr const char *kPrefix = "halfopen-fault.";

socklen_t abstractAddress(const QByteArray &name, sockaddr_un *address)
{
    std::memset(address, 0, sizeof *address);
    address->sun_family = AF_UNIX;
    const qsizetype length = std::min<qsizetype>(name.size(), sizeof address->sun_path - 1);
    std::memcpy(address->sun_path + 1, name.constData(), size_t(length)); // sun_path[0] = 0: abstract
    return socklen_t(offsetof(sockaddr_un, sun_path) + 1 + length);
}

// One line with a deadline: both ends are local and answer at once or not at all.
QByteArray readLine(int fd, int timeoutMs)
{
    QByteArray line;
    char c;
    while (!line.endsWith('\n') && line.size() < 4096) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0)
            break;
        const ssize_t n = ::read(fd, &c, 1);
        if (n <= 0)
            break;
        line.append(c);
    }
    return line.trimmed();
}

void writeLine(int fd, const QByteArray &line)
{
    const QByteArray text = line + '\n';
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::send(fd, text.constData() + done, size_t(text.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

ReplugServer::ReplugServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{ }

ReplugServer::~ReplugServer()
{
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

QString ReplugServer::name() const
{
    return QStringLiteral("@%1%2").arg(QLatin1String(kPrefix)).arg(::getpid());
}

bool ReplugServer::listen(QString *error)
{
    m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_un address;
    const socklen_t length = abstractAddress(QByteArray(kPrefix) + QByteArray::number(::getpid()), &address);
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(m_fd, 4) != 0) {
        *error = QCoreApplication::translate("hostfault", "replug channel %1: %2")
                     .arg(name(), core::ErrnoCatalog::describe(errno));
        return false;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ReplugServer::accept);
    return true;
}

void ReplugServer::accept()
{
    const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0)
        return;
    ucred peer{};
    socklen_t length = sizeof peer;
    const bool allowed = ::getsockopt(client, SOL_SOCKET, SO_PEERCRED, &peer, &length) == 0
        && (peer.uid == 0 || peer.uid == ::geteuid());
    if (!allowed) {
        writeLine(client, "error EPERM: only the same user or root may lift this fault");
    } else {
        const QByteArray request = readLine(client, 2000);
        writeLine(client, m_handler(QString::fromUtf8(request)).toUtf8());
    }
    ::close(client);
}

QStringList sendReplugRequest(const QString &request)
{
    QStringList answers;
    // Abstract names of this network namespace: "@halfopen-fault.4242" in the last column.
    QFile table(QStringLiteral("/proc/net/unix"));
    if (!table.open(QIODevice::ReadOnly))
        return answers;
    QList<QByteArray> names;
    const QList<QByteArray> lines = table.readAll().split('\n'); // size 0 in /proc: no atEnd()
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const qsizetype at = line.lastIndexOf(' ');
        const QByteArray path = line.mid(at + 1);
        if (path.startsWith('@' + QByteArray(kPrefix)) && !names.contains(path.mid(1)))
            names.append(path.mid(1));
    }
    for (const QByteArray &name : names) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address;
        const socklen_t length = abstractAddress(name, &address);
        if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), length) != 0) {
            if (fd >= 0)
                ::close(fd);
            continue;
        }
        writeLine(fd, request.toUtf8());
        const QByteArray answer = readLine(fd, 5000);
        ::close(fd);
        answers << QStringLiteral("pid %1: %2")
                       .arg(QString::fromLatin1(name.mid(int(std::strlen(kPrefix)))), QString::fromUtf8(answer));
    }
    return answers;
}

} // namespace halfopen::hostfault
