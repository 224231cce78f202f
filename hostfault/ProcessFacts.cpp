// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ProcessFacts.h"

#include <QByteArray>
#include <QFile>

#include <sys/stat.h>

namespace halfopen::hostfault {

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
    struct stat st
    { };
    if (::stat(path.constData(), &st) != 0)
        return 0;
    return st.st_ino;
}

} // namespace halfopen::hostfault
