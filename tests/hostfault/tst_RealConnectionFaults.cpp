// SPDX-License-Identifier: GPL-3.0-or-later
// The window's controller for faults on real connections, on loopback connections of this test
// inside a network namespace of its own (unshare as root): nothing it does reaches the host.

#include "hostfault/NftCut.h"
#include "hostfault/RealConnectionFaults.h"

#include "core/tcp/SocketAddress.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// glibc's netinet/in.h before the kernel's headers.
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>

#include <cerrno>
#include <csignal>
#include <cstring>

using namespace halfopen::core;
using namespace halfopen::hostfault;

namespace {

QString nftTables()
{
    QProcess p;
    p.start(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("tables")});
    p.waitForFinished(5000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool processStoppedNow(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    return stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") T ");
}

// One nfnetlink_queue configuration message for `queue`; true when the kernel acknowledged it.
template<typename Payload> bool configureQueue(int fd, quint16 queue, quint16 attribute, const Payload &payload)
{
    const size_t at = NLMSG_HDRLEN + sizeof(nfgenmsg);
    QByteArray m(int(at + NLA_HDRLEN + NLA_ALIGN(sizeof(Payload))), '\0');
    auto *header = reinterpret_cast<nlmsghdr *>(m.data());
    header->nlmsg_len = quint32(m.size());
    header->nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_CONFIG;
    header->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
    auto *generic = reinterpret_cast<nfgenmsg *>(m.data() + NLMSG_HDRLEN);
    generic->nfgen_family = AF_UNSPEC;
    generic->version = NFNETLINK_V0;
    generic->res_id = htons(queue);
    auto *a = reinterpret_cast<nlattr *>(m.data() + at);
    a->nla_len = quint16(NLA_HDRLEN + sizeof(Payload));
    a->nla_type = attribute;
    std::memcpy(m.data() + at + NLA_HDRLEN, &payload, sizeof(Payload));
    char answer[512];
    return ::send(fd, m.constData(), size_t(m.size()), 0) == m.size() && ::recv(fd, answer, sizeof answer, 0) > 0
        && reinterpret_cast<nlmsgerr *>(NLMSG_DATA(reinterpret_cast<nlmsghdr *>(answer)))->error == 0;
}

// Binds nfqueue `queue` in this network namespace as an NFQUEUE program (Suricata, nfqws)
// does: a netlink socket that the queue's packets, copied whole, are delivered to. -1 on failure.
int bindQueue(quint16 queue)
{
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0)
        return -1;
    nfqnl_msg_config_cmd bind{};
    bind.command = NFQNL_CFG_CMD_BIND;
    bind.pf = htons(AF_INET);
    nfqnl_msg_config_params params{};
    params.copy_range = htonl(0xffff);
    params.copy_mode = NFQNL_COPY_PACKET; // without it the kernel refuses to queue to it
    if (!configureQueue(fd, queue, NFQA_CFG_CMD, bind) || !configureQueue(fd, queue, NFQA_CFG_PARAMS, params)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// A loopback connection of this process: client and accepted ends.
struct LoopbackPair
{
    int listener = -1;
    int client = -1;
    int server = -1;
    explicit LoopbackPair(int family = AF_INET)
    {
        listener = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_storage a{};
        socklen_t len = family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
        if (family == AF_INET6) {
            reinterpret_cast<sockaddr_in6 &>(a).sin6_family = AF_INET6;
            reinterpret_cast<sockaddr_in6 &>(a).sin6_addr = in6addr_loopback;
        } else {
            reinterpret_cast<sockaddr_in &>(a).sin_family = AF_INET;
            reinterpret_cast<sockaddr_in &>(a).sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        }
        ::bind(listener, reinterpret_cast<sockaddr *>(&a), len);
        ::listen(listener, 1);
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&a), &len);
        client = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        ::connect(client, reinterpret_cast<sockaddr *>(&a), len);
        server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        timeval tv{0, 300000};
        ::setsockopt(server, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~LoopbackPair()
    {
        for (int fd : {listener, client, server})
            if (fd >= 0)
                ::close(fd);
    }
    TargetConnection target() const
    {
        TargetQuery q;
        q.pid = ::getpid();
        q.local = SocketAddress::localOf(client);
        q.remote = SocketAddress::peerOf(client);
        TargetConnection t;
        QString error;
        if (!findTarget(q, &t, &error))
            qWarning("%s", qPrintable(error));
        return t;
    }
};

} // namespace

class RealConnectionFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void confirmationNamesProcessAndConnection();
    void outgoingCutsGoToAFreeQueue();
    void aQueueAnotherProgramHoldsIsLeftAlone();
    void cutDropsOnlyThatConnectionUntilReplug_data();
    void cutDropsOnlyThatConnectionUntilReplug();
    void leavingLiftsEverything();
    void abortGivesEconnaborted();
    void freezeIsThawedWhenTheControllerGoes();

private:
    bool m_root = false;
};

