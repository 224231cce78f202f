// SPDX-License-Identifier: GPL-3.0-or-later
// SockDiagClient against the real kernel on loopback: the rows match what `ss` prints, timers
// and queues are the kernel's, the kernel-side filters filter, lookups find exactly one socket.

#include "LoopbackSockets.h"
#include "SsReference.h"

#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagSnapshot.h"

#include <QElapsedTimer>
#include <QTest>

using namespace halfopen::core;

namespace {

SockDiagFilter portFilter(quint16 port)
{
    SockDiagFilter filter;
    filter.port = port;
    return filter;
}

QList<SockDiagRow> dumpRows(SockDiagClient &client, const SockDiagFilter &filter)
{
    SockDiagSnapshot snapshot;
    if (!client.dump(filter, &snapshot))
        qWarning("dump failed: %s", qPrintable(client.errorString()));
    return snapshot.rows;
}

// The rows of sockets the test made: on a busy machine other sockets can share the port.
QList<SockDiagRow> mine(const QList<SockDiagRow> &rows, std::initializer_list<const LoopbackSockets *> owners)
{
    QList<SockDiagRow> kept;
    for (const SockDiagRow &row : rows) {
        for (const LoopbackSockets *owner : owners) {
            if (owner->owns(row)) {
                kept.append(row);
                break;
            }
        }
    }
    return kept;
}

QStringList keys(const QList<SockDiagRow> &rows)
{
    QStringList list;
    for (const SockDiagRow &row : rows)
        list.append(SsReference::key(row));
    list.sort();
    return list;
}

const SockDiagRow *rowOf(const QList<SockDiagRow> &rows, int fd)
{
    const quint32 inode = LoopbackSockets::inodeOf(fd);
    for (const SockDiagRow &row : rows) {
        if (row.inode == inode)
            return &row;
    }
    return nullptr;
}

const SockDiagRow *rowWith(const QList<SockDiagRow> &rows, const SocketAddress &local, const SocketAddress &remote)
{
    for (const SockDiagRow &row : rows) {
        if (row.local.toString() == local.toString() && row.remote.toString() == remote.toString())
            return &row;
    }
    return nullptr;
}

} // namespace

class tst_SockDiagClient : public QObject
{
    Q_OBJECT

private slots:
    void parityWithSs();
    void keepaliveTimerCountsDownFromIdle();
    void portFilterRunsInTheKernelRequest();
    void stateFilterSelectsOnlyThoseStates();
    void stateNamesParseOursAndSs();
    void lookupFindsOneSocketByItsTuple();
    void lookupDoesNotFallBackToTheListener();
    void readTimerForAnOwnedSocket();
    void badNamespaceIsAClearError();
};

