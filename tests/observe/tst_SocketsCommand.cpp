// SPDX-License-Identifier: GPL-3.0-or-later
// `halfopen-cli sockets` as a user runs it: bad input names the field and exits 2, --json rows
// parse and carry the documented keys, the rows agree with `ss`, filters filter, and the table
// shows the timer the way ss -o does.

#include "LoopbackSockets.h"
#include "SsReference.h"
#include "tests/support/CliRun.h"

#include "core/tcp/TcpState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace halfopen::core;

namespace {

using CliResult = halfopen::testing::CliRun;

CliResult runSockets(const QStringList &arguments)
{
    return halfopen::testing::runCli(QStringList{QStringLiteral("sockets")} + arguments);
}

QJsonArray jsonRows(const QStringList &arguments, QString *error)
{
    const CliResult result = runSockets(QStringList{QStringLiteral("--json")} + arguments);
    if (result.exitCode != 0) {
        *error = QStringLiteral("exit %1: %2").arg(result.exitCode).arg(result.err);
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.outBytes, &parseError);
    if (!document.isArray())
        *error = QStringLiteral("not a JSON array: %1").arg(parseError.errorString());
    return document.array();
}

// The rows of sockets the test made: on a busy machine other sockets can share the port.
QJsonArray mine(const QJsonArray &rows, const LoopbackSockets &sockets)
{
    QJsonArray kept;
    for (const QJsonValue &row : rows) {
        if (sockets.owns(row.toObject().value(QStringLiteral("local")).toString(),
                         row.toObject().value(QStringLiteral("remote")).toString()))
            kept.append(row);
    }
    return kept;
}

QJsonObject rowWithInode(const QJsonArray &rows, int fd)
{
    const qint64 inode = LoopbackSockets::inodeOf(fd);
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(QStringLiteral("inode")).toInteger() == inode)
            return row.toObject();
    }
    return {};
}

QStringList ssKeys(const QJsonArray &rows)
{
    QStringList keys;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        keys.append(SsReference::key(
            tcpStateFromName(row.value(QStringLiteral("state")).toString()).value_or(TcpState::Unknown),
            quint64(row.value(QStringLiteral("recv_q")).toInteger()),
            quint64(row.value(QStringLiteral("send_q")).toInteger()), row.value(QStringLiteral("local")).toString(),
            row.value(QStringLiteral("remote")).toString()));
    }
    keys.sort();
    return keys;
}

} // namespace

class tst_SocketsCommand : public QObject
{
    Q_OBJECT

private slots:
    void badInputNamesTheField_data();
    void badInputNamesTheField();
    void jsonRowsHaveTheKeysAndMatchSs();
    void stateAndPortOptionsFilter();
    void tableShowsTimersLikeSs();
};

void tst_SocketsCommand::badInputNamesTheField_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("allowed"); // part of the message that tells what is allowed

    QTest::newRow("port 0") << QStringList{QStringLiteral("--port"), QStringLiteral("0")} << "--port"
                            << "1 to 65535";
    QTest::newRow("port 70000") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << "--port"
                                << "1 to 65535";
    QTest::newRow("port text") << QStringList{QStringLiteral("--port"), QStringLiteral("http")} << "--port"
                               << "1 to 65535";
    QTest::newRow("port missing") << QStringList{QStringLiteral("--port")} << "--port"
                                  << "1 to 65535";
    QTest::newRow("unknown state") << QStringList{QStringLiteral("--state"), QStringLiteral("HALF_OPEN")} << "--state"
                                   << "TIME_WAIT";
    QTest::newRow("one bad state of two")
        << QStringList{QStringLiteral("--state"), QStringLiteral("ESTAB,nope")} << "--state"
        << "ESTABLISHED";
    QTest::newRow("no such netns") << QStringList{QStringLiteral("--netns"), QStringLiteral("/nonexistent/netns")}
                                   << "--netns"
                                   << "ENOENT";
    QTest::newRow("not a netns") << QStringList{QStringLiteral("--netns"), QStringLiteral("/proc/self/ns/uts")}
                                 << "--netns"
                                 << "network namespace";
    QTest::newRow("regular file") << QStringList{QStringLiteral("--netns"), QStringLiteral("/etc/hostname")}
                                  << "--netns"
                                  << "network namespace";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << "--bogus"
                                    << "--port";
}

