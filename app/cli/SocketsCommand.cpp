// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli sockets`: every TCP socket of a network namespace as the kernel sees it
// (sock_diag), with the running timer, queues and tcp_info, as an ss-like table or JSON rows.

#include "CliCommands.h"
#include "CliUsage.h"

#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagJsonWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

using namespace halfopen::core;

namespace halfopen::cli {

namespace {

// lupdate takes the context from this class: the strings below are "sockets"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sockets)
};

struct SocketsRequest
{
    QString netnsPath;
    SockDiagFilter filter;
    bool json = false;
};

// Parses the options into *request; returns an exit status when the command must stop here.
std::optional<int> parseRequest(const QStringList &arguments, SocketsRequest *request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("List the TCP sockets of a network namespace with their timers, queues and tcp_info (sock_diag)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."));
    const QCommandLineOption netns(QStringLiteral("netns"),
                                   Text::tr("Network namespace to look into: /run/netns/NAME or /proc/PID/ns/net."),
                                   Text::tr("PATH"));
    const QCommandLineOption port(
        QStringLiteral("port"), Text::tr("Only sockets whose local or remote port is N (1 to 65535)."), Text::tr("N"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   Text::tr("Only sockets in these states: ESTABLISHED, TIME_WAIT, ... or ss's names "
                                            "(ESTAB, time-wait), comma-separated."),
                                   Text::tr("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), Text::tr("Print a JSON array of rows instead of a table."));
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")},
                                 Text::tr("Also list TIME_WAIT sockets, hidden by default like ss."));
    parser.addOptions({help, netns, port, state, json, all});

    const QString allowed = Text::tr("allowed --netns PATH, --port N, --state NAME, --all, --json, --help");
    if (!parser.parse(arguments)) {
        // QCommandLineParser would print its own text and exit 1; we keep the CLI's contract.
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString &name = unknown.first();
            return usageError(name.size() == 1 ? QStringLiteral("-") + name : QStringLiteral("--") + name,
                              Text::tr("unknown option: %1").arg(allowed));
        }
        // The only other parse error: an option that takes a value came last without one.
        const QString last = arguments.size() > 1 ? arguments.last() : QStringLiteral("options");
        if (last == QLatin1String("--port"))
            return usageError(last, Text::tr("missing value: allowed 1 to 65535"));
        if (last == QLatin1String("--state"))
            return usageError(last, Text::tr("missing value: allowed a state name such as ESTABLISHED or TIME_WAIT"));
        if (last == QLatin1String("--netns"))
            return usageError(last, Text::tr("missing value: allowed /run/netns/NAME or /proc/PID/ns/net"));
        return usageError(last, parser.errorText());
    }
    if (parser.isSet(help)) {
        // The parser names the executable's path; the usage line should say what to type.
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        std::fputs(qPrintable(text), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("arguments"),
                          Text::tr("unexpected '%1': sockets takes options only (%2)")
                              .arg(parser.positionalArguments().first(), allowed));

    if (parser.isSet(port)) {
        bool ok = false;
        const int value = parser.value(port).toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("--port"),
                              Text::tr("'%1' is not a port number: use 1 to 65535").arg(parser.value(port)));
        if (value < 1 || value > 65535)
            return usageError(QStringLiteral("--port"),
                              Text::tr("'%1' is out of range: allowed 1 to 65535").arg(parser.value(port)));
        request->filter.port = quint16(value);
    }
    if (parser.isSet(state)) {
        QString error;
        const auto states = SockDiagFilter::statesFromNames(parser.value(state), &error);
        if (!states)
            return usageError(QStringLiteral("--state"), error);
        request->filter.states = *states;
    } else if (!parser.isSet(all)) {
        // Like ss: TIME_WAIT sockets are the kernel's, not an application's; --all or --state shows them.
        request->filter.states &= ~(1u << 6); // TCP_TIME_WAIT
    }
    request->netnsPath = parser.value(netns);
    if (parser.isSet(netns) && request->netnsPath.isEmpty())
        return usageError(QStringLiteral("--netns"),
                          Text::tr("empty path: allowed /run/netns/NAME or /proc/PID/ns/net"));
    request->json = parser.isSet(json);
    return std::nullopt;
}

// "1.2s", "350ms", "59s", "2min5s": the time left on a timer, short enough for a column.
QByteArray durationText(qint64 ms)
{
    if (ms < 1000)
        return QByteArray::number(ms) + "ms";
    if (ms < 10000)
        return QByteArray::number(ms / 1000) + '.' + QByteArray::number(ms % 1000 / 100) + 's';
    if (ms < 60000)
        return QByteArray::number(ms / 1000) + 's';
    const qint64 seconds = ms / 1000;
    QByteArray text = QByteArray::number(seconds / 60) + "min";
    if (seconds % 60)
        text += QByteArray::number(seconds % 60) + 's';
    return text;
}

// ss -o's timer:(kind,left,n) without the wrapping: n is retransmits for "on" and probes for
// keepalive/persist, the counter that decides when the socket gives up.
QByteArray timerText(const TcpInfoSample &s)
{
    if (s.timer == TcpTimer::Off)
        return tcpTimerName(s.timer).toLatin1();
    const int count = s.timer == TcpTimer::Retransmit ? s.retransmits : (s.timer == TcpTimer::TimeWait ? 0 : s.probes);
    return tcpTimerName(s.timer).toLatin1() + ',' + durationText(s.timerExpiresMs) + ',' + QByteArray::number(count);
}

// As ss -n prints it: port 0 (a listener's peer) is "*".
QByteArray addressText(const SocketAddress &address)
{
    char host[INET6_ADDRSTRLEN] = {};
    if (address.family() == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(address.storage).sin6_addr, host, sizeof host);
    else
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(address.storage).sin_addr, host, sizeof host);
    QByteArray text;
    text.reserve(INET6_ADDRSTRLEN + 8);
    if (address.family() == AF_INET6)
        text.append('[').append(host).append(']');
    else
        text.append(host);
    text.append(':');
    if (address.port() == 0)
        text.append('*');
    else
        text.append(QByteArray::number(address.port()));
    return text;
}