void RealConnectionFaultsTest::initTestCase()
{
    m_root = ::geteuid() == 0;
    if (!m_root)
        return;
    // A network namespace of our own for this thread (and the nft processes it starts).
    QVERIFY2(::unshare(CLONE_NEWNET) == 0, strerror(errno));
    QProcess ip;
    ip.start(QStringLiteral("ip"),
             {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")});
    QVERIFY(ip.waitForFinished(5000) && ip.exitCode() == 0);
}

void RealConnectionFaultsTest::confirmationNamesProcessAndConnection()
{
    RealConnectionFaults::Request r;
    r.kind = FaultKind::Cut;
    QString error;
    r.target.pid = 4242;
    r.target.process = QStringLiteral("mosquitto_sub");
    r.target.local = SocketAddress::parse(QStringLiteral("198.18.0.1:40000"), &error);
    r.target.remote = SocketAddress::parse(QStringLiteral("198.18.0.2:1883"), &error);
    const QString cut = RealConnectionFaults::confirmationText(r);
    QVERIFY2(cut.contains(QLatin1String("mosquitto_sub (pid 4242) 198.18.0.1:40000 -> 198.18.0.2:1883")),
             qPrintable(cut));
    QVERIFY(cut.contains(QLatin1String("both directions")) && cut.contains(QLatin1String("Replug")));
    r.kind = FaultKind::Abort;
    QVERIFY(RealConnectionFaults::confirmationText(r).contains(QLatin1String("ECONNABORTED")));
    r.kind = FaultKind::Freeze;
    QVERIFY(RealConnectionFaults::confirmationText(r).contains(QLatin1String("mosquitto_sub (pid 4242)")));
}

// What this machine sends goes to queue 61470 without bypass (nobody bound: freed, reported
// stolen), or to the next number that no program of the namespace is bound to, as
// /proc/net/netfilter/nfnetlink_queue lists them (queue, portid, queued, copy mode, ...).
void RealConnectionFaultsTest::outgoingCutsGoToAFreeQueue()
{
    QCOMPARE(NftCut::freeQueueNumber(QString()), 61470);
    QCOMPARE(NftCut::freeQueueNumber(QStringLiteral("    0  12345     0 2 65531     0     0        1  1\n")), 61470);
    QCOMPARE(NftCut::freeQueueNumber(QStringLiteral("61470  12345     0 2 65531     0     0        1  1\n"
                                                    "61471  12399     0 2 65531     0     0        1  1\n")),
             61472);
    QString error;
    const auto a = SocketAddress::parse(QStringLiteral("198.18.0.1:40000"), &error);
    const auto b = SocketAddress::parse(QStringLiteral("198.18.0.2:1883"), &error);
    const QList<NftCut::Cut> cuts{{a, b, CutDirection::Both}};
    const QString queued = NftCut::rulesFor(QStringLiteral("halfopen_1"), cuts, 61470);
    QVERIFY2(queued.contains(QLatin1String("add rule inet halfopen_1 out ip saddr 198.18.0.1 ip daddr 198.18.0.2 tcp "
                                           "sport 40000 tcp dport 1883 counter queue num 61470\n"))
                 && queued.contains(QLatin1String("add rule inet halfopen_1 in ip saddr 198.18.0.2 ip daddr "
                                                  "198.18.0.1 tcp sport 1883 tcp dport 40000 counter drop\n"))
                 && !queued.contains(QLatin1String("bypass")),
             qPrintable(queued));
    // Without nft_queue: `drop` (0), or no outgoing rule in this table (-1: nft_compat's own).
    QVERIFY(
        NftCut::rulesFor(QStringLiteral("halfopen_1"), cuts, 0).contains(QLatin1String("tcp dport 1883 counter drop")));
    QVERIFY(!NftCut::rulesFor(QStringLiteral("halfopen_1"), cuts, -1).contains(QLatin1String("tcp dport 1883")));
}

// A program of this namespace holds queue 61470: the cut takes 61471, holds it so that no
// other program can bind it while the cut lasts, and what the cut connection sends never
// reaches that program (nor the peer).
void RealConnectionFaultsTest::aQueueAnotherProgramHoldsIsLeftAlone()
{
    if (!m_root)
        QSKIP("binding a queue and cutting need CAP_NET_ADMIN");
    const int stranger = bindQueue(NftCut::kQueueNumber);
    QVERIFY2(stranger >= 0, strerror(errno));
    LoopbackPair pair;
    const TargetConnection t = pair.target();
    NftCut cut;
    QString error;
    QVERIFY2(cut.cut(t.local, t.remote, CutDirection::Both, &error), qPrintable(error));
    if (cut.outgoingSilent() == false) {
        ::close(stranger);
        QSKIP("this kernel has neither nft_queue nor nft_compat's NFQUEUE: outgoing cuts are drop, no queue");
    }
    QCOMPARE(cut.queueNumber(), NftCut::kQueueNumber + 1);
    // HalfOpen holds that queue while the cut lasts: no other program can bind it meanwhile.
    QVERIFY(cut.holdsQueue());
    QCOMPARE(bindQueue(cut.queueNumber()), -1);
    char byte = 'x';
    QCOMPARE(::send(pair.client, &byte, 1, MSG_NOSIGNAL), 1);
    // The rule counted the segment: by then it was queued (to nobody) or not at all.
    const QString port = QString::number(t.remote.port());
    QVERIFY(QTest::qWaitFor(
        [&] {
            QProcess nft;
            nft.start(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")});
            nft.waitForFinished(5000);
            for (const QString &line : QString::fromUtf8(nft.readAllStandardOutput()).split(QLatin1Char('\n'))) {
                if (line.contains(QStringLiteral("tcp dport ") + port) && !line.contains(QLatin1String("packets 0 ")))
                    return line.contains(QLatin1String("packets "));
            }
            return false;
        },
        3000));
    char in = 0;
    QCOMPARE(::recv(stranger, &in, 1, MSG_DONTWAIT), -1);
    QCOMPARE(errno, EAGAIN);
    QCOMPARE(::recv(pair.server, &in, 1, MSG_DONTWAIT), -1);
    ::close(stranger);
    QVERIFY(cut.replugAll(&error));
    // Replugged, the queue is free again.
    QVERIFY(!cut.holdsQueue());
    const int after = bindQueue(NftCut::kQueueNumber + 1);
    QVERIFY(after >= 0);
    ::close(after);
}

void RealConnectionFaultsTest::cutDropsOnlyThatConnectionUntilReplug_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << int(AF_INET);
    QTest::newRow("IPv6") << int(AF_INET6);
}

void RealConnectionFaultsTest::cutDropsOnlyThatConnectionUntilReplug()
{
    if (!m_root)
        QSKIP("cutting needs CAP_NET_ADMIN; the CLI test checks the message without it");
    QFETCH(int, family);
    LoopbackPair cut(family);
    LoopbackPair other(family);
    QVERIFY(cut.server >= 0 && other.server >= 0);
    RealConnectionFaults faults;
    QSignalSpy applied(&faults, &RealConnectionFaults::applied);
    QSignalSpy lifted(&faults, &RealConnectionFaults::lifted);
    QString error;
    const int id = faults.apply({FaultKind::Cut, cut.target(), CutDirection::Both}, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(faults.active().size(), 1);
    QVERIFY(nftTables().contains(QStringLiteral("table inet halfopen_%1").arg(::getpid())));

    // The cut connection's data never arrives; the other one's does.
    char byte = 'x';
    QCOMPARE(::send(cut.client, &byte, 1, MSG_NOSIGNAL), 1);
    QCOMPARE(::send(other.client, &byte, 1, MSG_NOSIGNAL), 1);
    char in = 0;
    QCOMPARE(::recv(other.server, &in, 1, 0), 1);
    QCOMPARE(::recv(cut.server, &in, 1, 0), -1);

    QVERIFY(faults.lift(id, &error));
    QCOMPARE(lifted.count(), 1);
    QVERIFY(faults.active().isEmpty());
    QVERIFY(!nftTables().contains(QLatin1String("halfopen")));
    // After the replug the retransmission delivers it (RTO from 200 ms, doubling).
    QVERIFY(QTest::qWaitFor([&] { return ::recv(cut.server, &in, 1, MSG_DONTWAIT) == 1; }, 5000));
    const auto verdict = faults.verdict(id);
    QVERIFY(verdict && verdict->liftedS && !verdict->kernelGaveUpS);
}

void RealConnectionFaultsTest::leavingLiftsEverything()
{
    if (!m_root)
        QSKIP("cutting needs CAP_NET_ADMIN");
    LoopbackPair a;
    LoopbackPair b;
    QString error;
    {
        RealConnectionFaults faults;
        QVERIFY2(faults.apply({FaultKind::Cut, a.target(), CutDirection::Out}, &error) > 0, qPrintable(error));
        QVERIFY2(faults.apply({FaultKind::Cut, b.target(), CutDirection::In}, &error) > 0, qPrintable(error));
        QCOMPARE(faults.active().size(), 2);
        faults.liftAll(); // leaving the connections mode
        QVERIFY(faults.active().isEmpty());
        QVERIFY(!nftTables().contains(QLatin1String("halfopen")));
        QVERIFY2(faults.apply({FaultKind::Cut, a.target(), CutDirection::Both}, &error) > 0, qPrintable(error));
        QVERIFY(nftTables().contains(QLatin1String("halfopen")));
    } // closing the window
    QVERIFY(!nftTables().contains(QLatin1String("halfopen")));
}

void RealConnectionFaultsTest::abortGivesEconnaborted()
{
    if (!m_root)
        QSKIP("SOCK_DESTROY needs CAP_NET_ADMIN");
    LoopbackPair pair;
    RealConnectionFaults faults;
    QString error;
    const int id = faults.apply({FaultKind::Abort, pair.target(), CutDirection::Both}, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QVERIFY(faults.active().isEmpty()); // nothing to lift
    char in;
    QCOMPARE(::recv(pair.client, &in, 1, 0), -1);
    QCOMPARE(errno, ECONNABORTED);
    QCOMPARE(::recv(pair.server, &in, 1, 0), -1);
    QCOMPARE(errno, ECONNRESET);
    QTRY_VERIFY(faults.verdict(id)->kernelGaveUpS.has_value());
    QCOMPARE(faults.verdict(id)->mechanism, QStringLiteral("abort"));
}

void RealConnectionFaultsTest::freezeIsThawedWhenTheControllerGoes()
{
    QProcess sleeper;
    sleeper.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted());
    RealConnectionFaults::Request r;
    r.kind = FaultKind::Freeze;
    r.target.pid = sleeper.processId();
    r.target.process = QStringLiteral("sleep");
    QString error;
    {
        RealConnectionFaults faults;
        const int id = faults.apply(r, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return processStoppedNow(r.target.pid); }, 2000));
        QVERIFY(faults.lift(id, &error));
        QVERIFY(QTest::qWaitFor([&] { return !processStoppedNow(r.target.pid); }, 2000));
        QVERIFY(faults.apply(r, &error) > 0);
        QVERIFY(QTest::qWaitFor([&] { return processStoppedNow(r.target.pid); }, 2000));
    }
    QVERIFY(QTest::qWaitFor([&] { return !processStoppedNow(r.target.pid); }, 2000));
    sleeper.kill();
    sleeper.waitForFinished();
}

QTEST_GUILESS_MAIN(RealConnectionFaultsTest)
#include "tst_RealConnectionFaults.moc"
