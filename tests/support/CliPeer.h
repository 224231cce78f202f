// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QJsonDocument>
#include <QList>
#include <QProcess>
#include <QTest>

#include <sys/prctl.h>

#include <csignal>

namespace halfopen::testing {

// A halfopen-cli process (usually the peer we freeze or kill), with its JSON event stream parsed.
// Optionally run through a prefix such as {"ip", "netns", "exec", NAME}.
class CliPeer
{
public:
    explicit CliPeer(QStringList prefix = {})
        : m_prefix(std::move(prefix))
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { readEvents(); });
    }
    ~CliPeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid(), SIGCONT);
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    void start(const QStringList &arguments)
    {
        QStringList all = m_prefix;
        all << QStringLiteral(HALFOPEN_CLI) << arguments << QStringLiteral("--json");
        m_process.setProgram(all.takeFirst());
        m_process.setArguments(all);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        // A crashed test must not leave its peers running.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start();
    }

    // serve --listen ADDR:0: waits for the "listening" event and returns the port.
    int startServer(const QString &listenAddress, const QStringList &options = {})
    {
        start(QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), listenAddress} + options);
        if (!QTest::qWaitFor(
                [this] {
                    return find(core::EventKind::Endpoint, QStringLiteral("listening")) != nullptr
                        || m_process.state() == QProcess::NotRunning;
                },
                5000))
            return 0;
        const core::Event *e = find(core::EventKind::Endpoint, QStringLiteral("listening"));
        return e ? e->local.section(QLatin1Char(':'), -1).toInt() : 0;
    }

    qint64 pid() const { return m_process.processId(); }
    void signal(int sig) { ::kill(pid(), sig); }
    void write(const QByteArray &line) { m_process.write(line + '\n'); }
    QProcess &process() { return m_process; }
    const QList<core::Event> &events() const { return m_events; }
    QByteArray standardError() { return m_stderr += m_process.readAllStandardError(); }

    const core::Event *find(core::EventKind kind, const QString &what = {}) const
    {
        for (const core::Event &e : m_events) {
            if (e.kind == kind && (what.isEmpty() || e.what == what))
                return &e;
        }
        return nullptr;
    }

private:
    void readEvents()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QJsonDocument doc = QJsonDocument::fromJson(m_buffer.left(newline));
            m_buffer.remove(0, newline + 1);
            if (auto e = core::Event::fromJson(doc.object()))
                m_events.append(*e);
        }
    }

    QStringList m_prefix;
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<core::Event> m_events;
};

// Collects the events an in-process endpoint emits.
class EventLog
{
public:
    void add(const core::Event &e) { m_events.append(e); }
    const QList<core::Event> &events() const { return m_events; }

    const core::Event *find(core::EventKind kind, const QString &what = {}, qsizetype from = 0) const
    {
        for (qsizetype i = from; i < m_events.size(); ++i) {
            const core::Event &e = m_events.at(i);
            if (e.kind == kind && (what.isEmpty() || e.what == what))
                return &e;
        }
        return nullptr;
    }
    const core::Event *findState(core::TcpState to) const
    {
        for (const core::Event &e : m_events) {
            if (e.kind == core::EventKind::State && e.toState == to)
                return &e;
        }
        return nullptr;
    }
    const core::Event *lastSample() const
    {
        for (qsizetype i = m_events.size() - 1; i >= 0; --i) {
            if (m_events.at(i).kind == core::EventKind::Sample)
                return &m_events.at(i);
        }
        return nullptr;
    }

private:
    QList<core::Event> m_events;
};

} // namespace halfopen::testing