QByteArray millisecondsText(const SockDiagRow &row, quint32 microseconds)
{
    return row.hasTcpInfo ? QByteArray::number(microseconds / 1000.0) : QByteArray("-");
}

QByteArray infoNumber(const SockDiagRow &row, quint32 value)
{
    return row.hasTcpInfo ? QByteArray::number(value) : QByteArray("-");
}

void printTable(const SockDiagSnapshot &snapshot, QFile *out)
{
    // The tcp_info numbers ss -i prints (lastsnd, lastrcv, lastack, unacked, retrans total, cwnd)
    // after the ones detection depends on.
    const std::array header
        = {Text::tr("State"),       Text::tr("Recv-Q"),      Text::tr("Send-Q"),  Text::tr("Local"),
           Text::tr("Peer"),        Text::tr("Timer"),       Text::tr("RTO(ms)"), Text::tr("RTT(ms)"),
           Text::tr("Retrans"),     Text::tr("Probes"),      Text::tr("Backoff"), Text::tr("LastSnd(ms)"),
           Text::tr("LastRcv(ms)"), Text::tr("LastAck(ms)"), Text::tr("Unacked"), Text::tr("TotRetrans"),
           Text::tr("Cwnd")};
    constexpr size_t kColumns = header.size();
    // Queues and the tcp_info numbers are right-aligned, like ss's queues.
    constexpr std::array<bool, kColumns> rightAligned
        = {false, true, true, false, false, false, true, true, true, true, true, true, true, true, true, true, true};
    using Line = std::array<QByteArray, kColumns>;

    // Cells are ASCII except the (translated) titles, so widths count bytes for rows and
    // terminal columns for titles.
    std::array<qsizetype, kColumns> widths{};
    Line titles;
    for (size_t c = 0; c < kColumns; ++c) {
        titles[c] = header[c].toUtf8();
        widths[c] = terminalColumns(header[c]);
    }
    std::vector<Line> lines;
    lines.reserve(size_t(snapshot.rows.size()));
    for (const SockDiagRow &row : snapshot.rows) {
        const TcpInfoSample &s = row.sample;
        Line &line = lines.emplace_back(
            Line{tcpStateName(s.state).toLatin1(), QByteArray::number(s.recvQ), QByteArray::number(s.sendQ),
                 addressText(row.local), addressText(row.remote), timerText(s), millisecondsText(row, s.rtoUs),
                 millisecondsText(row, s.rttUs), QByteArray::number(s.retransmits), QByteArray::number(s.probes),
                 QByteArray::number(s.backoff), infoNumber(row, s.lastDataSentMs), infoNumber(row, s.lastDataRecvMs),
                 infoNumber(row, s.lastAckRecvMs), infoNumber(row, s.unacked), infoNumber(row, s.totalRetrans),
                 infoNumber(row, s.sendCwnd)});
        for (size_t c = 0; c < kColumns; ++c)
            widths[c] = std::max(widths[c], line[c].size());
    }

    QByteArray text;
    auto appendLine = [&](const Line &line, bool isTitle) {
        for (size_t c = 0; c < kColumns; ++c) {
            const qsizetype width = isTitle ? terminalColumns(header[c]) : line[c].size();
            const qsizetype padding = widths[c] - width;
            const bool last = c + 1 == kColumns;
            if (rightAligned[c])
                text.append(padding, ' ').append(line[c]);
            else
                text.append(line[c]).append(last ? 0 : padding, ' ');
            text.append(last ? "\n" : "  ");
        }
        if (text.size() > 256 * 1024) {
            out->write(text);
            text.resize(0);
        }
    };
    appendLine(titles, true);
    for (const Line &line : lines)
        appendLine(line, false);
    out->write(text);
}

} // namespace

int runSockets(const QStringList &arguments)
{
    SocketsRequest request;
    if (const auto status = parseRequest(arguments, &request))
        return *status;

    NetworkNamespace netns;
    if (!request.netnsPath.isEmpty()) {
        QString error;
        if (!netns.open(request.netnsPath, &error))
            return usageError(QStringLiteral("--netns"), error);
    }
    SockDiagClient client;
    if (!client.open(netns))
        return runtimeError(client.errorString());

    QFile out;
    if (!out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
        return runtimeError(Text::tr("cannot write to standard output"));

    if (request.json) {
        SockDiagJsonWriter writer(&out);
        const bool ok = client.dump(request.filter, [&writer](const SockDiagRow &row) { writer.append(row); });
        writer.finish();
        return ok ? ExitOk : runtimeError(client.errorString());
    }
    SockDiagSnapshot snapshot;
    if (!client.dump(request.filter, &snapshot))
        return runtimeError(client.errorString());
    printTable(snapshot, &out);
    return ExitOk;
}

} // namespace halfopen::cli
