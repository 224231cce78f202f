// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli watch`: one connection of this machine, live — its state changes and tcp_info
// samples (sock_diag, exact 4-tuple lookups) and its packets, captured by the separate
// halfopen-capture helper (the only part that needs CAP_NET_RAW) and named by the lab's packet
// classifier. Reads only, unless --fault-at breaks the connection at a given time (cut, abort,
// freeze through hostfault::RealConnectionFaults) and times the application's reaction; every
// fault is lifted when the watch ends. Ends when the connection is gone or in TIME_WAIT (or
// after --duration; with a fault, --duration keeps watching the application after that).

#include "CliCommands.h"
#include "CliUsage.h"

#include "audit/ConnectionAudit.h"
#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"
#include "hostfault/RealConnectionFaults.h"
#include "lab/cable/PcapWriter.h"
#include "realnet/ConnectionCapture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace halfopen;
using namespace halfopen::core;

namespace halfopen::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(watch)
};

constexpr int kSampleIntervalMs = 50;
constexpr core::Host kLocalHost = core::Host::Local;
constexpr core::Host kPeerHost = core::Host::Peer;

// One --fault-at: when (seconds from the start) and what.
struct ScheduledFault
{
    double atS = 0;
    QString action; // cut, cut-in, cut-out, abort, freeze, replug, thaw
};

const QStringList kFaultActions{QStringLiteral("cut"),   QStringLiteral("cut-in"), QStringLiteral("cut-out"),
                                QStringLiteral("abort"), QStringLiteral("freeze"), QStringLiteral("replug"),
                                QStringLiteral("thaw")};

bool parseFaultAt(const QString &text, ScheduledFault *out, QString *error)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    bool ok = false;
    const double at = colon > 0 ? text.left(colon).toDouble(&ok) : 0;
    if (!ok || at < 0 || at > 7 * 24 * 3600) {
        *error = Text::tr("'%1': expected T:ACTION, T from 0 to 604800 seconds").arg(text);
        return false;
    }
    const QString action = text.mid(colon + 1);
    if (!kFaultActions.contains(action)) {
        *error = Text::tr("'%1': ACTION is one of %2").arg(text, kFaultActions.join(QStringLiteral(", ")));
        return false;
    }
    *out = {at, action};
    return true;
}

class Watch : public QObject
{
public:
    Watch(SocketAddress local, SocketAddress remote, bool json)
        : m_local(std::move(local))
        , m_remote(std::move(remote))
        , m_json(json)
    { }

    bool open(const NetworkNamespace &netns, const QString &netnsPath, const QString &record, const QString &pcap,
              bool capture)
    {
        if (!m_client.open(netns))
            return fail(m_client.errorString());
        if (!record.isEmpty()) {
            m_recorder = std::make_unique<JsonlRecorder>(&m_session);
            QString error;
            if (!m_recorder->open(record, &error))
                return fail(error);
        }
        if (!pcap.isEmpty()) {
            QString error;
            if (!m_pcap.open(pcap, &error))
                return fail(error);
        }
        if (capture)
            startCapture(netnsPath);
        connect(&m_timer, &QTimer::timeout, this, &Watch::sample);
        m_timer.start(kSampleIntervalMs);
        sample();
        return m_status == ExitOk;
    }
    int status() const { return m_status; }

    // Applies `fault` at its time; reactions are printed as they come, the verdicts at the end.
    void schedule(const ScheduledFault &fault, qint64 pid)
    {
        if (!m_faults) {
            m_faults = std::make_unique<hostfault::RealConnectionFaults>();
            connect(m_faults.get(), &hostfault::RealConnectionFaults::reacted, this,
                    [this](int, hostfault::Reaction reaction, double s) {
                        Event e = socketEvent(EventKind::Endpoint, monotonicNowUs());
                        e.what = hostfault::reactionName(reaction);
                        e.detail.insert(QStringLiteral("t_s"), s);
                        emitEvent(e);
                    });
            connect(m_faults.get(), &hostfault::RealConnectionFaults::lifted, this, [this](int id) {
                const auto v = m_faults->verdict(id);
                Event e = socketEvent(EventKind::Fault, monotonicNowUs());
                e.what = v && v->fault == hostfault::FaultKind::Freeze ? QStringLiteral("thawed")
                                                                       : QStringLiteral("replugged");
                emitEvent(e);
            });
        }
        QTimer::singleShot(qRound64(fault.atS * 1000), this, [this, fault, pid] { applyFault(fault, pid); });
    }

