// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::hostfault {

// SIGSTOP / SIGCONT of the process holding a connection: the deadlocked application of the
// field notes (its kernel still answers the peer's keepalive; only a heartbeat notices).
// False with a message naming the errno and the right that is missing (same user or CAP_KILL).
bool freezeProcess(qint64 pid, QString *error);
bool thawProcess(qint64 pid, QString *error);
// Whether we may signal the process at all (kill with signal 0), with the same message.
bool maySignal(qint64 pid, QString *error);
// 'T' in /proc/PID/stat: stopped by a signal.
bool processStopped(qint64 pid);

// A frozen process must not stay frozen because we died: a small child process, started
// before the freeze, holds the read end of a pipe whose write end only we hold. When we exit
// for any reason (kill -9 included) the pipe closes and the child sends SIGCONT, then exits.
// Releasing the guard does the same at once.
class ThawGuard
{
public:
    ThawGuard() = default;
    ~ThawGuard() { release(); }
    ThawGuard(const ThawGuard &) = delete;
    ThawGuard &operator=(const ThawGuard &) = delete;

    bool start(qint64 pid, QString *error);
    void release(); // thaws now (through the child) and reaps it
    bool isActive() const { return m_child > 0; }

private:
    int m_writeEnd = -1;
    qint64 m_child = 0;
};

} // namespace halfopen::hostfault
