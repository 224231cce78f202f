// SPDX-License-Identifier: GPL-3.0-or-later
// The window's and the CLI's commands to the supervisor: one type writes and reads them.
#include "lab/LabCommand.h"

#include <QJsonDocument>
#include <QTest>

using namespace halfopen;
using lab::LabCommand;

class TestSupervisorPipe : public QObject
{
    Q_OBJECT
private slots:
    void everyCommandReadsBackAsItself();
    void malformedCommandsNameTheirField_data();
    void malformedCommandsNameTheirField();
    void aWrongLabConfigurationIsALabThatCannotStart();
};

namespace {
std::optional<LabCommand> readBack(const LabCommand &c, LabCommand::Error *error)
{
    const QByteArray line = c.toLine();
    if (!line.endsWith('\n') || line.count('\n') != 1)
        return std::nullopt;
    return LabCommand::fromJson(QJsonDocument::fromJson(line).object(), error);
}
} // namespace

void TestSupervisorPipe::everyCommandReadsBackAsItself()
{
    LabCommand::Error error;
    lab::LabConfig config = lab::LabConfig::defaults();
    config.cable.lossPercent = 5;
    const auto start = readBack(LabCommand::start(config, QStringLiteral("/tmp/cable.pcap"), 64), &error);
    QVERIFY2(start, qPrintable(error.message));
    QCOMPARE(start->kind, LabCommand::Kind::Start);
    QCOMPARE(start->config.toJson(), config.toJson());
    QCOMPARE(start->pcapPath, QStringLiteral("/tmp/cable.pcap"));
    QCOMPARE(start->captureLimitMb, 64);

    lab::Fault fault;
    fault.kind = lab::FaultKind::Unplug;
    fault.host = halfopen::core::Host::Server;
    fault.direction = lab::CableDirection::ToHost;
    const auto faultBack = readBack(LabCommand::applying(fault), &error);
    QVERIFY2(faultBack, qPrintable(error.message));
    QCOMPARE(faultBack->kind, LabCommand::Kind::Fault);
    QCOMPARE(faultBack->fault.toJson(), fault.toJson());

    core::SocketOptions options;
    options.keepalive.enabled = true;
    options.keepalive.idleS = 5;
    options.userTimeoutMs = 9000;
    const auto optionsBack = readBack(LabCommand::settingOptions(halfopen::core::Host::Client, options), &error);
    QVERIFY2(optionsBack, qPrintable(error.message));
    QCOMPARE(optionsBack->host, halfopen::core::Host::Client);
    QCOMPARE(optionsBack->options, options);

    const auto stop = readBack(LabCommand::stop(), &error);
    QVERIFY(stop);
    QCOMPARE(stop->kind, LabCommand::Kind::Stop);
}

void TestSupervisorPipe::malformedCommandsNameTheirField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("startsWith");
    QTest::newRow("unknown") << QByteArray(R"({"cmd":"restart"})") << QStringLiteral("unknown command 'restart'");
    QTest::newRow("start, extra key") << QByteArray(R"({"cmd":"start","config":{},"endpoint":"/bin/sh"})")
                                      << QStringLiteral("start.endpoint");
    QTest::newRow("start, capture 0 MB") << QByteArray(R"({"cmd":"start","config":{},"capture_limit_mb":0})")
                                         << QStringLiteral("start.capture_limit_mb");
    QTest::newRow("fault, bad value") << QByteArray(R"({"cmd":"fault","fault":{"fault":"loss","value":101}})")
                                      << QStringLiteral("fault.value");
    QTest::newRow("options, bad host") << QByteArray(R"({"cmd":"options","host":"router","options":{}})")
                                       << QStringLiteral("options: host");
    QTest::newRow("options, bad value") << QByteArray(
        R"({"cmd":"options","host":"client","options":{"user_timeout_ms":-1}})")
                                        << QStringLiteral("options.options");
}

void TestSupervisorPipe::malformedCommandsNameTheirField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, startsWith);
    LabCommand::Error error;
    QVERIFY(!LabCommand::fromJson(QJsonDocument::fromJson(json).object(), &error));
    QVERIFY2(error.message.startsWith(startsWith), qPrintable(error.message));
    QVERIFY(!error.labCannotStart);
}

void TestSupervisorPipe::aWrongLabConfigurationIsALabThatCannotStart()
{
    LabCommand::Error error;
    const QJsonObject json = QJsonDocument::fromJson(R"({"cmd":"start","config":{"hosts":7}})").object();
    QVERIFY(!LabCommand::fromJson(json, &error));
    QVERIFY(error.labCannotStart);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSupervisorPipe)
#include "tst_SupervisorPipe.moc"
