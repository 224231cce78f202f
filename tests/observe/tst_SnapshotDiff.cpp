// SPDX-License-Identifier: GPL-3.0-or-later
// SnapshotDiff on snapshots of the real kernel: connections closed, killed and opened between
// two sock_diag dumps become the `state` events the product shows for sockets nobody owns.

#include "LoopbackSockets.h"

#include "core/observe/SnapshotDiff.h"
#include "core/observe/SockDiagClient.h"

#include <QTest>

#include <functional>

#include <csignal>
#include <sys/wait.h>

using namespace halfopen::core;

namespace {

using Owned = std::function<bool(const SockDiagRow &)>;

// A snapshot of the port, keeping only the sockets the test made: on a busy machine other
// sockets share the port (e.g. an earlier connection to it still in TIME_WAIT), and their
// comings and goings are not this test's events.
SockDiagSnapshot take(SockDiagClient &client, quint16 port, const Owned &owned)
{
    SockDiagFilter filter;
    filter.port = port;
    SockDiagSnapshot snapshot;
    if (!client.dump(filter, &snapshot))
        qWarning("dump failed: %s", qPrintable(client.errorString()));
    snapshot.rows.removeIf([&owned](const SockDiagRow &row) { return !owned(row); });
    return snapshot;
}

Owned ownedBy(const LoopbackSockets &sockets)
{
    return [&sockets](const SockDiagRow &row) { return sockets.owns(row); };
}

const SockDiagRow *rowWith(const SockDiagSnapshot &snapshot, const QString &local, const QString &remote)
{
    for (const SockDiagRow &row : snapshot.rows) {
        if (row.local.toString() == local && row.remote.toString() == remote)
            return &row;
    }
    return nullptr;
}

TcpState stateOf(const SockDiagSnapshot &snapshot, const QString &local, const QString &remote)
{
    const SockDiagRow *row = rowWith(snapshot, local, remote);
    return row ? row->sample.state : TcpState::Unknown;
}

const Event *eventFor(const QList<Event> &events, const QString &local, const QString &remote)
{
    for (const Event &event : events) {
        if (event.local == local && event.remote == remote)
            return &event;
    }
    return nullptr;
}

SockDiagRow syntheticRow(const QString &local, const QString &remote, TcpState state, quint64 cookie)
{
    QString error;
    SockDiagRow row;
    row.local = SocketAddress::parse(local, &error);
    row.remote = SocketAddress::parse(remote, &error);
    row.sample.state = state;
    row.cookie = cookie;
    return row;
}

} // namespace

class tst_SnapshotDiff : public QObject
{
    Q_OBJECT

private slots:
    void activeCloserGoesToTimeWait();
    void killedPeerLeavesCloseWaitAndAnOrphan();
    void newConnectionAppears();
    void unchangedSocketsGiveNoEvents();
    void requestSocketBecomingItsChildIsOneChange();
};

