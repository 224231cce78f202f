// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ProcessSockets.h"

#include <QByteArray>
#include <QFile>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace halfopen::hostfault {

namespace {

// "socket:[12345]" -> 12345, 0 for anything else.
quint32 socketInode(const char *target, ssize_t length)
{
    if (length < 10 || std::strncmp(target, "socket:[", 8) != 0)
        return 0;
    bool ok = false;
    const quint32 inode = QByteArray(target + 8, length - 9).toUInt(&ok);
    return ok ? inode : 0;
}

} // namespace

bool socketDescriptorsOf(qint64 pid, QHash<quint32, int> *out, int *errnoValue)
{
    out->clear();
    const QByteArray dirPath = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR *dir = pid > 0 ? ::opendir(dirPath.constData()) : nullptr;
    if (!dir) {
        if (errnoValue)
            *errnoValue = pid > 0 ? (errno == ENOENT ? ESRCH : errno) : ESRCH;
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        char target[PATH_MAX];
        const ssize_t n = ::readlinkat(::dirfd(dir), entry->d_name, target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        if (const quint32 inode = socketInode(target, n))
            out->insert(inode, std::atoi(entry->d_name));
    }
    ::closedir(dir);
    return true;
}

qint64 ownerOfSocket(quint32 inode)
{
    if (inode == 0)
        return 0;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return 0;
    qint64 owner = 0;
    QHash<quint32, int> sockets;
    while (const dirent *entry = ::readdir(proc)) {
        bool ok = false;
        const qint64 pid = QByteArray(entry->d_name).toLongLong(&ok);
        if (!ok || pid <= 0)
            continue;
        if (socketDescriptorsOf(pid, &sockets) && sockets.contains(inode)) {
            owner = pid;
            break;
        }
    }
    ::closedir(proc);
    return owner;
}

QString processName(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (pid <= 0 || !comm.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(comm.readAll()).trimmed();
}

bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    // "pid (comm) S ...": the state follows the last ')'; comm may itself hold ')'.
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z' && text.at(close + 2) != 'X';
}

quint64 networkNamespaceOf(qint64 pid)
{
    const QByteArray path = pid > 0 ? "/proc/" + QByteArray::number(pid) + "/ns/net" : QByteArray("/proc/self/ns/net");
    struct stat st {};
    if (::stat(path.constData(), &st) != 0)
        return 0;
    return st.st_ino;
}

} // namespace halfopen::hostfault