    // With a fault, the watch goes on to --duration after the connection is gone: the
    // application's closing and reconnecting come after that.
    void setHoldUntilDuration(bool hold) { m_holdUntilDuration = hold; }

private:
    bool fail(const QString &message)
    {
        runtimeError(message);
        m_status = ExitRuntime;
        return false;
    }

    void emitEvent(const Event &e)
    {
        m_session.add(e);
        if (m_json) {
            const QByteArray line = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fputc('\n', stdout);
        } else {
            std::printf("%s\n", qPrintable(describeEvent(e, m_session.originUs())));
        }
        std::fflush(stdout);
    }

    void sample()
    {
        SockDiagRow row;
        const auto result = m_client.lookup(m_local, m_remote, &row);
        const qint64 now = monotonicNowUs();
        if (result == SockDiagClient::LookupResult::Failed) {
            fail(m_client.errorString());
            QCoreApplication::exit(m_status);
            return;
        }
        if (result == SockDiagClient::LookupResult::NotFound) {
            if (!m_last) {
                fail(Text::tr("no TCP connection %1 → %2 in this network namespace")
                         .arg(m_local.toString(), m_remote.toString()));
                QCoreApplication::exit(m_status);
                return;
            }
            Event e = socketEvent(EventKind::State, now);
            e.fromState = m_last->state;
            e.toState = TcpState::Closed;
            e.detail.insert(QStringLiteral("reason"), QStringLiteral("gone from the kernel's tables"));
            emitEvent(e);
            if (m_holdUntilDuration && m_faults) {
                m_timer.stop(); // the reaction watchers go on until --duration
                return;
            }
            finish();
            return;
        }
        if (!m_last || m_last->state != row.sample.state) {
            Event e = socketEvent(EventKind::State, now);
            e.fromState = m_last ? m_last->state : TcpState::Unknown;
            e.toState = row.sample.state;
            e.sample = row.sample;
            emitEvent(e);
        }
        if (!m_last || row.sample.differsVisiblyFrom(*m_last)) {
            Event e = socketEvent(EventKind::Sample, now);
            e.sample = row.sample;
            emitEvent(e);
        }
        m_last = row.sample;
        // TIME_WAIT is the kernel's memory of a connection that is over: nothing more to see.
        if (row.sample.state == TcpState::TimeWait)
            finish();
    }