// close() on the client, then on the server once it read the FIN: the client (active closer)
// goes ESTABLISHED -> TIME_WAIT under the same cookie, the server's socket is gone (-> CLOSED).
void tst_SnapshotDiff::activeCloserGoesToTimeWait()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    const QString clientLocal = LoopbackSockets::local(pair.client).toString();
    const QString serverLocal = LoopbackSockets::local(pair.server).toString();

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const SockDiagSnapshot before = take(client, sockets.port(), ownedBy(sockets));
    QCOMPARE(before.rows.size(), 3);
    const quint64 clientCookie = rowWith(before, clientLocal, serverLocal)->cookie;

    sockets.close(pair.client);
    char byte;
    QCOMPARE(::recv(pair.server, &byte, 1, 0), 0); // the FIN: end of stream
    sockets.close(pair.server);
    SockDiagSnapshot after;
    QTRY_VERIFY_WITH_TIMEOUT(
        (after = take(client, sockets.port(), ownedBy(sockets)),
         stateOf(after, clientLocal, serverLocal) == TcpState::TimeWait && !rowWith(after, serverLocal, clientLocal)),
        5000);

    const QList<Event> events = SnapshotDiff(halfopen::core::Host::Local).stateEvents(before, after);
    QCOMPARE(events.size(), 2);
    for (const Event &event : events) {
        QCOMPARE(event.kind, EventKind::State);
        QCOMPARE(event.host, halfopen::core::Host::Local);
        QCOMPARE(event.tUs, after.takenAtUs);
        QVERIFY(event.sample.has_value());
    }
    QVERIFY(after.takenAtUs > before.takenAtUs);

    const Event *closer = eventFor(events, clientLocal, serverLocal);
    QVERIFY(closer);
    QCOMPARE(closer->fromState, TcpState::Established);
    QCOMPARE(closer->toState, TcpState::TimeWait);
    QCOMPARE(closer->sample->state, TcpState::TimeWait);
    QCOMPARE(closer->sample->timer, TcpTimer::TimeWait);
    // Matched by cookie: the kernel's TIME_WAIT socket keeps the full socket's cookie.
    QCOMPARE(rowWith(after, clientLocal, serverLocal)->cookie, clientCookie);

    const Event *gone = eventFor(events, serverLocal, clientLocal);
    QVERIFY(gone);
    QCOMPARE(gone->fromState, TcpState::Established);
    QCOMPARE(gone->toState, TcpState::Closed);
    QCOMPARE(gone->sample->state, TcpState::Established); // the last sample seen
}

// kill -9 of the process holding one end: its kernel sends the FIN, the survivor sits in
// CLOSE_WAIT, and the dead process's socket lingers in FIN_WAIT_2 owned by nobody (inode 0).
void tst_SnapshotDiff::killedPeerLeavesCloseWaitAndAnOrphan()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const quint16 port = sockets.port();
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Only async-signal-safe calls in the child of a Qt process.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(port);
        if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            ::_exit(1);
        for (;;)
            ::pause();
    }
    auto reap = qScopeGuard([child] {
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    });
    const int server = ::accept4(sockets.listener(), nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(server >= 0);
    auto closeServer = qScopeGuard([server] { ::close(server); });
    const QString serverLocal = LoopbackSockets::local(server).toString();
    const QString childLocal = LoopbackSockets::peer(server).toString();

    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const Owned owned = [&](const SockDiagRow &row) {
        const QString local = row.local.toString();
        const QString remote = row.remote.toString();
        return sockets.owns(row) || (local == serverLocal && remote == childLocal)
            || (local == childLocal && remote == serverLocal);
    };
    const SockDiagSnapshot before = take(client, port, owned);
    const SockDiagRow *childRow = rowWith(before, childLocal, serverLocal);
    QVERIFY(childRow);
    QVERIFY(childRow->inode != 0); // the child holds it

    QCOMPARE(::kill(child, SIGKILL), 0);
    QCOMPARE(::waitpid(child, nullptr, 0), child);
    reap.dismiss();
    SockDiagSnapshot after;
    QTRY_VERIFY_WITH_TIMEOUT((after = take(client, port, owned),
                              stateOf(after, serverLocal, childLocal) == TcpState::CloseWait
                                  && stateOf(after, childLocal, serverLocal) == TcpState::FinWait2),
                             5000);
    QCOMPARE(rowWith(after, childLocal, serverLocal)->inode, 0u);

    const QList<Event> events = SnapshotDiff(halfopen::core::Host::Server).stateEvents(before, after);
    QCOMPARE(events.size(), 2);
    const Event *survivor = eventFor(events, serverLocal, childLocal);
    QVERIFY(survivor);
    QCOMPARE(survivor->fromState, TcpState::Established);
    QCOMPARE(survivor->toState, TcpState::CloseWait);
    const Event *orphan = eventFor(events, childLocal, serverLocal);
    QVERIFY(orphan);
    QCOMPARE(orphan->fromState, TcpState::Established);
    QCOMPARE(orphan->toState, TcpState::FinWait2);
    QCOMPARE(orphan->host, halfopen::core::Host::Server);
}