// Every kind of row ss shows for a port: listener with a connection waiting in the accept
// queue, idle pairs, unread data, a full send buffer against a zero window, FIN_WAIT_2 /
// CLOSE_WAIT, TIME_WAIT, and IPv6.
void tst_SockDiagClient::parityWithSs()
{
    LoopbackSockets v4(AF_INET);
    QVERIFY(v4.isListening());
    const quint16 port = v4.port();
    LoopbackSockets v6(AF_INET6, port);
    QVERIFY2(v6.isListening(), "cannot listen on [::1] with the port chosen for 127.0.0.1");

    const auto idle = v4.connect();
    const auto unread = v4.connect();
    const auto halfClosed = v4.connect();
    const auto closed = v4.connect();
    const auto full = v4.connect();
    const auto idle6 = v6.connect();
    QVERIFY(idle.server >= 0 && unread.server >= 0 && halfClosed.server >= 0 && closed.server >= 0 && full.server >= 0
            && idle6.server >= 0);
    QVERIFY(LoopbackSockets::send(unread.client, 1000));
    QVERIFY(LoopbackSockets::send(idle6.client, 333));
    QVERIFY(LoopbackSockets::fillSendBuffer(full.client) > 0);
    v4.close(halfClosed.client);            // client FIN_WAIT_2, server CLOSE_WAIT
    v4.close(closed.client);                // client closes first ...
    v4.close(closed.server);                // ... so it ends in TIME_WAIT
    const auto waiting = v4.connect(false); // stays in the listener's accept queue
    QVERIFY(waiting.client >= 0);

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const QString halfClosedClient = LoopbackSockets::peer(halfClosed.server).toString();
    const QString halfClosedServer = LoopbackSockets::local(halfClosed.server).toString();

    // The closes settle when the peers' (possibly delayed) ACKs of the FINs arrive: wait for
    // FIN_WAIT_2 and TIME_WAIT before comparing, so both tools see the final states.
    auto settled = [&] {
        const QList<SockDiagRow> rows = mine(dumpRows(client, portFilter(port)), {&v4, &v6});
        int timeWaits = 0;
        bool finWait2 = false;
        for (const SockDiagRow &row : rows) {
            timeWaits += row.sample.state == TcpState::TimeWait;
            finWait2 |= row.local.toString() == halfClosedClient && row.remote.toString() == halfClosedServer
                && row.sample.state == TcpState::FinWait2;
        }
        return timeWaits == 1 && finWait2;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);

    // The two tools read at different instants: retry until a pair of reads agree (the zero
    // window and the closes settle within milliseconds on loopback).
    QStringList ours;
    QStringList theirs;
    QElapsedTimer waited;
    waited.start();
    do {
        if (!ours.isEmpty())
            QTest::qWait(50);
        QString error;
        theirs = SsReference::rowsForPort(port, &error, [&](const QString &local, const QString &peer) {
            return v4.owns(local, peer) || v6.owns(local, peer);
        });
        QVERIFY2(!theirs.isEmpty(), qPrintable(error));
        ours = keys(mine(dumpRows(client, portFilter(port)), {&v4, &v6}));
    } while (ours != theirs && waited.elapsed() < 5000);
    QCOMPARE(ours, theirs);

    // The interesting rows are really there (not just two empty lists agreeing).
    const QList<SockDiagRow> rows = mine(dumpRows(client, portFilter(port)), {&v4, &v6});
    // 2 listeners, 7 pairs (the waiting one's server half sits unaccepted in the queue), minus
    // the closed pair's server, which is gone.
    QCOMPARE(rows.size(), 2 + 2 * 7 - 1);
    const SockDiagRow *listener = rowOf(rows, v4.listener());
    QVERIFY(listener);
    QCOMPARE(listener->sample.state, TcpState::Listen);
    QCOMPARE(listener->sample.recvQ, 1u);  // the connection nobody accepted
    QCOMPARE(listener->sample.sendQ, 16u); // the backlog limit, as ss shows it
    QCOMPARE(rowOf(rows, unread.server)->sample.recvQ, 1000u);
    QCOMPARE(rowOf(rows, idle6.server)->sample.recvQ, 333u);
    QCOMPARE(rowOf(rows, idle6.server)->local.toString(), QStringLiteral("[::1]:%1").arg(port));
    QVERIFY(rowOf(rows, full.client)->sample.sendQ > 0);
    QCOMPARE(rowOf(rows, halfClosed.server)->sample.state, TcpState::CloseWait);
    const SockDiagRow *finWait
        = rowWith(rows, LoopbackSockets::peer(halfClosed.server), LoopbackSockets::local(halfClosed.server));
    QVERIFY(finWait);
    QCOMPARE(finWait->sample.state, TcpState::FinWait2);
    QCOMPARE(finWait->inode, 0u); // closed: no process holds it any more
    int timeWaits = 0;
    for (const SockDiagRow &row : rows) {
        if (row.sample.state == TcpState::TimeWait) {
            ++timeWaits;
            QCOMPARE(row.sample.timer, TcpTimer::TimeWait);
            QVERIFY(!row.hasTcpInfo);
            QVERIFY(row.sample.timerExpiresMs > 0 && row.sample.timerExpiresMs <= 60000);
        }
    }
    QCOMPARE(timeWaits, 1);
}