void tst_SocketsCommand::badInputNamesTheField()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, allowed);
    const CliResult result = runSockets(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(QStringLiteral("halfopen-cli: %1: ").arg(field)), qPrintable(result.err));
    QVERIFY2(result.err.contains(allowed), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY(result.out.isEmpty());
}

void tst_SocketsCommand::jsonRowsHaveTheKeysAndMatchSs()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto idle = sockets.connect();
    const auto unread = sockets.connect();
    const auto keepalive = sockets.connect();
    QVERIFY(idle.server >= 0 && unread.server >= 0 && keepalive.server >= 0);
    QVERIFY(LoopbackSockets::send(unread.client, 777));
    QVERIFY(LoopbackSockets::setKeepalive(keepalive.client, 9, 3, 4));
    const QString port = QString::number(sockets.port());

    QString error;
    QStringList theirs;
    QStringList ours;
    QJsonArray rows;
    // Read until both tools agree (they read at different instants).
    const auto owned = [&sockets](const QString &local, const QString &peer) { return sockets.owns(local, peer); };
    QTRY_VERIFY_WITH_TIMEOUT((rows = jsonRows({QStringLiteral("--port"), port}, &error),
                              theirs = SsReference::rowsForPort(sockets.port(), &error, owned),
                              ours = ssKeys(mine(rows, sockets)), !ours.isEmpty() && ours == theirs),
                             10000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(mine(rows, sockets).size(), 7);

    const QStringList keys = {QStringLiteral("local"),
                              QStringLiteral("remote"),
                              QStringLiteral("state"),
                              QStringLiteral("send_q"),
                              QStringLiteral("recv_q"),
                              QStringLiteral("timer"),
                              QStringLiteral("timer_expires_ms"),
                              QStringLiteral("retransmits"),
                              QStringLiteral("probes"),
                              QStringLiteral("backoff"),
                              QStringLiteral("rto_ms"),
                              QStringLiteral("rtt_ms"),
                              QStringLiteral("uid"),
                              QStringLiteral("inode")};
    for (const QJsonValue &value : rows) {
        QVERIFY(value.isObject());
        for (const QString &key : keys)
            QVERIFY2(value.toObject().contains(key), qPrintable(key));
    }

    const QJsonObject listener = rowWithInode(rows, sockets.listener());
    QCOMPARE(listener.value(QStringLiteral("state")).toString(), QStringLiteral("LISTEN"));
    QCOMPARE(listener.value(QStringLiteral("local")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(listener.value(QStringLiteral("uid")).toInteger(), qint64(::geteuid()));
    QCOMPARE(rowWithInode(rows, unread.server).value(QStringLiteral("recv_q")).toInteger(), 777);
    const QJsonObject alive = rowWithInode(rows, keepalive.client);
    QCOMPARE(alive.value(QStringLiteral("timer")).toString(), QStringLiteral("keepalive"));
    const qint64 left = alive.value(QStringLiteral("timer_expires_ms")).toInteger();
    QVERIFY2(left > 0 && left <= 9000, qPrintable(QString::number(left)));
    QVERIFY(alive.value(QStringLiteral("rto_ms")).toDouble() >= 200);
    QCOMPARE(rowWithInode(rows, idle.client).value(QStringLiteral("timer")).toString(), QStringLiteral("off"));
}

void tst_SocketsCommand::stateAndPortOptionsFilter()
{
    LoopbackSockets sockets;
    LoopbackSockets other;
    QVERIFY(sockets.isListening() && other.isListening());
    const auto open = sockets.connect();
    const auto closing = sockets.connect();
    QVERIFY(open.server >= 0 && closing.server >= 0 && other.connect().server >= 0);
    sockets.close(closing.client);
    sockets.close(closing.server);
    const QString port = QString::number(sockets.port());

    QString error;
    const QJsonArray listening
        = jsonRows({QStringLiteral("--port"), port, QStringLiteral("--state"), QStringLiteral("LISTEN")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &r : listening)
        QCOMPARE(r.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("LISTEN"));
    QCOMPARE(mine(listening, sockets).size(), 1);
    QCOMPARE(mine(listening, sockets).first().toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("LISTEN"));

    const QJsonArray established
        = jsonRows({QStringLiteral("--port"), port, QStringLiteral("--state"), QStringLiteral("estab")}, &error);
    QCOMPARE(mine(established, sockets).size(), 2);
    for (const QJsonValue &row : established)
        QCOMPARE(row.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("ESTABLISHED"));

    // ss's spelling, and the closed pair's active closer waiting out TIME_WAIT.
    QJsonArray timeWait;
    QTRY_COMPARE_WITH_TIMEOUT(
        (timeWait = mine(
             jsonRows({QStringLiteral("--state"), QStringLiteral("time-wait"), QStringLiteral("--port"), port}, &error),
             sockets))
            .size(),
        1, 5000);
    const QJsonObject row = timeWait.first().toObject();
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("TIME_WAIT"));
    QCOMPARE(row.value(QStringLiteral("timer")).toString(), QStringLiteral("timewait"));
    QCOMPARE(row.value(QStringLiteral("inode")).toInteger(), 0);
    // Like ss: TIME_WAIT is hidden unless asked for with --state or --all.
    for (const QJsonValue &value : jsonRows({QStringLiteral("--port"), port}, &error))
        QVERIFY(value.toObject().value(QStringLiteral("state")).toString() != QLatin1String("TIME_WAIT"));
    QCOMPARE(mine(jsonRows({QStringLiteral("--port"), port, QStringLiteral("--all")}, &error), sockets).size(),
             mine(jsonRows({QStringLiteral("--port"), port}, &error), sockets).size() + 1);

    // Without --port the other listener is there too; with it, never.
    const QJsonArray allListeners = jsonRows({QStringLiteral("--state"), QStringLiteral("LISTEN")}, &error);
    QVERIFY(rowWithInode(allListeners, other.listener()).contains(QStringLiteral("state")));
    QVERIFY(rowWithInode(allListeners, sockets.listener()).contains(QStringLiteral("state")));
    for (const QJsonValue &value : jsonRows({QStringLiteral("--port"), port}, &error)) {
        const QJsonObject r = value.toObject();
        QVERIFY(r.value(QStringLiteral("local")).toString().endsWith(QLatin1Char(':') + port)
                || r.value(QStringLiteral("remote")).toString().endsWith(QLatin1Char(':') + port));
    }
}

void tst_SocketsCommand::tableShowsTimersLikeSs()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    QVERIFY(LoopbackSockets::setKeepalive(pair.client, 5, 1, 3));
    const QString port = QString::number(sockets.port());

    const CliResult result = runSockets({QStringLiteral("--port"), port});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 1 + 3);
    for (const char *title : {"State", "Recv-Q", "Send-Q", "Local", "Peer", "Timer", "RTO", "RTT", "Retrans", "Probes",
                              "Backoff", "LastSnd", "LastRcv", "LastAck", "Unacked", "TotRetrans", "Cwnd"})
        QVERIFY2(lines.first().contains(QLatin1String(title)), title);

    const QString clientLocal = LoopbackSockets::local(pair.client).toString();
    QString keepaliveLine;
    QString listenerLine;
    int ourLines = 0;
    for (const QString &line : lines) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        if (cells.size() > 4 && sockets.owns(cells[3], SsReference::normalizedAddress(cells[4])))
            ++ourLines;
        if (line.simplified().section(QLatin1Char(' '), 3, 3) == clientLocal) // the Local column
            keepaliveLine = line;
        if (line.startsWith(QLatin1String("LISTEN")) && line.contains(QStringLiteral("127.0.0.1:%1 ").arg(port)))
            listenerLine = line;
    }
    QCOMPARE(ourLines, 3);
    // "keepalive,4.9s,0" style: kind, time left (at most the 5 s idle), probes sent.
    const QRegularExpression timer(QStringLiteral("keepalive,(\\d+(\\.\\d+)?)(ms|s),0\\b"));
    const QRegularExpressionMatch match = timer.match(keepaliveLine);
    QVERIFY2(match.hasMatch(), qPrintable(keepaliveLine));
    const double left = match.captured(1).toDouble() * (match.captured(3) == QLatin1String("ms") ? 0.001 : 1);
    QVERIFY2(left > 0 && left <= 5.0, qPrintable(keepaliveLine));
    QVERIFY2(keepaliveLine.startsWith(QLatin1String("ESTABLISHED")), qPrintable(keepaliveLine));
    // The listener's peer is printed as ss prints it.
    QVERIFY2(listenerLine.contains(QStringLiteral("127.0.0.1:%1").arg(port))
                 && listenerLine.contains(QLatin1String("0.0.0.0:*")),
             qPrintable(listenerLine));
}

QTEST_GUILESS_MAIN(tst_SocketsCommand)
#include "tst_SocketsCommand.moc"