void tst_SnapshotDiff::newConnectionAppears()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const SockDiagSnapshot before = take(client, sockets.port(), ownedBy(sockets));
    QCOMPARE(before.rows.size(), 1);

    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    const SockDiagSnapshot after = take(client, sockets.port(), ownedBy(sockets));

    const QList<Event> events = SnapshotDiff(halfopen::core::Host::Local).stateEvents(before, after);
    QCOMPARE(events.size(), 2);
    for (const Event &event : events) {
        QCOMPARE(event.fromState, TcpState::Unknown);
        QCOMPARE(event.toState, TcpState::Established);
    }
    QVERIFY(eventFor(events, LoopbackSockets::local(pair.client).toString(),
                     LoopbackSockets::peer(pair.client).toString()));
    QVERIFY(eventFor(events, LoopbackSockets::local(pair.server).toString(),
                     LoopbackSockets::peer(pair.server).toString()));
}

// Traffic changes samples (queues, counters), not states: no state event.
void tst_SnapshotDiff::unchangedSocketsGiveNoEvents()
{
    LoopbackSockets sockets;
    QVERIFY(sockets.isListening());
    const auto pair = sockets.connect();
    QVERIFY(pair.server >= 0);
    SockDiagClient client;
    QVERIFY2(client.open(), qPrintable(client.errorString()));
    const SockDiagSnapshot before = take(client, sockets.port(), ownedBy(sockets));
    QVERIFY(LoopbackSockets::send(pair.client, 500));
    SockDiagSnapshot after;
    QTRY_VERIFY_WITH_TIMEOUT(
        (after = take(client, sockets.port(), ownedBy(sockets)),
         rowWith(after, LoopbackSockets::local(pair.server).toString(), LoopbackSockets::peer(pair.server).toString())
                 ->sample.recvQ
             == 500),
        5000);
    QCOMPARE(after.rows.size(), before.rows.size());
    QVERIFY(SnapshotDiff(halfopen::core::Host::Local).stateEvents(before, after).isEmpty());
}

// The kernel replaces a request socket (SYN_RECV) by a new full socket with a new cookie:
// the same 4-tuple makes it one SYN_RECV -> ESTABLISHED change, not a vanish plus an appear.
// Rows built by hand: a loopback handshake completes too fast to catch the request socket.
void tst_SnapshotDiff::requestSocketBecomingItsChildIsOneChange()
{
    const QString server = QStringLiteral("127.0.0.1:5000");
    const QString peer = QStringLiteral("127.0.0.1:40000");
    SockDiagSnapshot before;
    before.takenAtUs = 1000;
    before.rows = {syntheticRow(server, peer, TcpState::SynRecv, 10),
                   syntheticRow(server, QStringLiteral("127.0.0.1:40001"), TcpState::Established, 11)};
    SockDiagSnapshot after;
    after.takenAtUs = 2000;
    after.rows = {syntheticRow(server, peer, TcpState::Established, 12),
                  syntheticRow(server, QStringLiteral("127.0.0.1:40001"), TcpState::CloseWait, 11)};

    const QList<Event> events = SnapshotDiff(halfopen::core::Host::Server).stateEvents(before, after);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].local, server);
    QCOMPARE(events[0].remote, peer);
    QCOMPARE(events[0].fromState, TcpState::SynRecv);
    QCOMPARE(events[0].toState, TcpState::Established);
    QCOMPARE(events[0].tUs, 2000);
    QCOMPARE(events[1].fromState, TcpState::Established);
    QCOMPARE(events[1].toState, TcpState::CloseWait);
}

QTEST_GUILESS_MAIN(tst_SnapshotDiff)
#include "tst_SnapshotDiff.moc"
