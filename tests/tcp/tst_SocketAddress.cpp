// SPDX-License-Identifier: GPL-3.0-or-later
// SocketAddress::parse: what users type becomes a kernel address, and every mistake gets a
// message that says what is wrong.

#include "core/tcp/SocketAddress.h"

#include <QTest>

#include <netinet/in.h>

using namespace halfopen::core;

class TestSocketAddress : public QObject
{
    Q_OBJECT
private slots:
    void validAddresses_data();
    void validAddresses();
    void localhostResolves();
    void invalidAddresses_data();
    void invalidAddresses();
    void addressOfRealSocket();
};

void TestSocketAddress::validAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowAnyPort");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("printed");
    QTest::newRow("IPv4") << "127.0.0.1:5000" << false << AF_INET << "127.0.0.1" << 5000 << "127.0.0.1:5000";
    QTest::newRow("IPv6") << "[::1]:80" << false << AF_INET6 << "::1" << 80 << "[::1]:80";
    QTest::newRow("highest port") << "127.0.0.1:65535" << false << AF_INET << "127.0.0.1" << 65535 << "127.0.0.1:65535";
    QTest::newRow("any address") << ":5000" << true << AF_INET << "0.0.0.0" << 5000 << "0.0.0.0:5000";
    QTest::newRow("any port") << "127.0.0.1:0" << true << AF_INET << "127.0.0.1" << 0 << "127.0.0.1:0";
    QTest::newRow("IPv6 any") << "[::]:0" << true << AF_INET6 << "::" << 0 << "[::]:0";
}

void TestSocketAddress::validAddresses()
{
    QFETCH(QString, text);
    QFETCH(bool, allowAnyPort);
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, printed);
    QString error;
    const SocketAddress address = SocketAddress::parse(text, &error, allowAnyPort);
    QVERIFY2(address.isValid(), qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(address.family(), family);
    QCOMPARE(address.host(), host);
    QCOMPARE(address.port(), port);
    QCOMPARE(address.toString(), printed);
    // What we print parses back to the same address.
    const SocketAddress again = SocketAddress::parse(address.toString(), nullptr, true);
    QCOMPARE(again.toString(), printed);
}

void TestSocketAddress::localhostResolves()
{
    QString error;
    const SocketAddress address = SocketAddress::parse(QStringLiteral("localhost:22"), &error);
    QVERIFY2(address.isValid(), qPrintable(error));
    QCOMPARE(address.port(), 22);
    // /etc/hosts may list either loopback first.
    QVERIFY2(address.host() == QLatin1String("127.0.0.1") || address.host() == QLatin1String("::1"),
             qPrintable(address.host()));
}

void TestSocketAddress::invalidAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowAnyPort");
    QTest::addColumn<QStringList>("mentions");
    const QString range = QStringLiteral("1 to 65535");
    QTest::newRow("port 70000") << "127.0.0.1:70000" << false << QStringList{"70000", range};
    QTest::newRow("port 70000 any") << "127.0.0.1:70000" << true << QStringList{"70000", "0 to 65535"};
    QTest::newRow("port 0") << "127.0.0.1:0" << false << QStringList{"'0'", range};
    QTest::newRow("negative port") << "127.0.0.1:-1" << false << QStringList{"'-1'", range};
    QTest::newRow("port not a number") << "127.0.0.1:http" << false << QStringList{"'http'", "not a number", range};
    QTest::newRow("missing port") << "127.0.0.1" << false << QStringList{"127.0.0.1", "port is missing"};
    QTest::newRow("empty port") << "127.0.0.1:" << false << QStringList{"127.0.0.1:", "port is missing"};
    QTest::newRow("IPv6 missing port") << "[::1]" << false << QStringList{"[::1]", "port is missing"};
    QTest::newRow("IPv6 empty port") << "[::1]:" << false << QStringList{"[::1]:", "port is missing"};
    QTest::newRow("IPv6 without colon") << "[::1]80" << false << QStringList{"[::1]80", "[ADDR]:PORT"};
    QTest::newRow("IPv6 unclosed") << "[::1:80" << false << QStringList{"[::1:80", "[ADDR]:PORT"};
    // Without brackets the last colon is ambiguous: "::1" is not the address :: with port 1.
    QTest::newRow("IPv6 without brackets") << "::1" << false << QStringList{"::1", "[ADDR]:PORT"};
    QTest::newRow("IPv6 without brackets, port") << "::1:5000" << false << QStringList{"::1:5000", "[ADDR]:PORT"};
    QTest::newRow("empty") << "" << false << QStringList{"port is missing"};
    // Addresses are numeric: nothing is looked up (no DNS query leaves the machine).
    QTest::newRow("a name") << "no-such-host.invalid:80" << false
                            << QStringList{"no-such-host.invalid", "not an IPv4 address"};
    QTest::newRow("three parts") << "1.2.3:5" << false << QStringList{"'1.2.3'", "not an IPv4 address"};
    QTest::newRow("octet 256") << "256.1.1.1:5" << false << QStringList{"'256.1.1.1'", "0 to 255"};
    QTest::newRow("empty brackets") << "[]:5" << true << QStringList{"[]:5", "[::]:PORT"};
    QTest::newRow("IPv4 in brackets") << "[127.0.0.1]:5" << false << QStringList{"127.0.0.1", "not an IPv6 address"};
}

void TestSocketAddress::invalidAddresses()
{
    QFETCH(QString, text);
    QFETCH(bool, allowAnyPort);
    QFETCH(QStringList, mentions);
    QString error;
    const SocketAddress address = SocketAddress::parse(text, &error, allowAnyPort);
    QVERIFY(!address.isValid());
    for (const QString &word : mentions)
        QVERIFY2(error.contains(word), qPrintable(QStringLiteral("'%1' does not mention '%2'").arg(error, word)));
}

void TestSocketAddress::addressOfRealSocket()
{
    const int fd = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    const SocketAddress wanted = SocketAddress::parse(QStringLiteral("[::1]:0"), nullptr, true);
    QVERIFY(wanted.isValid());
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&wanted.storage), wanted.length), 0);
    const SocketAddress bound = SocketAddress::localOf(fd);
    QCOMPARE(bound.host(), QStringLiteral("::1"));
    QVERIFY(bound.port() != 0);
    QVERIFY(!SocketAddress::peerOf(fd).isValid()); // not connected
    ::close(fd);
}

QTEST_GUILESS_MAIN(TestSocketAddress)
#include "tst_SocketAddress.moc"
