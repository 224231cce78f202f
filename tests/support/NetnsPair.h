// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>
#include <unistd.h>

namespace halfopen::testing {

// Two network namespaces of our own, "a" (198.18.0.1) and "b" (198.18.0.2, RFC 2544's
// benchmarking range), joined by a veth pair with static neighbour entries. Needs root.
// `unplug()` points a's neighbour entry for b at a MAC nobody has: b's interface silently drops
// every frame from a, as if the cable were pulled, and no ICMP or RST comes back.
class NetnsPair
{
public:
    static constexpr const char *kAddressA = "198.18.0.1";
    static constexpr const char *kAddressB = "198.18.0.2";

    NetnsPair()
        : m_tag(QString::number(::getpid()))
    {
        removeStale();
        m_a = QStringLiteral("ho%1a").arg(m_tag);
        m_b = QStringLiteral("ho%1b").arg(m_tag);
        m_ok = ip({"netns", "add", m_a}) && ip({"netns", "add", m_b})
            && ip({"link", "add", QStringLiteral("hoa%1").arg(m_tag), "netns", m_a, "type", "veth", "peer", "name",
                   QStringLiteral("hob%1").arg(m_tag), "netns", m_b})
            && setUp(m_a, QStringLiteral("hoa%1").arg(m_tag), kAddressA)
            && setUp(m_b, QStringLiteral("hob%1").arg(m_tag), kAddressB)
            && pin(m_a, QStringLiteral("hoa%1").arg(m_tag), kAddressB, mac(m_b, QStringLiteral("hob%1").arg(m_tag)))
            && pin(m_b, QStringLiteral("hob%1").arg(m_tag), kAddressA, mac(m_a, QStringLiteral("hoa%1").arg(m_tag)));
    }
    ~NetnsPair()
    {
        ip({"netns", "del", m_a});
        ip({"netns", "del", m_b});
    }

    bool isReady() const { return m_ok; }
    QString a() const { return m_a; }
    QString b() const { return m_b; }
    QStringList execIn(const QString &ns) const
    {
        return {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), ns};
    }

    bool unplug()
    {
        return pin(m_a, QStringLiteral("hoa%1").arg(m_tag), kAddressB, QStringLiteral("02:00:00:00:00:01"));
    }
    bool sysctl(const QString &ns, const QString &name, const QString &value)
    {
        return run(QStringLiteral("ip"), {"netns", "exec", ns, "sysctl", "-qw", name + QLatin1Char('=') + value});
    }

private:
    static bool run(const QString &program, const QStringList &args, QString *out = nullptr)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(10000) || p.exitCode() != 0) {
            qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
            return false;
        }
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        return true;
    }
    static bool ip(const QStringList &args) { return run(QStringLiteral("ip"), args); }
    static bool setUp(const QString &ns, const QString &dev, const char *address)
    {
        return ip({"-n", ns, "addr", "add", QString::fromLatin1(address) + "/24", "dev", dev})
            && ip({"-n", ns, "link", "set", dev, "up"}) && ip({"-n", ns, "link", "set", "lo", "up"});
    }
    static QString mac(const QString &ns, const QString &dev)
    {
        QString out;
        run(QStringLiteral("ip"), {"-n", ns, "-br", "link", "show", dev}, &out);
        return out.section(QLatin1Char(' '), 2, 2, QString::SectionSkipEmpty);
    }
    static bool pin(const QString &ns, const QString &dev, const char *address, const QString &lladdr)
    {
        return ip({"-n", ns, "neigh", "replace", QString::fromLatin1(address), "lladdr", lladdr, "dev", dev, "nud",
                   "permanent"});
    }
    // Namespaces left by a test run that was killed: their owner pid is gone.
    static void removeStale()
    {
        const QStringList names = QDir(QStringLiteral("/run/netns")).entryList(QDir::Files | QDir::System);
        for (const QString &name : names) {
            if (!name.startsWith(QLatin1String("ho")) || name.size() < 4)
                continue;
            bool ok = false;
            const int pid = name.mid(2, name.size() - 3).toInt(&ok);
            if (ok && ::kill(pid, 0) != 0)
                ip({"netns", "del", name});
        }
    }

    QString m_tag;
    QString m_a;
    QString m_b;
    bool m_ok = false;
};

} // namespace halfopen::testing
