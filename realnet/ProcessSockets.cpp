#include "realnet/ProcessSockets.h"

#include <QByteArray>

#include <dirent.h>
#include <unistd.h>

#include <climits>
#include <cstring>

namespace halfopen::realnet {

QSet<quint32> socketInodesOf(qint64 pid)
{
    QSet<quint32> inodes;
    if (pid <= 0)
        return inodes;
    const QByteArray dirPath = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir)
        return inodes; // the process is gone, or not ours to look at
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        const QByteArray link = dirPath + '/' + entry->d_name;
        char target[PATH_MAX];
        const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        // "socket:[12345]"
        if (std::strncmp(target, "socket:[", 8) != 0)
            continue;
        bool ok = false;
        const quint32 inode = QByteArray(target + 8, n - 9).toUInt(&ok);
        if (ok)
            inodes.insert(inode);
    }
    ::closedir(dir);
    return inodes;
}

} // namespace halfopen::realnet
