// SPDX-License-Identifier: GPL-3.0-or-later
// What real-network mode is told and reads: the peer's and the listener's addresses checked
// with the field named, saved and read back, turned into the endpoint's arguments (IPv6 in
// brackets); this host's TCP sysctls read from /proc/sys (or a folder standing in for it).

#include "realnet/HostTcpSettings.h"
#include "realnet/RealNetworkConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace halfopen;
using realnet::RealNetworkConfig;

class RealNetworkConfigTest : public QObject
{
    Q_OBJECT
private slots:
    void validation_data();
    void validation();
    void jsonRoundTrip();
    void endpointArguments();
    void hostSettingsFromAFolder();
    void hostSettingsOfThisMachine();
};

void RealNetworkConfigTest::validation_data()
{
    QTest::addColumn<bool>("server");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("field"); // empty: valid
    QTest::addColumn<QString>("words");

    QTest::newRow("ipv4") << false << "192.168.1.20" << 1883 << ""
                          << "";
    QTest::newRow("ipv6") << false << "fe80::1" << 502 << ""
                          << "";
    QTest::newRow("host name") << false << "broker.example" << 1883 << ""
                               << "";
    QTest::newRow("empty") << false << "" << 1883 << "Peer address"
                           << "is empty";
    QTest::newRow("octet 300") << false << "10.0.0.300" << 1883 << "Peer address"
                               << "neither an IPv4 or IPv6 address nor a host name";
    QTest::newRow("space inside") << false << "10.0 .0.1" << 1883 << "Peer address"
                                  << "neither";
    QTest::newRow("peer port 0") << false << "10.0.0.1" << 0 << "Peer port"
                                 << "from 1 to 65535";
    QTest::newRow("listen any") << true << "0.0.0.0" << 5000 << ""
                                << "";
    QTest::newRow("listen any v6") << true << "::" << 5000 << ""
                                   << "";
    QTest::newRow("listen on a name") << true << "localhost" << 5000 << "Listen address"
                                      << "not an IPv4 or IPv6 address of this machine";
    QTest::newRow("listen port 0") << true << "0.0.0.0" << 0 << "Listen port"
                                   << "from 1 to 65535";
}

void RealNetworkConfigTest::validation()
{
    QFETCH(bool, server);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, field);
    QFETCH(QString, words);
    RealNetworkConfig n;
    n.role = server ? RealNetworkConfig::Role::Server : RealNetworkConfig::Role::Client;
    (server ? n.listenAddress : n.peerAddress) = address;
    (server ? n.listenPort : n.peerPort) = quint16(port);
    const QList<core::SettingError> errors = n.validate();
    if (field.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(words), qPrintable(errors.first().message));
}

void RealNetworkConfigTest::jsonRoundTrip()
{
    RealNetworkConfig n;
    n.role = RealNetworkConfig::Role::Server;
    n.peerAddress = QStringLiteral("plc.local");
    n.peerPort = 502;
    n.listenAddress = QStringLiteral("::");
    n.listenPort = 6000;
    QCOMPARE(RealNetworkConfig::fromJson(n.toJson()), n);
    // Broken or missing fields keep their defaults.
    const RealNetworkConfig broken
        = RealNetworkConfig::fromJson({{QStringLiteral("peer_port"), 70000}, {QStringLiteral("role"), 3}});
    QCOMPARE(broken, RealNetworkConfig());
}

void RealNetworkConfigTest::endpointArguments()
{
    lab::HostConfig side = lab::LabConfig::defaults().client;
    side.endpoint.options.keepalive = {true, 2, 1, 3};
    RealNetworkConfig n;
    n.peerAddress = QStringLiteral("fe80::1");
    n.peerPort = 1883;
    const QStringList client = n.endpointArguments(side);
    QCOMPARE(client.mid(0, 2), (QStringList{QStringLiteral("connect"), QStringLiteral("[fe80::1]:1883")}));
    QVERIFY(client.join(QLatin1Char(' ')).contains(QStringLiteral("--keepalive 2,1,3")));
    QVERIFY(client.join(QLatin1Char(' ')).contains(QStringLiteral("--name client")));
    QCOMPARE(n.endpointAddress(), QStringLiteral("[fe80::1]:1883"));
    QCOMPARE(n.testPort(), quint16(1883));

    n.role = RealNetworkConfig::Role::Server;
    n.listenAddress = QStringLiteral("0.0.0.0");
    n.listenPort = 5001;
    const QStringList server = n.endpointArguments(lab::LabConfig::defaults().server);
    QCOMPARE(server.mid(0, 3),
             (QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:5001")}));
    QVERIFY(server.join(QLatin1Char(' ')).contains(QStringLiteral("--name server")));
    QCOMPARE(n.testPort(), quint16(5001));
    QCOMPARE(n.host(), halfopen::core::Host::Server);
}

void RealNetworkConfigTest::hostSettingsFromAFolder()
{
    QTemporaryDir dir;
    auto write = [&](const char *name, const QByteArray &value) {
        QFile file(QDir(dir.path()).filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(value);
    };
    write("tcp_retries2", "5\n");
    write("tcp_syn_retries", "3\n");
    write("tcp_keepalive_time", "garbage\n");
    QStringList problems;
    const QMap<QString, QString> values = realnet::HostTcpSettings(dir.path()).read(&problems);
    QCOMPARE(values.value(QStringLiteral("net.ipv4.tcp_retries2")), QStringLiteral("5"));
    QCOMPARE(values.value(QStringLiteral("net.ipv4.tcp_syn_retries")), QStringLiteral("3"));
    QVERIFY(!values.contains(QStringLiteral("net.ipv4.tcp_keepalive_time")));
    // What could not be read is named, not silently replaced by a default.
    QCOMPARE(problems.size(), realnet::HostTcpSettings::names().size() - 2);
    QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("tcp_keepalive_time: not a number")));
}

void RealNetworkConfigTest::hostSettingsOfThisMachine()
{
    QStringList problems;
    const QMap<QString, QString> values = realnet::HostTcpSettings().read(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QFile retries2(QStringLiteral("/proc/sys/net/ipv4/tcp_retries2"));
    QVERIFY(retries2.open(QIODevice::ReadOnly));
    QCOMPARE(values.value(QStringLiteral("net.ipv4.tcp_retries2")), QString::fromLatin1(retries2.readAll()).trimmed());
    // Every value is one the lab would accept for its hosts too.
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QString why;
        QVERIFY2(lab::isAllowedSysctl(it.key(), it.value(), &why), qPrintable(it.key() + QLatin1String(": ") + why));
    }
}

QTEST_GUILESS_MAIN(RealNetworkConfigTest)
#include "tst_RealNetworkConfig.moc"
