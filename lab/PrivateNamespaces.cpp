// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/PrivateNamespaces.h"

#include "core/tcp/ErrnoCatalog.h"
#include "lab/UserNamespaceHelp.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>

namespace halfopen::lab {

using core::ErrnoCatalog;

namespace {

// Enough for thousands of connections per host; a dump walks them in microseconds.
constexpr int kHostEhashEntries = 4096;

// lupdate takes the context from this class: the strings below are "PrivateNamespaces"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PrivateNamespaces)
};

bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

// A failure that may come from a restriction on unprivileged user namespaces: with the reason and
// the fix. (Under Ubuntu's AppArmor restriction the user namespace itself is granted, but without
// capabilities: it is creating the network namespace that fails.)
QString explained(const QString &failure, int error)
{
    return explainUserNamespaceFailure(failure, error, UserNamespaceEnvironment::read());
}

// `ip` and `sysctl` by name: from PATH, else from the sbin folders, which a normal user's PATH
// lacks on Debian (/usr/sbin/sysctl), so the lab works from a desktop menu too.
// ip and sysctl from the system's folders only, never from PATH: the supervisor holds every
// capability of its namespaces, and a PATH a caller chose would run the caller's program with them.
QString systemTool(const QString &program)
{
    const QString found = QStandardPaths::findExecutable(
        program,
        {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin"), QStringLiteral("/bin")});
    return found.isEmpty() ? QStringLiteral("/usr/sbin/") + program : found;
}

} // namespace

bool enterPrivateNamespaces(QString *error)
{
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (uid != 0) {
        if (::unshare(CLONE_NEWUSER) != 0) {
            const int e = errno;
            *error = explained(Text::tr("cannot create a user namespace: %1").arg(ErrnoCatalog::describe(e)), e);
            return false;
        }
        // Map ourselves to root inside: full capabilities over namespaces we create, nothing outside.
        writeFile("/proc/self/setgroups", "deny");
        if (!writeFile("/proc/self/uid_map", QByteArrayLiteral("0 ") + QByteArray::number(uid) + " 1")
            || !writeFile("/proc/self/gid_map", QByteArrayLiteral("0 ") + QByteArray::number(gid) + " 1")) {
            const int e = errno;
            *error = explained(
                Text::tr("cannot map our user into the new user namespace: %1").arg(ErrnoCatalog::describe(e)), e);
            return false;
        }
    }
    if (::unshare(CLONE_NEWNET) != 0) {
        const int e = errno;
        const QString failure = Text::tr("cannot create a network namespace: %1").arg(ErrnoCatalog::describe(e));
        *error = uid != 0 ? explained(failure, e) : failure;
        return false;
    }
    // The hosts' namespaces get a TCP hash table of their own instead of sharing the machine's
    // (262 144 buckets on 24 GiB): every sock_diag dump walks the whole table, which cost about
    // 0.5 ms per dump and family, most of the idle supervisor's CPU. Best effort: kernels before
    // 6.1 have no such setting, and the lab works the same, only dumps cost more.
    writeFile("/proc/sys/net/ipv4/tcp_child_ehash_entries", QByteArray::number(kHostEhashEntries));
    return true;
}

QStringList hostTcpTableSysctls()
{
    // A namespace with its own table derives these from the table's size (half its buckets for
    // TIME_WAIT sockets, a 128th for half-open SYNs): keep the values a namespace sharing the
    // machine's table has, as ours does, so a host behaves as before.
    QStringList settings;
    for (const char *name : {"tcp_max_tw_buckets", "tcp_max_syn_backlog"}) {
        QFile file(QStringLiteral("/proc/sys/net/ipv4/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray value = file.readAll().trimmed();
        if (!value.isEmpty())
            settings << QStringLiteral("net.ipv4.%1=%2").arg(QLatin1String(name), QString::fromLatin1(value));
    }
    return settings;
}

int createNetworkNamespace(QString *error)
{
    const int home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0) {
        *error = Text::tr("cannot open our network namespace: %1").arg(ErrnoCatalog::describe(errno));
        return -1;
    }
    int created = -1;
    if (::unshare(CLONE_NEWNET) != 0) {
        *error = Text::tr("cannot create a network namespace: %1").arg(ErrnoCatalog::describe(errno));
    } else {
        created = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (::setns(home, CLONE_NEWNET) != 0)
            qFatal("cannot return to the supervisor's network namespace: %s", strerror(errno));
    }
    ::close(home);
    return created;
}

bool runInNamespace(int netnsFd, const QString &program, const QStringList &arguments, const QByteArray &input,
                    QString *error)
{
    QProcess process;
    process.setProgram(systemTool(program));
    process.setArguments(arguments);
    if (netnsFd >= 0)
        process.setChildProcessModifier([netnsFd] {
            if (::setns(netnsFd, CLONE_NEWNET) != 0)
                ::_exit(127);
        });
    process.start();
    if (!process.waitForStarted(5000)) {
        *error = Text::tr("cannot run %1: %2").arg(program, process.errorString());
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = Text::tr("%1 %2 failed: %3")
                     .arg(program, arguments.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

QString namespacePath(int netnsFd)
{
    return QStringLiteral("/proc/%1/fd/%2").arg(::getpid()).arg(netnsFd);
}

} // namespace halfopen::lab
