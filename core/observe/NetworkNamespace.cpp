// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/NetworkNamespace.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace halfopen::core {

NetworkNamespace::~NetworkNamespace()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

NetworkNamespace::NetworkNamespace(NetworkNamespace &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
{ }

NetworkNamespace &NetworkNamespace::operator=(NetworkNamespace &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

bool NetworkNamespace::open(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = QCoreApplication::translate("NetworkNamespace", "cannot open '%1': %2")
                         .arg(path, ErrnoCatalog::describe(errno));
        return false;
    }
    // NS_GET_NSTYPE answers only on nsfs files: a regular file gives ENOTTY.
    if (::ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
        ::close(fd);
        if (error)
            *error = QCoreApplication::translate(
                         "NetworkNamespace",
                         "'%1' is not a network namespace: expected /run/netns/NAME or /proc/PID/ns/net")
                         .arg(path);
        return false;
    }
    *this = adopt(fd);
    m_path = path;
    return true;
}

NetworkNamespace NetworkNamespace::adopt(int fd)
{
    NetworkNamespace ns;
    ns.m_fd = fd;
    return ns;
}

int NetworkNamespace::createSocket(int domain, int type, int protocol) const
{
    return createSocketIn(m_fd, domain, type, protocol);
}

int NetworkNamespace::createSocketIn(int netnsFd, int domain, int type, int protocol)
{
    if (netnsFd < 0)
        return ::socket(domain, type, protocol);

    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0)
        return -1;
    // Already there (e.g. --netns /proc/self/ns/net): no setns, so no privilege needed.
    struct stat target
    { };
    struct stat own
    { };
    if (::fstat(netnsFd, &target) == 0 && ::fstat(home, &own) == 0 && target.st_ino == own.st_ino
        && target.st_dev == own.st_dev) {
        ::close(home);
        return ::socket(domain, type, protocol);
    }
    if (::setns(netnsFd, CLONE_NEWNET) != 0) {
        const int saved = errno;
        ::close(home);
        errno = saved;
        return -1;
    }
    const int fd = ::socket(domain, type, protocol);
    const int saved = errno;
    // We could enter the target, so we hold CAP_SYS_ADMIN over our own namespace too: going
    // back cannot fail short of a kernel bug, and staying in the wrong namespace is worse.
    if (::setns(home, CLONE_NEWNET) != 0)
        qFatal("NetworkNamespace: cannot return to the original network namespace: %s",
               qPrintable(ErrnoCatalog::describe(errno)));
    ::close(home);
    errno = saved;
    return fd;
}

} // namespace halfopen::core