// TCP_KEEPIDLE 7 s on an idle connection: the kernel's keepalive timer runs and has at most 7 s
// left, minus the time since it was armed (the timer ticks in 4 ms jiffies at HZ=250).
void tst_SockDiagClient::keepaliveTimerCountsDownFromIdle()
{
    constexpr int kIdleS = 7;
    constexpr qint64 kJiffyMs = 4;
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    QElapsedTimer sinceArmed;
    sinceArmed.start();
    QVERIFY(LoopbackSockets::setKeepalive(pair.client, kIdleS, 2, 3));

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const QList<SockDiagRow> rows = dumpRows(client, portFilter(sockets.port()));
    const qint64 elapsedMs = sinceArmed.elapsed();

    const SockDiagRow *keepalive = rowOf(rows, pair.client);
    QVERIFY(keepalive);
    QVERIFY(keepalive->sample.timerKnown);
    QCOMPARE(keepalive->sample.timer, TcpTimer::Keepalive);
    QVERIFY2(keepalive->sample.timerExpiresMs <= kIdleS * 1000,
             qPrintable(QString::number(keepalive->sample.timerExpiresMs)));
    QVERIFY2(keepalive->sample.timerExpiresMs >= kIdleS * 1000 - elapsedMs - kJiffyMs,
             qPrintable(QStringLiteral("%1 ms left after %2 ms").arg(keepalive->sample.timerExpiresMs).arg(elapsedMs)));
    QCOMPARE(keepalive->sample.probes, 0); // nothing sent yet: ss's third field is 0
    QVERIFY(keepalive->hasTcpInfo);
    QVERIFY(keepalive->sample.rtoUs >= 200000); // RTO min 200 ms

    // The peer without keepalive runs no timer at all.
    const SockDiagRow *plain = rowOf(rows, pair.server);
    QVERIFY(plain);
    QCOMPARE(plain->sample.timer, TcpTimer::Off);
    QCOMPARE(plain->sample.timerExpiresMs, 0);
}

// Two listeners with connections: a dump for one port returns exactly that port's sockets,
// the same set an unfiltered dump holds for it.
void tst_SockDiagClient::portFilterRunsInTheKernelRequest()
{
    LoopbackSockets a;
    LoopbackSockets b;
    QVERIFY(a.isListening() && b.isListening());
    QVERIFY(a.connect().server >= 0);
    QVERIFY(a.connect().server >= 0);
    QVERIFY(b.connect().server >= 0);

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const QList<SockDiagRow> onlyA = dumpRows(client, portFilter(a.port()));
    const QList<SockDiagRow> all = dumpRows(client, SockDiagFilter{});

    // Every row the kernel sent has the port; ours are all there and b's are not.
    for (const SockDiagRow &row : onlyA)
        QVERIFY(row.local.port() == a.port() || row.remote.port() == a.port());
    QCOMPARE(mine(onlyA, {&a}).size(), 1 + 2 * 2);
    QCOMPARE(mine(onlyA, {&b}).size(), 0);
    // The same rows as the unfiltered dump holds for a's sockets.
    QCOMPARE(keys(mine(onlyA, {&a})), keys(mine(all, {&a})));
    QCOMPARE(mine(all, {&b}).size(), 1 + 2);
}

