// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/ProcessSocketMap.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace halfopen::audit {

namespace {

bool parseNumber(const char *text, qint64 *out)
{
    const char *end = text + std::strlen(text);
    const auto result = std::from_chars(text, end, *out);
    return result.ec == std::errc() && result.ptr == end && end != text;
}

QString commandOf(int procFd, const char *pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "%s/comm", pid);
    const int fd = ::openat(procFd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    char text[64];
    const ssize_t n = ::read(fd, text, sizeof text);
    ::close(fd);
    if (n <= 0)
        return {};
    return QString::fromUtf8(text, n).trimmed();
}

} // namespace

void ProcessSocketMap::scan(const QSet<quint32> &wanted, std::optional<qint64> onlyPid)
{
    m_holders.clear();
    m_denied = 0;
    m_deniedErrno = 0;
    if (wanted.isEmpty())
        return;
    const int procFd = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (procFd < 0)
        return;
    DIR *proc = ::fdopendir(::dup(procFd));
    if (!proc) {
        ::close(procFd);
        return;
    }
    auto scanProcess = [&](const char *pidText, qint64 pid) {
        char path[64];
        std::snprintf(path, sizeof path, "%s/fd", pidText);
        const int fdDir = ::openat(procFd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fdDir < 0) {
            if (errno == EACCES || errno == EPERM) {
                if (m_denied++ == 0)
                    m_deniedErrno = errno;
            }
            return;
        }
        DIR *fds = ::fdopendir(fdDir);
        if (!fds) {
            ::close(fdDir);
            return;
        }
        QString command;
        bool commandRead = false;
        while (const dirent *entry = ::readdir(fds)) {
            if (entry->d_name[0] == '.')
                continue;
            char target[64];
            const ssize_t n = ::readlinkat(fdDir, entry->d_name, target, sizeof target - 1);
            // "socket:[12345]"
            if (n < 10 || std::memcmp(target, "socket:[", 8) != 0)
                continue;
            quint32 inode = 0;
            const auto parsed = std::from_chars(target + 8, target + n - 1, inode);
            if (parsed.ec != std::errc() || !wanted.contains(inode))
                continue;
            qint64 fd = -1;
            if (!parseNumber(entry->d_name, &fd))
                continue;
            if (!commandRead) {
                command = commandOf(procFd, pidText);
                commandRead = true;
            }
            m_holders[inode].append({pid, int(fd), command});
        }
        ::closedir(fds); // closes fdDir
    };

    if (onlyPid) {
        char pidText[24];
        std::snprintf(pidText, sizeof pidText, "%lld", static_cast<long long>(*onlyPid));
        scanProcess(pidText, *onlyPid);
    } else {
        while (const dirent *entry = ::readdir(proc)) {
            qint64 pid = 0;
            if (entry->d_name[0] < '1' || entry->d_name[0] > '9' || !parseNumber(entry->d_name, &pid))
                continue;
            scanProcess(entry->d_name, pid);
        }
    }
    ::closedir(proc);
    ::close(procFd);
    for (auto &holders : m_holders)
        std::sort(holders.begin(), holders.end(), [](const SocketHolder &a, const SocketHolder &b) {
            return a.pid != b.pid ? a.pid < b.pid : a.fd < b.fd;
        });
}

} // namespace halfopen::audit
