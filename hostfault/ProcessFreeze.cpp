// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/ProcessFreeze.h"

#include "hostfault/Privileges.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace halfopen::hostfault {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hostfault", text);
}

bool sendSignal(qint64 pid, int signal, const QString &action, QString *error)
{
    if (pid <= 1) {
        *error = tr("--pid: %1 is not a process HalfOpen may signal").arg(pid);
        return false;
    }
    if (::kill(pid_t(pid), signal) == 0)
        return true;
    const int err = errno;
    constexpr int kCapKill = 5;
    if (err == ESRCH)
        *error = tr("%1: no process %2").arg(core::ErrnoCatalog::describe(err)).arg(pid);
    else if (err == EPERM && !hasCapability(kCapKill))
        *error = tr("%1: %2 of process %3 needs the same user as the process, or CAP_KILL (run as root)")
                     .arg(core::ErrnoCatalog::describe(err), action)
                     .arg(pid);
    else
        *error = tr("%1: %2 of process %3").arg(core::ErrnoCatalog::describe(err), action).arg(pid);
    return false;
}

} // namespace

bool freezeProcess(qint64 pid, QString *error)
{
    return sendSignal(pid, SIGSTOP, tr("freezing (SIGSTOP)"), error);
}

bool thawProcess(qint64 pid, QString *error)
{
    return sendSignal(pid, SIGCONT, tr("thawing (SIGCONT)"), error);
}

bool maySignal(qint64 pid, QString *error)
{
    return sendSignal(pid, 0, tr("freezing (SIGSTOP)"), error);
}

bool processStopped(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && (text.at(close + 2) == 'T');
}

bool ThawGuard::start(qint64 pid, QString *error)
{
    release();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        *error = tr("thaw guard: %1").arg(core::ErrnoCatalog::describe(errno));
        return false;
    }
    const pid_t child = ::fork();
    if (child < 0) {
        *error = tr("thaw guard: %1").arg(core::ErrnoCatalog::describe(errno));
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (child == 0) {
        // Only async-signal-safe calls from here. Keep nothing of the parent's open: an
        // inherited nftables socket would keep an owner table alive after the parent died.
        ::dup2(fds[0], 3);
        ::syscall(SYS_close_range, 4U, ~0U, 0U);
        ::signal(SIGINT, SIG_IGN); // Ctrl+C in the terminal is the parent's to handle
        ::prctl(PR_SET_NAME, "halfopen-thaw");
        char byte;
        while (::read(3, &byte, 1) < 0 && errno == EINTR) { }
        ::kill(pid_t(pid), SIGCONT);
        ::_exit(0);
    }
    ::close(fds[0]);
    m_writeEnd = fds[1];
    m_child = child;
    return true;
}

void ThawGuard::release()
{
    if (m_child <= 0)
        return;
    ::close(m_writeEnd);
    m_writeEnd = -1;
    ::waitpid(pid_t(m_child), nullptr, 0);
    m_child = 0;
}

} // namespace halfopen::hostfault
