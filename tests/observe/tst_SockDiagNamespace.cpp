// SPDX-License-Identifier: GPL-3.0-or-later
// SockDiagClient and `halfopen-cli sockets --netns` in network namespaces the test creates:
// a client opened in a namespace sees that namespace's sockets and no others, the calling
// thread ends up back in its own namespace, and a caller without the right gets EPERM.

#include "LoopbackSockets.h"
#include "ScratchNamespace.h"

#include "core/observe/NetworkNamespace.h"
#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace halfopen::core;

namespace {

quint64 namespaceInode(const char *path)
{
    struct stat info
    { };
    return ::stat(path, &info) == 0 ? quint64(info.st_ino) : 0;
}

quint64 ownNamespace()
{
    return namespaceInode("/proc/thread-self/ns/net");
}

// A listener on 127.0.0.1 and one connection to it, made inside a namespace.
struct SocketsInNamespace
{
    int listener = -1;
    int client = -1;
    int server = -1;
    quint16 port = 0;

    explicit SocketsInNamespace(const NetworkNamespace &netns)
    {
        listener = netns.createSocket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        client = netns.createSocket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (listener < 0 || client < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(listener, 4) != 0
            || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0
            || ::connect(client, reinterpret_cast<sockaddr *>(&address), length) != 0)
            return;
        server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        port = ntohs(address.sin_port);
    }
    ~SocketsInNamespace()
    {
        for (int fd : {listener, client, server}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    bool isValid() const { return server >= 0; }
    QList<quint32> inodes() const
    {
        return {LoopbackSockets::inodeOf(listener), LoopbackSockets::inodeOf(client), LoopbackSockets::inodeOf(server)};
    }
};

QList<quint32> inodesIn(const SockDiagSnapshot &snapshot)
{
    QList<quint32> inodes;
    for (const SockDiagRow &row : snapshot.rows)
        inodes.append(row.inode);
    std::sort(inodes.begin(), inodes.end());
    return inodes;
}

QList<quint32> sorted(QList<quint32> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class tst_SockDiagNamespace : public QObject
{
    Q_OBJECT

private slots:
    void clientSeesOnlyItsNamespace();
    void procPidPathOfAnotherProcess();
    void cliReadsTheNamespaceGiven();
    void notPermittedNamesEperm();
};

void tst_SockDiagNamespace::clientSeesOnlyItsNamespace()
{
    ScratchNamespace scratch(QStringLiteral("client"));
    if (!scratch.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot create a network namespace here: %1").arg(scratch.error())));
    NetworkNamespace netns;
    QString error;
    QVERIFY2(netns.open(scratch.path(), &error), qPrintable(error));
    const quint64 before = ownNamespace();
    SocketsInNamespace inside(netns);
    QVERIFY(inside.isValid());
    QCOMPARE(ownNamespace(), before);

    SockDiagFilter filter;
    filter.port = inside.port;

    // By path, by an fd the caller keeps, by a NetworkNamespace: the same three sockets.
    SockDiagClient byPath;
    QVERIFY2(byPath.openInNamespace(scratch.path()), qPrintable(byPath.errorString()));
    QCOMPARE(ownNamespace(), before);
    SockDiagSnapshot snapshot;
    QVERIFY2(byPath.dump(filter, &snapshot), qPrintable(byPath.errorString()));
    QCOMPARE(inodesIn(snapshot), sorted(inside.inodes()));
    // The namespace has nothing else: an unfiltered dump is the same three sockets.
    SockDiagSnapshot everything;
    QVERIFY(byPath.dump(SockDiagFilter{}, &everything));
    QCOMPARE(everything.rows.size(), 3);

    const int fd = ::open(qPrintable(scratch.path()), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    SockDiagClient byFd;
    const bool openedByFd = byFd.openInNamespace(fd);
    ::close(fd);
    QVERIFY2(openedByFd, qPrintable(byFd.errorString()));
    SockDiagSnapshot viaFd;
    QVERIFY(byFd.dump(filter, &viaFd));
    QCOMPARE(inodesIn(viaFd), sorted(inside.inodes()));

    SockDiagClient byHandle;
    QVERIFY2(byHandle.open(netns), qPrintable(byHandle.errorString()));
    SockDiagRow row;
    QCOMPARE(byHandle.lookup(LoopbackSockets::local(inside.client), LoopbackSockets::peer(inside.client), &row),
             SockDiagClient::LookupResult::Found);
    QCOMPARE(row.inode, LoopbackSockets::inodeOf(inside.client));

    // The host's own client does not see them (a host socket may share the port by chance).
    SockDiagClient host;
    QVERIFY(host.open());
    SockDiagSnapshot onHost;
    QVERIFY(host.dump(filter, &onHost));
    for (quint32 inode : inside.inodes())
        QVERIFY(!inodesIn(onHost).contains(inode));
    QCOMPARE(ownNamespace(), before);
}

// /proc/PID/ns/net of a process that unshared its own network namespace.
void tst_SockDiagNamespace::procPidPathOfAnotherProcess()
{
    QProcess holder;
    holder.start(QStringLiteral("unshare"), {QStringLiteral("--net"), QStringLiteral("sleep"), QStringLiteral("60")});
    if (!holder.waitForStarted(5000))
        QSKIP(qPrintable(QStringLiteral("cannot start unshare: %1").arg(holder.errorString())));
    auto stop = qScopeGuard([&holder] {
        holder.kill();
        holder.waitForFinished(5000);
    });
    const QByteArray path = QStringLiteral("/proc/%1/ns/net").arg(holder.processId()).toLatin1();
    // unshare has made the namespace once its namespace differs from ours (it then runs sleep).
    QTRY_VERIFY_WITH_TIMEOUT(holder.state() != QProcess::Running || namespaceInode(path.constData()) != ownNamespace(),
                             5000);
    if (holder.state() != QProcess::Running)
        QSKIP(qPrintable(QStringLiteral("unshare --net is not permitted here: %1")
                             .arg(QString::fromLocal8Bit(holder.readAllStandardError()).trimmed())));

    NetworkNamespace netns;
    QString error;
    QVERIFY2(netns.open(QString::fromLatin1(path), &error), qPrintable(error));
    // Its loopback is down, so listen on the any-address.
    const int listener = netns.createSocket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(listener >= 0);
    auto closeListener = qScopeGuard([listener] { ::close(listener); });
    sockaddr_in any{};
    any.sin_family = AF_INET;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&any), sizeof any) == 0);
    QVERIFY(::listen(listener, 1) == 0);

    SockDiagClient client;
    QVERIFY2(client.openInNamespace(QString::fromLatin1(path)), qPrintable(client.errorString()));
    SockDiagSnapshot snapshot;
    QVERIFY2(client.dump(SockDiagFilter{}, &snapshot), qPrintable(client.errorString()));
    QCOMPARE(snapshot.rows.size(), 1);
    QCOMPARE(snapshot.rows.first().inode, LoopbackSockets::inodeOf(listener));
    QCOMPARE(snapshot.rows.first().sample.state, TcpState::Listen);
}

void tst_SockDiagNamespace::cliReadsTheNamespaceGiven()
{
    ScratchNamespace scratch(QStringLiteral("cli"));
    if (!scratch.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot create a network namespace here: %1").arg(scratch.error())));
    NetworkNamespace netns;
    QString error;
    QVERIFY2(netns.open(scratch.path(), &error), qPrintable(error));
    SocketsInNamespace inside(netns);
    QVERIFY(inside.isValid());

    QProcess cli;
    cli.start(QStringLiteral(HALFOPEN_CLI),
              {QStringLiteral("sockets"), QStringLiteral("--netns"), scratch.path(), QStringLiteral("--json")});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 0);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(cli.readAllStandardOutput(), &parseError);
    QVERIFY2(json.isArray(), qPrintable(parseError.errorString()));
    QList<quint32> inodes;
    QStringList states;
    for (const QJsonValue &value : json.array()) {
        inodes.append(quint32(value.toObject().value(QStringLiteral("inode")).toInteger()));
        states.append(value.toObject().value(QStringLiteral("state")).toString());
    }
    std::sort(inodes.begin(), inodes.end());
    states.sort();
    QCOMPARE(inodes, sorted(inside.inodes()));
    QCOMPARE(states,
             (QStringList{QStringLiteral("ESTABLISHED"), QStringLiteral("ESTABLISHED"), QStringLiteral("LISTEN")}));
}

// Without CAP_SYS_ADMIN (setpriv to nobody, no capabilities) setns() is refused: the CLI says
// so with the errno name and exits with the runtime status, printing no rows.
void tst_SockDiagNamespace::notPermittedNamesEperm()
{
    ScratchNamespace scratch(QStringLiteral("eperm"));
    if (!scratch.isValid())
        QSKIP(qPrintable(QStringLiteral("cannot create a network namespace here: %1").arg(scratch.error())));
    if (::geteuid() != 0)
        QSKIP("needs root to drop to an unprivileged user with setpriv");

    QProcess cli;
    cli.start(QStringLiteral("setpriv"),
              {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
               QStringLiteral("--inh-caps=-all"), QStringLiteral("--bounding-set=-all"), QStringLiteral(HALFOPEN_CLI),
               QStringLiteral("sockets"), QStringLiteral("--netns"), scratch.path()});
    QVERIFY(cli.waitForFinished(10000));
    const QString stderrText = QString::fromLocal8Bit(cli.readAllStandardError());
    if (cli.exitCode() == 127 || stderrText.contains(QLatin1String("setpriv:")))
        QSKIP(qPrintable(QStringLiteral("setpriv cannot run the CLI here: %1").arg(stderrText.trimmed())));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(stderrText.contains(QLatin1String("EPERM")), qPrintable(stderrText));
    QCOMPARE(stderrText.count(QLatin1Char('\n')), 1);
    QVERIFY(cli.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SockDiagNamespace)
#include "tst_SockDiagNamespace.moc"
