// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli fault cut|replug|abort|freeze|thaw`: break one real connection of this machine,
// silently and reversibly, and time how the application holding it reacts.

#include "CliCommands.h"
#include "CliUsage.h"

#include "hostfault/ConnectionOptions.h"
#include "hostfault/NftCut.h"
#include "hostfault/ProcessFacts.h"
#include "hostfault/ProcessFreeze.h"
#include "hostfault/ReactionWatcher.h"
#include "hostfault/ReplugChannel.h"
#include "hostfault/SockDestroy.h"
#include "hostfault/TargetConnection.h"

#include "core/observe/SockDiagClient.h"
#include "core/predict/VerdictFields.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"
#include "core/tcp/DetectionMechanism.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/JsonNumber.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace halfopen::core;
using namespace halfopen::hostfault;

namespace halfopen::cli {

using hostfault::FaultKind; // a real connection's faults, not the lab's

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fault)
};

struct FaultRequest
{
    QString action;
    TargetQuery query;
    CutDirection direction = CutDirection::Both;
    std::optional<double> forS;
    std::optional<double> watchS;
    double atS = 0;
    QList<Reaction> until; // --until: the watch ends at the first of these
    QString recordPath;
    bool json = false;
};

std::optional<double> parseSeconds(const QString &field, const QString &text, double min, double max, int *status)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < min || value > max) {
        *status
            = usageError(field, Text::tr("'%1' is out of range: allowed %2 to %3 seconds").arg(text).arg(min).arg(max));
        return std::nullopt;
    }
    return value;
}

