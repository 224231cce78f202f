// SPDX-License-Identifier: GPL-3.0-or-later
// RouteToPeer against the kernel's own tables (RTM_GETROUTE, RTM_GETNEIGH) in namespaces the
// test creates, and `halfopen-cli predict --peer`, which decides from them whether the peer is
// on-link with dynamic ARP. Root only; loopback needs nothing.

#include "core/observe/RouteToPeer.h"
#include "tests/support/NetnsPair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/neighbour.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace halfopen;
using namespace halfopen::core;
using halfopen::testing::NetnsPair;

class RouteToPeerNetnsTest : public QObject
{
    Q_OBJECT
private slots:
    void loopbackIsLocal();
    void onLinkPeerAndItsNeighbour();
};

void RouteToPeerNetnsTest::loopbackIsLocal()
{
    QString error;
    const auto route = RouteToPeer::lookup(QHostAddress(QStringLiteral("127.0.0.1")), &error);
    QVERIFY2(route, qPrintable(error));
    QVERIFY(route->local);
    QVERIFY(!route->onLink);
    QVERIFY(!nextHopResolutionFailed(QHostAddress(QStringLiteral("127.0.0.1"))).has_value());
}

void RouteToPeerNetnsTest::onLinkPeerAndItsNeighbour()
{
    if (::geteuid() != 0)
        QSKIP("creating network namespaces with ip netns needs root");
    NetnsPair net;
    QVERIFY(net.isReady());
    const int home = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    const int a = ::open(QStringLiteral("/run/netns/%1").arg(net.a()).toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(home >= 0 && a >= 0);
    QCOMPARE(::setns(a, CLONE_NEWNET), 0);
    ::close(a);
    auto back = qScopeGuard([&] {
        ::setns(home, CLONE_NEWNET);
        ::close(home);
    });

    const QHostAddress peer{QLatin1String(NetnsPair::kAddressB)};
    QString error;
    const auto route = RouteToPeer::lookup(peer, &error);
    QVERIFY2(route, qPrintable(error));
    QVERIFY(route->onLink);
    QVERIFY(route->gateway.isNull());
    QCOMPARE(route->interfaceName, QStringLiteral("hoa%1").arg(::getpid()));
    QCOMPARE(route->source, QHostAddress(QLatin1String(NetnsPair::kAddressA)));
    QCOMPARE(route->nextHop(peer), peer);
    // NetnsPair pins the neighbour: PERMANENT, resolution cannot fail.
    const auto state = neighbourState(route->interfaceIndex, peer);
    QVERIFY(state);
    QVERIFY(*state & NUD_PERMANENT);
    QCOMPARE(nextHopResolutionFailed(peer), std::optional<bool>(false));
    // An address on the link nobody has: the kernel's resolution fails (3 broadcast probes).
    const QHostAddress nobody(QStringLiteral("198.18.0.77"));
    // One UDP datagram from inside a (this thread lives there now) starts the resolution; it
    // never leaves the pair's link.
    const int udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(udp >= 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(9);
    to.sin_addr.s_addr = htonl(nobody.toIPv4Address());
    ::sendto(udp, "x", 1, 0, reinterpret_cast<sockaddr *>(&to), sizeof to);
    ::close(udp);
    QTRY_COMPARE_WITH_TIMEOUT(nextHopResolutionFailed(nobody), std::optional<bool>(true), 6000);
    QVERIFY(
        neighbourStateName(*neighbourState(route->interfaceIndex, nobody)).contains(QLatin1String("FAILED"))
        || neighbourStateName(*neighbourState(route->interfaceIndex, nobody)).contains(QLatin1String("INCOMPLETE")));

    // predict --peer: static for the pinned peer, dynamic ARP for the unpinned one.
    auto predict = [&](const QHostAddress &address) {
        QProcess p;
        p.start(QStringLiteral("ip"),
                {QStringLiteral("netns"), QStringLiteral("exec"), net.a(), QStringLiteral(HALFOPEN_CLI),
                 QStringLiteral("predict"), QStringLiteral("--peer"), address.toString(),
                 QStringLiteral("--user-timeout"), QStringLiteral("60000"), QStringLiteral("--json")});
        p.waitForFinished(10000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    };
    QJsonObject json = predict(peer);
    QJsonObject assumed = json.value(QStringLiteral("assumed")).toObject();
    QCOMPARE(assumed.value(QStringLiteral("route")).toString(), QStringLiteral("on-link"));
    QCOMPARE(assumed.value(QStringLiteral("neighbour")).toString(), QStringLiteral("static"));
    QVERIFY(!json.value(QStringLiteral("peer_unplugged_data_in_flight")).toObject().contains(QStringLiteral("paths")));
    QVERIFY(QProcess::execute(QStringLiteral("ip"),
                              {QStringLiteral("-n"), net.a(), QStringLiteral("neigh"), QStringLiteral("del"),
                               peer.toString(), QStringLiteral("dev"), route->interfaceName})
            == 0);
    json = predict(peer);
    assumed = json.value(QStringLiteral("assumed")).toObject();
    QCOMPARE(assumed.value(QStringLiteral("neighbour")).toString(), QStringLiteral("dynamic"));
    QCOMPARE(json.value(QStringLiteral("peer_unplugged_data_in_flight"))
                 .toObject()
                 .value(QStringLiteral("paths"))
                 .toArray()
                 .size(),
             2);
}

QTEST_GUILESS_MAIN(RouteToPeerNetnsTest)
#include "tst_RouteToPeerNetns.moc"
