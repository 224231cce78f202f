// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QProcess>
#include <QString>

// A named network namespace for one test (`ip netns add`), with its loopback up, deleted when
// the object goes, so a failing test leaves nothing behind. Needs root (CAP_SYS_ADMIN): when
// creating it is not permitted, isValid() is false and error() says why, for QSKIP.
class ScratchNamespace
{
public:
    explicit ScratchNamespace(const QString &tag)
        : m_name(QStringLiteral("halfopen-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(tag))
    {
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), m_name}))
            return;
        m_created = true;
        if (!ip({QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                 QStringLiteral("up")}))
            return;
        m_valid = true;
    }
    ~ScratchNamespace()
    {
        if (m_created)
            ip({QStringLiteral("netns"), QStringLiteral("delete"), m_name});
    }
    ScratchNamespace(const ScratchNamespace &) = delete;
    ScratchNamespace &operator=(const ScratchNamespace &) = delete;

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString path() const { return QStringLiteral("/run/netns/") + m_name; }

private:
    bool ip(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("ip"), arguments);
        if (process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return true;
        m_error = QStringLiteral("ip %1: %2 %3")
                      .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                           QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }

    QString m_name;
    QString m_error;
    bool m_created = false;
    bool m_valid = false;
};