// Parses the options; returns an exit status when the command must stop here.
std::optional<int> parseRequest(const QStringList &arguments, FaultRequest *request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Break one real TCP connection of this machine and time how the application reacts.\n"
                 "  cut     drop the connection's packets (nftables, table inet halfopen_PID; needs CAP_NET_ADMIN)\n"
                 "  replug  lift a cut held by a running 'fault cut' (all of them without a connection)\n"
                 "  abort   destroy the socket as ss -K does: the application gets ECONNABORTED, the peer an RST\n"
                 "  freeze  SIGSTOP the process holding the connection (SIGCONT when the fault ends)\n"
                 "  thaw    SIGCONT the process\n"
                 "A cut or freeze lasts until --for runs out, Ctrl+C, SIGTERM or replug/thaw, and never\n"
                 "outlives this process: the kernel deletes the table, a guard process thaws."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), Text::tr("cut, replug, abort, freeze or thaw"));
    parser.addPositionalArgument(QStringLiteral("LOCAL REMOTE"),
                                 Text::tr("The connection's addresses as ADDR:PORT (or use --pid)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption pid(QStringLiteral("pid"),
                                 Text::tr("The process whose established connection to break (refused when it has "
                                          "several: name one with LOCAL REMOTE)."),
                                 Text::tr("PID"));
    const QCommandLineOption direction(
        QStringLiteral("direction"),
        Text::tr("cut: both (default), in (what the connection receives) or out (what it sends). What it sends "
                 "vanishes as on a pulled cable (nftables queue verdict: nft_queue, or NFQUEUE through nft_compat); "
                 "on a kernel with neither it is dropped in a way this machine's TCP notices."),
        Text::tr("DIR"));
    const QCommandLineOption forOption(QStringLiteral("for"),
                                       Text::tr("cut, freeze: lift the fault after SECONDS (0.1 to 86400)."),
                                       Text::tr("SECONDS"));
    const QCommandLineOption watch(QStringLiteral("watch"),
                                   Text::tr("Keep timing the reaction SECONDS after the fault, also after it is lifted "
                                            "(0 to 86400; abort: default 10)."),
                                   Text::tr("SECONDS"));
    const QCommandLineOption at(QStringLiteral("at"),
                                Text::tr("Apply the fault SECONDS after start (0 to 3600): the timed step of a watch."),
                                Text::tr("SECONDS"));
    const QCommandLineOption until(
        QStringLiteral("until"),
        Text::tr("Stop (and lift the fault) as soon as the application has: kernel-gave-up, closed or reconnected."),
        Text::tr("EVENT"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("JSON lines: the fault, each reaction, then the verdict."));
    const QCommandLineOption record(
        QStringLiteral("record"),
        Text::tr("Record the fault, the reactions and the verdict as events (JSONL) that HalfOpen opens."),
        Text::tr("FILE"));
    parser.addOptions({help, pid, direction, forOption, watch, at, until, json, record});

    if (!parser.parse(arguments))
        return usageError(QStringLiteral("options"), parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        std::fputs(qPrintable(text), stdout);
        return ExitOk;
    }
    QStringList positional = parser.positionalArguments();
    const QStringList actions = {QStringLiteral("cut"), QStringLiteral("replug"), QStringLiteral("abort"),
                                 QStringLiteral("freeze"), QStringLiteral("thaw")};
    if (positional.isEmpty() || !actions.contains(positional.first()))
        return usageError(QStringLiteral("ACTION"),
                          Text::tr("'%1': allowed cut, replug, abort, freeze, thaw").arg(positional.value(0)));
    request->action = positional.takeFirst();
    if (positional.size() != 0 && positional.size() != 2)
        return usageError(QStringLiteral("LOCAL REMOTE"),
                          Text::tr("give both addresses as ADDR:PORT (port 1 to 65535), or neither and --pid"));
    if (positional.size() == 2) {
        QString error;
        request->query.local = SocketAddress::parse(positional.at(0), &error);
        if (!request->query.local.isValid())
            return usageError(QStringLiteral("LOCAL"), error);
        request->query.remote = SocketAddress::parse(positional.at(1), &error);
        if (!request->query.remote.isValid())
            return usageError(QStringLiteral("REMOTE"), error);
    }
    if (parser.isSet(pid)) {
        bool ok = false;
        request->query.pid = parser.value(pid).toLongLong(&ok);
        if (!ok || request->query.pid < 2 || request->query.pid > 4194304)
            return usageError(QStringLiteral("--pid"),
                              Text::tr("'%1' is out of range: allowed 2 to 4194304").arg(parser.value(pid)));
    }
    if (request->action != QLatin1String("replug") && request->query.pid == 0 && positional.isEmpty())
        return usageError(QStringLiteral("--pid"),
                          Text::tr("name the connection: --pid PID, or LOCAL REMOTE as ADDR:PORT"));
    if (parser.isSet(direction)) {
        if (request->action != QLatin1String("cut"))
            return usageError(QStringLiteral("--direction"), Text::tr("only cut has a direction"));
        if (!cutDirectionFromName(parser.value(direction), &request->direction))
            return usageError(QStringLiteral("--direction"),
                              Text::tr("'%1': allowed both, in, out").arg(parser.value(direction)));
    }
    int status = ExitOk;
    if (parser.isSet(forOption)) {
        if (request->action != QLatin1String("cut") && request->action != QLatin1String("freeze"))
            return usageError(QStringLiteral("--for"),
                              Text::tr("only cut and freeze last: abort is at once, replug and thaw lift"));
        request->forS = parseSeconds(QStringLiteral("--for"), parser.value(forOption), 0.1, 86400, &status);
        if (!request->forS)
            return status;
    }
    if (parser.isSet(watch)) {
        request->watchS = parseSeconds(QStringLiteral("--watch"), parser.value(watch), 0, 86400, &status);
        if (!request->watchS)
            return status;
    } else if (request->action == QLatin1String("abort")) {
        request->watchS = 10;
    }
    if (parser.isSet(at)) {
        const auto value = parseSeconds(QStringLiteral("--at"), parser.value(at), 0, 3600, &status);
        if (!value)
            return status;
        request->atS = *value;
    }
    if (parser.isSet(until)) {
        const QString value = parser.value(until);
        if (value == QLatin1String("kernel-gave-up"))
            request->until = {Reaction::KernelGaveUp};
        else if (value == QLatin1String("closed"))
            request->until = {Reaction::AppClosed, Reaction::ProcessExited};
        else if (value == QLatin1String("reconnected"))
            request->until = {Reaction::Reconnected};
        else
            return usageError(QStringLiteral("--until"),
                              Text::tr("'%1': allowed kernel-gave-up, closed, reconnected").arg(value));
    }
    request->json = parser.isSet(json);
    request->recordPath = parser.value(record);
    if (parser.isSet(record) && request->recordPath.isEmpty())
        return usageError(QStringLiteral("--record"), Text::tr("empty path: allowed a file name"));
    return std::nullopt;
}

void printJson(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void printLine(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

QString reactionWords(Reaction reaction)
{
    switch (reaction) {
    case Reaction::KernelGaveUp:
        return Text::tr("the kernel gave up on the socket");
    case Reaction::AppClosed:
        return Text::tr("the application closed its socket");
    case Reaction::ProcessExited:
        return Text::tr("the process exited");
    case Reaction::Reconnected:
        return Text::tr("the application connected again");
    case Reaction::PeerClosed:
        return Text::tr("the peer closed the connection (FIN)");
    }
    return reactionName(reaction);
}

int runReplug(const FaultRequest &request)
{
    QString line = QStringLiteral("replug");
    if (request.query.local.isValid() || request.query.pid > 0) {
        TargetConnection target;
        QString error;
        if (request.query.local.isValid() && request.query.pid == 0) {
            target.local = request.query.local;
            target.remote = request.query.remote;
        } else if (!findTarget(request.query, &target, &error)) {
            return runtimeError(error);
        }
        line += QStringLiteral(" %1 %2").arg(target.local.toString(), target.remote.toString());
    }
    const QStringList answers = sendReplugRequest(line);
    bool any = false;
    for (const QString &answer : answers) {
        printLine(answer);
        any = any || answer.contains(QLatin1String(": ok"));
    }
    if (answers.isEmpty())
        return runtimeError(Text::tr("no running 'halfopen-cli fault cut' holds a cut in this network namespace"));
    return any ? ExitOk : ExitRuntime;
}

int runThaw(const FaultRequest &request)
{
    qint64 pid = request.query.pid;
    if (pid == 0) {
        TargetConnection target;
        QString error;
        if (!findTarget(request.query, &target, &error))
            return runtimeError(error);
        pid = target.pid;
    }
    QString error;
    if (!thawProcess(pid, &error))
        return runtimeError(error);
    printLine(Text::tr("thawed %1 (pid %2)").arg(processName(pid)).arg(pid));
    return ExitOk;
}

// The fault in progress: applies it, lifts it, and ends the run with the verdict.
class FaultRun : public QObject
{
public:
    explicit FaultRun(const FaultRequest &request)
        : m_request(request)
    { }

    int start(const TargetConnection &target)
    {
        m_target = target;
        if (!m_request.recordPath.isEmpty()) {
            m_recorder = std::make_unique<JsonlRecorder>(&m_session);
            QString error;
            if (!m_recorder->open(m_request.recordPath, &error))
                return runtimeError(error);
        }
        int err = 0;
        m_options = readConnectionOptions(target, &err);
        if (!m_options && err)
            m_optionsNote
                = Text::tr(
                      "the connection's socket options could not be read (%1); predicted with the kernel's defaults")
                      .arg(ErrnoCatalog::describe(err));
        watchSignals();
        if (m_request.atS > 0) {
            if (!m_request.json)
                printLine(Text::tr("%1 of %2 in %3 s").arg(m_request.action, target.describe()).arg(m_request.atS));
            QTimer::singleShot(qRound64(m_request.atS * 1000), Qt::PreciseTimer, this, [this] {
                if (const int status = applyFault(); status != ExitOk)
                    QCoreApplication::exit(status);
            });
        } else if (const int status = applyFault(); status != ExitOk) {
            return status;
        }
        return QCoreApplication::exec();
    }

private:
    void watchSignals()
    {
        sigset_t mask;
        sigemptyset(&mask);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGTERM);
        ::sigprocmask(SIG_BLOCK, &mask, nullptr);
        m_signalFd = ::signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
        if (m_signalFd < 0)
            return;
        auto *notifier = new QSocketNotifier(m_signalFd, QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, [this] {
            signalfd_siginfo info{};
            while (::read(m_signalFd, &info, sizeof info) == sizeof info) { }
            finish(Text::tr("interrupted"));
        });
    }

    // Re-reads the socket just before the fault: "last received" must be fresh for the prediction.
    void refreshSample()
    {
        SockDiagClient diag;
        SockDiagRow row;
        if (diag.open() && diag.lookup(m_target.local, m_target.remote, &row) == SockDiagClient::LookupResult::Found
            && row.inode == m_target.inode)
            m_target.sample = row.sample;
    }

    int applyFault()
    {
        refreshSample();
        QString error;
        FaultKind kind = FaultKind::Cut;
        if (m_request.action == QLatin1String("cut")) {
            if (!m_cut.cut(m_target.local, m_target.remote, m_request.direction, &error))
                return runtimeError(error);
            m_active = true;
            m_replug = std::make_unique<ReplugServer>([this](const QString &line) { return replugRequested(line); });
            QString channelError;
            if (!m_replug->listen(&channelError))
                m_replug.reset(); // replug from another shell is unavailable; --for and Ctrl+C still lift
        } else if (m_request.action == QLatin1String("abort")) {
            kind = FaultKind::Abort;
            if (!destroySocket(m_target, &error))
                return runtimeError(error);
        } else {
            kind = FaultKind::Freeze;
            if (!m_thawGuard.start(m_target.pid, &error) || !freezeProcess(m_target.pid, &error)) {
                m_thawGuard.release();
                return runtimeError(error);
            }
            m_active = true;
        }
        m_faultUs = monotonicNowUs();
        m_watcher = std::make_unique<ReactionWatcher>(m_target, kind, m_faultUs);
        const ReactionPrediction prediction = predictReaction(m_target, m_options, kind);
        m_watcher->setPrediction(prediction.seconds, prediction.mechanism, prediction.onceSendingSeconds);
        if (m_options)
            m_watcher->setUserTimeoutMs(m_options->userTimeoutMs);
        // Only where the kernel lacks the silent queue verdict does this side's TCP know of the drops.
        m_watcher->setOutgoingDroppedLocally(kind == FaultKind::Cut && m_request.direction != CutDirection::In
                                             && m_cut.outgoingSilent() == false);
        connect(m_watcher.get(), &ReactionWatcher::observed, this,
                [this](Reaction reaction, double s) { reacted(reaction, s); });
        announce(kind, prediction);
        record(EventKind::Fault, m_request.action, m_faultUs, m_target.toJson());
        m_watcher->start();

        if (m_request.forS && m_active)
            QTimer::singleShot(qRound64(*m_request.forS * 1000), Qt::PreciseTimer, this,
                               [this] { lift(Text::tr("--for ran out")); });
        if (m_request.watchS)
            QTimer::singleShot(qRound64(*m_request.watchS * 1000), Qt::PreciseTimer, this,
                               [this] { finish(Text::tr("end of the watch")); });
        else if (!m_active)
            QTimer::singleShot(0, this, [this] { finish(QString()); });
        if (kind == FaultKind::Freeze) {
            // Someone else may thaw it ('fault thaw', kill -CONT): the freeze is over then.
            auto *check = new QTimer(this);
            connect(check, &QTimer::timeout, this, [this, check] {
                if (m_active && !processStopped(m_target.pid) && monotonicNowUs() - m_faultUs > 500000) {
                    check->stop();
                    m_active = false;
                    m_thawGuard.release();
                    m_watcher->markLifted(monotonicNowUs());
                    event(QStringLiteral("thaw"), Text::tr("the process was thawed from outside"));
                    if (!m_request.watchS)
                        finish(QString());
                }
            });
            check->start(200);
        }
        return ExitOk;
    }

    void announce(FaultKind kind, const ReactionPrediction &prediction)
    {
        if (m_request.json) {
            QJsonObject o{{QStringLiteral("kind"), QStringLiteral("fault")},
                          {QStringLiteral("what"), m_request.action},
                          {QStringLiteral("t_s"), 0.0},
                          {QStringLiteral("target"), m_target.toJson()},
                          // tcpi_last_ack_recv at the fault: keepalive and MQTT count from it
                          {QStringLiteral("last_received_ms"), qint64(m_target.sample.lastAckRecvMs)},
                          {QStringLiteral("state"), tcpStateName(m_target.sample.state)}};
            if (kind == FaultKind::Cut) {
                o.insert(QStringLiteral("direction"), cutDirectionName(m_request.direction));
                o.insert(QStringLiteral("table"), QStringLiteral("inet ") + m_cut.tableName());
                // How what this machine sends is dropped: "queue N" (silently, as a pulled cable),
                // "xt-queue N" (the same verdict through nft_compat, in the table ..._out) or
                // "drop" (neither is in this kernel: its TCP sees each drop).
                const QString way = m_cut.outgoingWay();
                if (!way.isEmpty() && way != QLatin1String("drop"))
                    o.insert(QStringLiteral("outgoing_queue_held"), m_cut.holdsQueue());
                if (!way.isEmpty())
                    o.insert(QStringLiteral("outgoing_drop"),
                             way == QLatin1String("drop") ? way : way + QStringLiteral(" %1").arg(m_cut.queueNumber()));
            }
            if (m_options) {
                // Only the dead-peer options are read from the application's socket.
                QJsonObject options = m_options->toJson();
                for (const char *unread : {"linger_abort", "nodelay", "recverr"})
                    options.remove(QLatin1String(unread));
                o.insert(QStringLiteral("options"), options);
            }
            if (prediction.onceSendingSeconds)
                o.insert(QStringLiteral("predicted_once_sending_s"), *prediction.onceSendingSeconds);
            printJson(o);
            return;
        }
        if (kind == FaultKind::Cut)
            printLine(Text::tr("cut %1, %2 (nftables table inet %3)")
                          .arg(m_target.describe(),
                               m_request.direction == CutDirection::Both     ? Text::tr("both directions")
                                   : m_request.direction == CutDirection::In ? Text::tr("incoming packets only")
                                                                             : Text::tr("outgoing packets only"),
                               m_cut.tableName()));
        if (kind == FaultKind::Cut && m_cut.outgoingSilent() == false)
            printLine(Text::tr("note: this kernel has neither nft_queue nor nft_compat's NFQUEUE target, so what this "
                               "machine sends is dropped in a way its TCP notices: unsent data waits under the probe "
                               "timer instead of being retransmitted; --direction in times this side as a pulled "
                               "cable"));
        if (kind == FaultKind::Abort)
            printLine(Text::tr("aborted %1 (SOCK_DESTROY: ECONNABORTED for the application, RST to the peer)")
                          .arg(m_target.describe()));
        else if (kind == FaultKind::Freeze)
            printLine(Text::tr("froze %1 (SIGSTOP)").arg(m_target.describe()));
        if (!m_optionsNote.isEmpty())
            printLine(m_optionsNote);
        if (prediction.seconds && kind == FaultKind::Cut)
            printLine(Text::tr("predicted: the kernel gives up %1 s after the cut (%2)")
                          .arg(prediction.seconds.value(), 0, 'f', 1)
                          .arg(prediction.mechanism));
        else if (kind == FaultKind::Cut)
            printLine(Text::tr(
                "predicted: the kernel never gives up on this idle connection (no keepalive, no TCP_USER_TIMEOUT)"));
        if (prediction.onceSendingSeconds && kind == FaultKind::Cut)
            printLine(
                Text::tr("predicted: once the application sends, its retransmissions give up %1 s after that send")
                    .arg(*prediction.onceSendingSeconds, 0, 'f', 1));
    }

    // The recording: what the CLI printed, as events of host "local" on the monotonic axis.
    void record(EventKind kind, const QString &what, qint64 tUs, const QJsonObject &detail,
                DetectionMechanism mechanism = DetectionMechanism::None)
    {
        if (!m_recorder)
            return;
        Event e;
        e.kind = kind;
        e.tUs = tUs;
        e.host = core::Host::Local;
        e.local = m_target.local.toString();
        e.remote = m_target.remote.toString();
        e.what = what;
        e.detail = detail;
        e.mechanism = mechanism;
        m_session.add(e);
    }

    // The verdict, recorded as the lab's are: stamped at the first reaction, with the span from
    // the fault to it beside the reaction's own figures.
    void recordVerdict(const ReactionVerdict &verdict)
    {
        qint64 tUs = monotonicNowUs();
        VerdictFields span;
        if (const std::optional<double> reacted = verdict.firstReactionS()) {
            tUs = m_faultUs + core::roundedInRange<qint64>(*reacted, 1e6);
            span.faultTS = 0.0;
            span.detectedTS = reacted;
            span.elapsedS = reacted;
        }
        record(EventKind::Verdict, QStringLiteral("reaction"), tUs, span.addSpanTo(verdict.toJson()),
               mechanismFromName(verdict.mechanism).value_or(DetectionMechanism::None));
    }

    void event(const QString &what, const QString &words)
    {
        const double s = (monotonicNowUs() - m_faultUs) / 1e6;
        record(EventKind::Fault, what, monotonicNowUs(), {});
        if (m_request.json)
            printJson({{QStringLiteral("kind"), QStringLiteral("fault")},
                       {QStringLiteral("what"), what},
                       {QStringLiteral("t_s"), qRound64(s * 1000) / 1000.0}});
        else
            printLine(QStringLiteral("%1 s  %2").arg(s, 7, 'f', 2).arg(words));
    }

    void reacted(Reaction reaction, double s)
    {
        const QString what = reactionName(reaction);
        record(EventKind::Endpoint, what, m_faultUs + qRound64(s * 1e6), {{QStringLiteral("t_s"), s}});
        if (m_request.json)
            printJson({{QStringLiteral("kind"), QStringLiteral("reaction")},
                       {QStringLiteral("what"), what},
                       {QStringLiteral("t_s"), qRound64(s * 1000) / 1000.0}});
        else
            printLine(QStringLiteral("%1 s  %2").arg(s, 7, 'f', 2).arg(reactionWords(reaction)));
        if (m_request.until.contains(reaction))
            QTimer::singleShot(0, this, [this] { finish(QString()); });
    }

    QString replugRequested(const QString &line)
    {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.value(0) != QLatin1String("replug"))
            return QStringLiteral("error unknown request '%1': allowed replug [LOCAL REMOTE]").arg(line);
        if (words.size() == 3
            && (words.at(1) != m_target.local.toString() || words.at(2) != m_target.remote.toString()))
            return QStringLiteral("error not cut here: %1 -> %2").arg(words.at(1), words.at(2));
        if (!m_active)
            return QStringLiteral("error already replugged");
        const QString tuple = QStringLiteral("%1 -> %2").arg(m_target.local.toString(), m_target.remote.toString());
        if (!lift(Text::tr("replug requested")))
            return QStringLiteral("error %1").arg(m_liftError);
        return QStringLiteral("ok replugged %1").arg(tuple);
    }

    // Ends the fault; the watch goes on if --watch asks for more, else the run ends.
    bool lift(const QString &why)
    {
        if (!m_active)
            return true;
        if (m_request.action == QLatin1String("cut")) {
            if (!m_cut.replugAll(&m_liftError)) {
                runtimeError(m_liftError);
                return false;
            }
            m_active = false;
            m_watcher->markLifted(monotonicNowUs());
            event(QStringLiteral("replug"), Text::tr("replugged (%1)").arg(why));
        } else {
            QString error;
            thawProcess(m_target.pid, &error); // the guard thaws as well; this is the prompt path
            m_thawGuard.release();
            m_active = false;
            m_watcher->markLifted(monotonicNowUs());
            event(QStringLiteral("thaw"), Text::tr("thawed (%1)").arg(why));
        }
        const bool watchGoesOn = m_request.watchS && (monotonicNowUs() - m_faultUs) / 1e6 < *m_request.watchS;
        if (!watchGoesOn)
            QTimer::singleShot(0, this, [this] { finish(QString()); });
        return true;
    }

    void finish(const QString &why)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (!m_watcher) { // interrupted before the fault (--at)
            QCoreApplication::exit(ExitOk);
            return;
        }
        m_watcher->poll(); // the last look before anything is lifted
        m_watcher->stop();
        if (m_active)
            lift(why.isEmpty() ? Text::tr("end") : why);
        const ReactionVerdict verdict = m_watcher->verdict();
        recordVerdict(verdict);
        if (m_request.json) {
            QJsonObject o = verdict.toJson();
            o.insert(QStringLiteral("kind"), QStringLiteral("verdict"));
            printJson(o);
        } else {
            printLine(verdict.toText());
        }
        QCoreApplication::exit(ExitOk);
    }

    FaultRequest m_request;
    TargetConnection m_target;
    std::optional<SocketOptions> m_options;
    QString m_optionsNote;
    Session m_session;
    std::unique_ptr<JsonlRecorder> m_recorder;
    NftCut m_cut;
    ThawGuard m_thawGuard;
    std::unique_ptr<ReplugServer> m_replug;
    std::unique_ptr<ReactionWatcher> m_watcher;
    qint64 m_faultUs = 0;
    bool m_active = false;
    bool m_finished = false;
    QString m_liftError;
    int m_signalFd = -1;
};

} // namespace