    void applyFault(const ScheduledFault &fault, qint64 pid)
    {
        QString error;
        if (fault.action == QLatin1String("replug") || fault.action == QLatin1String("thaw")) {
            const auto kind
                = fault.action == QLatin1String("replug") ? hostfault::FaultKind::Cut : hostfault::FaultKind::Freeze;
            for (const auto &active : m_faults->active()) {
                if (active.kind == kind && !m_faults->lift(active.id, &error))
                    std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(error));
            }
            return;
        }
        hostfault::TargetQuery query;
        query.pid = pid;
        query.local = m_local;
        query.remote = m_remote;
        hostfault::RealConnectionFaults::Request request;
        if (!hostfault::findTarget(query, &request.target, &error)) {
            std::fprintf(stderr, "halfopen-cli: %s\n",
                         qPrintable(Text::tr("--fault-at %1: %2").arg(fault.action, error)));
            m_status = ExitRuntime;
            return;
        }
        request.kind = fault.action == QLatin1String("abort") ? hostfault::FaultKind::Abort
            : fault.action == QLatin1String("freeze")         ? hostfault::FaultKind::Freeze
                                                              : hostfault::FaultKind::Cut;
        request.direction = fault.action == QLatin1String("cut-in") ? hostfault::CutDirection::In
            : fault.action == QLatin1String("cut-out")              ? hostfault::CutDirection::Out
                                                                    : hostfault::CutDirection::Both;
        const int id = m_faults->apply(request, &error);
        if (id == 0) {
            std::fprintf(stderr, "halfopen-cli: %s\n",
                         qPrintable(Text::tr("--fault-at %1: %2").arg(fault.action, error)));
            m_status = ExitRuntime;
            return;
        }
        m_faultIds.append(id);
        Event e = socketEvent(EventKind::Fault, monotonicNowUs());
        e.what = hostfault::faultKindName(request.kind);
        e.detail = request.target.toJson();
        if (request.kind == hostfault::FaultKind::Cut)
            e.detail.insert(QStringLiteral("direction"), hostfault::cutDirectionName(request.direction));
        emitEvent(e);
    }

    // Every fault lifted, then each one's verdict.
    void liftAndJudge()
    {
        if (!m_faults)
            return;
        m_faults->liftAll();
        for (int id : std::as_const(m_faultIds)) {
            const auto v = m_faults->verdict(id);
            if (!v)
                continue;
            Event e = socketEvent(EventKind::Verdict, monotonicNowUs());
            e.what = QStringLiteral("reaction");
            e.detail = v->toJson();
            m_session.add(e);
            if (m_json) {
                const QByteArray line = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
                std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
                std::fputc('\n', stdout);
            } else {
                std::printf("%s\n", qPrintable(v->toText()));
            }
        }
        std::fflush(stdout);
        m_faultIds.clear();
    }

    Event socketEvent(EventKind kind, qint64 tUs) const
    {
        Event e;
        e.kind = kind;
        e.tUs = tUs;
        e.host = kLocalHost;
        e.local = m_local.toString();
        e.remote = m_remote.toString();
        return e;
    }

    void startCapture(const QString &netnsPath)
    {
        connect(&m_capture, &realnet::ConnectionCapture::frame, this, [this](QByteArrayView frame, qint64 tUs) {
            QString error;
            if (m_pcap.isOpen() && !m_pcap.write(frame, tUs, &error))
                std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(error));
        });
        connect(&m_capture, &realnet::ConnectionCapture::event, this, &Watch::emitEvent);
        connect(&m_capture, &realnet::ConnectionCapture::failed, this,
                [](const QString &problem) { std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(problem)); });
        if (!m_capture.start(m_local, m_remote, kLocalHost, kPeerHost, netnsPath) && !m_capture.problem().isEmpty())
            std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(m_capture.problem()));
    }

    void finish()
    {
        m_timer.stop();
        liftAndJudge();
        m_capture.stop(); // reads the packets still in the pipe first
        m_pcap.close();
        QCoreApplication::exit(m_status);
    }

    SocketAddress m_local;
    SocketAddress m_remote;
    bool m_json;
    SockDiagClient m_client;
    Session m_session;
    std::unique_ptr<JsonlRecorder> m_recorder;
    lab::PcapWriter m_pcap;
    realnet::ConnectionCapture m_capture;
    QTimer m_timer;
    std::optional<TcpInfoSample> m_last;
    int m_status = ExitOk;
    std::unique_ptr<hostfault::RealConnectionFaults> m_faults;
    QList<int> m_faultIds;
    bool m_holdUntilDuration = false;

    friend int halfopen::cli::runWatch(const QStringList &);
};

} // namespace

int runWatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Watch one connection of this machine: its state changes, tcp_info samples and packets, until it is gone."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption pid(QStringLiteral("pid"),
                                 Text::tr("The connection of process P (it must hold exactly one)."), Text::tr("P"));
    const QCommandLineOption netns(
        QStringLiteral("netns"), Text::tr("Network namespace: /proc/PID/ns/net or /run/netns/NAME."), Text::tr("PATH"));
    const QCommandLineOption record(QStringLiteral("record"), Text::tr("Record every event to FILE (JSONL)."),
                                    Text::tr("FILE"));
    const QCommandLineOption pcap(QStringLiteral("pcap"),
                                  Text::tr("Write the connection's packets to FILE (pcap, for Wireshark)."),
                                  Text::tr("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), Text::tr("Print events as JSON lines."));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      Text::tr("Stop after S seconds (default: when the connection is gone)."),
                                      Text::tr("S"));
    const QCommandLineOption noCapture(QStringLiteral("no-capture"), Text::tr("Samples and states only, no packets."));
    const QCommandLineOption faultAt(
        QStringLiteral("fault-at"),
        Text::tr("At T seconds, break the connection and time the application's reaction: ACTION is "
                 "cut, cut-in, cut-out, abort, freeze, replug or thaw (repeatable; every fault is "
                 "lifted at the end; needs root as for halfopen-cli fault)."),
        Text::tr("T:ACTION"));
    parser.addOptions({help, pid, netns, record, pcap, json, duration, noCapture, faultAt});
    parser.addPositionalArgument(QStringLiteral("LOCAL"),
                                 Text::tr("The connection's local address, e.g. 198.18.0.1:40000."));
    parser.addPositionalArgument(QStringLiteral("REMOTE"), Text::tr("Its remote address, e.g. 198.18.0.2:1883."));
    if (!parser.parse(arguments))
        return usageError(QStringLiteral("option"), parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    QList<ScheduledFault> faults;
    for (const QString &value : parser.values(faultAt)) {
        ScheduledFault f;
        QString error;
        if (!parseFaultAt(value, &f, &error))
            return usageError(QStringLiteral("--fault-at"), error);
        faults.append(f);
    }
    const QString netnsPath = parser.value(netns);
    if (!faults.isEmpty() && !netnsPath.isEmpty())
        return usageError(QStringLiteral("--fault-at"),
                          Text::tr("faults act in halfopen-cli's own network namespace: run it inside (nsenter -t PID "
                                   "-n) instead of --netns"));
    NetworkNamespace ns;
    if (!netnsPath.isEmpty()) {
        QString error;
        if (!ns.open(netnsPath, &error))
            return usageError(QStringLiteral("--netns"), error);
    }
    SocketAddress local;
    SocketAddress remote;
    qint64 holder = 0;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(pid) == (positional.size() == 2) || (!parser.isSet(pid) && positional.size() != 2))
        return usageError(QStringLiteral("arguments"),
                          Text::tr("expected --pid P, or LOCAL REMOTE such as 198.18.0.1:40000 198.18.0.2:1883"));
    if (parser.isSet(pid)) {
        bool ok = false;
        const qint64 p = parser.value(pid).toLongLong(&ok);
        if (!ok || p < 1)
            return usageError(QStringLiteral("--pid"), Text::tr("'%1' is not a process id").arg(parser.value(pid)));
        audit::ConnectionAudit audit;
        std::vector<audit::AuditedConnection> found;
        if (!audit.open(netnsPath) || !audit.scan({std::nullopt, p, {}}, &found))
            return runtimeError(audit.errorString());
        if (found.size() != 1) {
            QStringList list;
            for (const auto &c : found)
                list << c.socket.local.toString() + QLatin1Char(' ') + c.socket.remote.toString();
            return usageError(QStringLiteral("--pid"),
                              found.empty() ? Text::tr("process %1 holds no TCP connection here").arg(p)
                                            : Text::tr("process %1 holds %2 connections: name one as LOCAL REMOTE (%3)")
                                                  .arg(p)
                                                  .arg(found.size())
                                                  .arg(list.join(QStringLiteral(", "))));
        }
        holder = p;
        local = found.front().socket.local;
        remote = found.front().socket.remote;
    } else {
        QString error;
        local = SocketAddress::parse(positional.at(0), &error);
        if (!local.isValid())
            return usageError(QStringLiteral("LOCAL"), error);
        remote = SocketAddress::parse(positional.at(1), &error);
        if (!remote.isValid())
            return usageError(QStringLiteral("REMOTE"), error);
    }
    Watch watch(local, remote, parser.isSet(json));
    if (!watch.open(ns, netnsPath, parser.value(record), parser.value(pcap), !parser.isSet(noCapture)))
        return watch.status();
    if (parser.isSet(duration)) {
        bool ok = false;
        const double seconds = parser.value(duration).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 7 * 24 * 3600)
            return usageError(QStringLiteral("--duration"),
                              Text::tr("'%1': allowed 0.1 to 604800 seconds").arg(parser.value(duration)));
        QTimer::singleShot(qRound(seconds * 1000), &watch, [&watch] { watch.finish(); });
        watch.setHoldUntilDuration(!faults.isEmpty());
    }
    for (const ScheduledFault &f : std::as_const(faults))
        watch.schedule(f, holder);
    return QCoreApplication::exec();
}

} // namespace halfopen::cli