void tst_SockDiagClient::stateFilterSelectsOnlyThoseStates()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto open1 = sockets.connect();
    const auto open2 = sockets.connect();
    const auto closing = sockets.connect();
    QVERIFY(open1.server >= 0 && open2.server >= 0 && closing.server >= 0);
    const QString closer = LoopbackSockets::local(closing.client).toString();
    sockets.close(closing.client);
    sockets.close(closing.server);

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    SockDiagFilter filter = portFilter(sockets.port());

    // Every row returned is in the state asked for; of ours, exactly the expected ones.
    auto onlyIn = [&](std::initializer_list<TcpState> states) {
        for (const SockDiagRow &row : dumpRows(client, filter)) {
            if (std::find(states.begin(), states.end(), row.sample.state) == states.end())
                return false;
        }
        return true;
    };
    filter.onlyStates({TcpState::Listen});
    QVERIFY(onlyIn({TcpState::Listen}));
    QList<SockDiagRow> rows = mine(dumpRows(client, filter), {&sockets});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().sample.state, TcpState::Listen);
    QCOMPARE(rows.first().inode, LoopbackSockets::inodeOf(sockets.listener()));

    filter.onlyStates({TcpState::Established});
    QVERIFY(onlyIn({TcpState::Established}));
    rows = mine(dumpRows(client, filter), {&sockets});
    QCOMPARE(rows.size(), 4);
    for (const SockDiagRow &row : rows)
        QCOMPARE(row.sample.state, TcpState::Established);

    // The closing pair settles within milliseconds: the active closer in TIME_WAIT.
    filter.onlyStates({TcpState::TimeWait});
    QTRY_COMPARE_WITH_TIMEOUT(mine(dumpRows(client, filter), {&sockets}).size(), 1, 5000);
    QVERIFY(onlyIn({TcpState::TimeWait}));
    rows = mine(dumpRows(client, filter), {&sockets});
    QCOMPARE(rows.first().sample.state, TcpState::TimeWait);
    QCOMPARE(rows.first().local.toString(), closer);

    filter.onlyStates({TcpState::Listen, TcpState::TimeWait});
    QVERIFY(onlyIn({TcpState::Listen, TcpState::TimeWait}));
    QCOMPARE(mine(dumpRows(client, filter), {&sockets}).size(), 2);
    filter.onlyStates({TcpState::CloseWait});
    QVERIFY(onlyIn({TcpState::CloseWait}));
    QCOMPARE(mine(dumpRows(client, filter), {&sockets}).size(), 0);
}

void tst_SockDiagClient::stateNamesParseOursAndSs()
{
    QString error;
    const auto bits = SockDiagFilter::statesFromNames(QStringLiteral("time-wait,ESTAB,LISTEN"), &error);
    QVERIFY2(bits, qPrintable(error));
    QCOMPARE(*bits,
             SockDiagFilter::stateBit(TcpState::TimeWait) | SockDiagFilter::stateBit(TcpState::Established)
                 | SockDiagFilter::stateBit(TcpState::Listen));
    QCOMPARE(SockDiagFilter::statesFromNames(QStringLiteral("CLOSE_WAIT"), &error),
             std::optional<quint32>(SockDiagFilter::stateBit(TcpState::CloseWait)));
    QVERIFY(!SockDiagFilter::statesFromNames(QStringLiteral("ESTABLISHED,bogus"), &error));
    QVERIFY2(error.contains(QLatin1String("bogus")) && error.contains(QLatin1String("TIME_WAIT")), qPrintable(error));
}

void tst_SockDiagClient::lookupFindsOneSocketByItsTuple()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    QVERIFY(LoopbackSockets::setKeepalive(pair.client, 30, 5, 3));

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    SockDiagRow row;
    QCOMPARE(client.lookup(LoopbackSockets::local(pair.client), LoopbackSockets::peer(pair.client), &row),
             SockDiagClient::LookupResult::Found);
    QCOMPARE(row.inode, LoopbackSockets::inodeOf(pair.client));
    QCOMPARE(row.sample.state, TcpState::Established);
    QCOMPARE(row.sample.timer, TcpTimer::Keepalive);
    QVERIFY(row.sample.timerExpiresMs > 0 && row.sample.timerExpiresMs <= 30000);

    // The same socket as a dump sees it: same cookie.
    const auto rows = dumpRows(client, portFilter(sockets.port())); // rowOf points into it
    const SockDiagRow *dumped = rowOf(rows, pair.client);
    QVERIFY(dumped);
    QCOMPARE(row.cookie, dumped->cookie);

    // Polled as the endpoint does (20 Hz): each lookup answers on its own, in order.
    SockDiagRow serverRow;
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(client.lookup(LoopbackSockets::local(pair.server), LoopbackSockets::peer(pair.server), &serverRow),
                 SockDiagClient::LookupResult::Found);
        QCOMPARE(serverRow.inode, LoopbackSockets::inodeOf(pair.server));
    }

    // Gone after an abortive close (RST, no TIME_WAIT): NotFound, not a failure.
    const SocketAddress local = LoopbackSockets::local(pair.client);
    const SocketAddress remote = LoopbackSockets::peer(pair.client);
    const linger abort{1, 0};
    QVERIFY(::setsockopt(pair.client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
    sockets.close(pair.client);
    QCOMPARE(client.lookup(local, remote, &row), SockDiagClient::LookupResult::NotFound);
}

// The kernel's lookup falls back to a listener bound to the local port; a 4-tuple lookup must
// not report the listener as the connection asked for.
void tst_SockDiagClient::lookupDoesNotFallBackToTheListener()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));

    QString error;
    const SocketAddress local = SocketAddress::parse(QStringLiteral("127.0.0.1:%1").arg(sockets.port()), &error);
    const SocketAddress nobody = SocketAddress::parse(QStringLiteral("127.0.0.1:1"), &error);
    SockDiagRow row;
    const auto result = client.lookup(local, nobody, &row);
    QVERIFY2(result == SockDiagClient::LookupResult::NotFound,
             qPrintable(QStringLiteral("got %1 for %2 -> %3 (%4)")
                            .arg(int(result))
                            .arg(row.local.toString(), row.remote.toString(), tcpStateName(row.sample.state))));

    // The listener itself has the any-address as its peer.
    const SocketAddress any = SocketAddress::parse(QStringLiteral("0.0.0.0:0"), &error, true);
    QCOMPARE(client.lookup(local, any, &row), SockDiagClient::LookupResult::Found);
    QCOMPARE(row.sample.state, TcpState::Listen);
    QCOMPARE(row.inode, LoopbackSockets::inodeOf(sockets.listener()));
}