int runFault(const QStringList &arguments)
{
    FaultRequest request;
    if (const auto status = parseRequest(arguments, &request))
        return *status;
    if (request.action == QLatin1String("replug"))
        return runReplug(request);
    if (request.action == QLatin1String("thaw"))
        return runThaw(request);

    TargetConnection target;
    QString error;
    QList<TargetConnection> candidates;
    if (!findTarget(request.query, &target, &error, &candidates)) {
        // A freeze needs signal rights, not /proc access: name what is missing for it.
        QString signalError;
        if (request.action == QLatin1String("freeze") && request.query.pid > 0
            && !maySignal(request.query.pid, &signalError))
            return runtimeError(signalError);
        runtimeError(error);
        for (const TargetConnection &c : candidates)
            std::fprintf(stderr, "  %s %s\n", qPrintable(c.local.toString()), qPrintable(c.remote.toString()));
        return candidates.size() > 1 ? ExitUsage : ExitRuntime;
    }
    if ((request.action == QLatin1String("freeze")) && target.pid <= 0)
        return runtimeError(Text::tr("freeze: no visible process holds %1 -> %2 (another user's processes are visible "
                                     "to root or with CAP_SYS_PTRACE only)")
                                .arg(target.local.toString(), target.remote.toString()));
    if (target.pid == ::getpid())
        return runtimeError(Text::tr("refusing to break halfopen-cli's own connection"));
    FaultRun run(request);
    return run.start(target);
}

} // namespace halfopen::cli
