// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace halfopen::lab {

// The supervisor's own world. As root: a private network namespace. As a normal user: first a
// user namespace in which we are root (unprivileged, no setuid), then the network namespace.
// Must run before any thread starts (a user namespace can only be entered single-threaded).
// On failure the message says what is missing and how to enable it.
// Namespaces created from ours afterwards get a small TCP hash table of their own.
bool enterPrivateNamespaces(QString *error);

// sysctl settings ("net.ipv4.NAME=VALUE") that give a host namespace with its own TCP hash
// table the limits that our namespace, sharing the machine's table, has.
QStringList hostTcpTableSysctls();

// A new, empty network namespace (only a loopback, down) held by the returned fd; the calling
// thread stays where it was. -1 with a message on failure.
int createNetworkNamespace(QString *error);

// Runs `program` inside the network namespace `netnsFd` (-1: ours) and waits for it. stdin gets
// `input`. A bare name is looked up in PATH, then in /usr/sbin and /sbin. False with the
// program's stderr on failure.
bool runInNamespace(int netnsFd, const QString &program, const QStringList &arguments, const QByteArray &input,
                    QString *error);

// "/proc/PID/fd/N": how `ip ... netns PATH` reaches a namespace we hold by fd.
QString namespacePath(int netnsFd);

} // namespace halfopen::lab