// What TcpInfoSampler asks 20 times a second: the timer of a socket it holds, by fd.
void tst_SockDiagClient::readTimerForAnOwnedSocket()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto idle = sockets.connect();
    const auto full = sockets.connect();
    QVERIFY(idle.server >= 0 && full.server >= 0);
    QVERIFY(LoopbackSockets::setKeepalive(idle.client, 11, 2, 3));
    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));

    TcpInfoSample sample;
    QVERIFY2(client.readTimer(idle.client, &sample), qPrintable(client.errorString()));
    QVERIFY(sample.timerKnown);
    QCOMPARE(sample.timer, TcpTimer::Keepalive);
    QVERIFY2(sample.timerExpiresMs > 0 && sample.timerExpiresMs <= 11000,
             qPrintable(QString::number(sample.timerExpiresMs)));
    QCOMPARE(sample.probes, 0);

    TcpInfoSample peer;
    QVERIFY(client.readTimer(idle.server, &peer));
    QVERIFY(peer.timerKnown);
    QCOMPARE(peer.timer, TcpTimer::Off);

    // The peer never reads: its window closes and the sender probes it on the persist timer
    // (ss: "persist"), counting zero-window probes in the third field.
    QVERIFY(LoopbackSockets::fillSendBuffer(full.client) > 0);
    TcpInfoSample zeroWindow;
    QTRY_VERIFY_WITH_TIMEOUT(client.readTimer(full.client, &zeroWindow) && zeroWindow.timer == TcpTimer::Persist, 5000);
    QVERIFY(zeroWindow.timerExpiresMs > 0);

    // Reset by the peer (SO_LINGER 0): the socket is gone and has no peer any more.
    const linger abort{1, 0};
    QVERIFY(::setsockopt(idle.client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
    sockets.close(idle.client);
    TcpInfoSample afterReset;
    QTRY_VERIFY_WITH_TIMEOUT(!client.readTimer(idle.server, &afterReset), 5000);
    QVERIFY(!afterReset.timerKnown);
}

void tst_SockDiagClient::badNamespaceIsAClearError()
{
    SockDiagClient client;
    QVERIFY(!client.openInNamespace(QStringLiteral("/nonexistent/netns")));
    QCOMPARE(client.errorNumber(), ENOENT);
    QVERIFY2(client.errorString().contains(QLatin1String("ENOENT"))
                 && client.errorString().contains(QLatin1String("/nonexistent/netns")),
             qPrintable(client.errorString()));

    // A namespace file of another kind is refused before setns() could enter it.
    QVERIFY(!client.openInNamespace(QStringLiteral("/proc/self/ns/uts")));
    QVERIFY2(client.errorString().contains(QLatin1String("not a network namespace")), qPrintable(client.errorString()));
    QVERIFY(!client.isOpen());
}

QTEST_GUILESS_MAIN(tst_SockDiagClient)
#include "tst_SockDiagClient.moc"
