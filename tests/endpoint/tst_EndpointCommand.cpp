// SPDX-License-Identifier: GPL-3.0-or-later
// An endpoint's commands are written and read by the same type: what the lab's supervisor and
// real-network mode write is what the endpoint parses back.
#include "core/endpoint/EndpointCommand.h"
#include "lab/Fault.h"

#include <QTest>

using namespace halfopen;
using core::EndpointCommand;

class TestEndpointCommand : public QObject
{
    Q_OBJECT
private slots:
    void everyCommandReadsBackAsItself();
    void faultsBecomeTheApplicationsCommands();
};

void TestEndpointCommand::everyCommandReadsBackAsItself()
{
    QList<EndpointCommand> commands;
    for (auto kind :
         {EndpointCommand::Kind::Send, EndpointCommand::Kind::Close, EndpointCommand::Kind::Abort,
          EndpointCommand::Kind::ShutdownWrite, EndpointCommand::Kind::SetOptions, EndpointCommand::Kind::Quit}) {
        EndpointCommand c;
        c.kind = kind;
        commands << c;
    }
    commands[0].bytes = EndpointCommand::kMaxSendBytes;
    commands[4].options.keepalive.enabled = true;
    commands[4].options.keepalive.idleS = 7;
    commands[4].options.keepalive.intervalS = 2;
    commands[4].options.keepalive.count = 3;
    commands[4].options.userTimeoutMs = 20000;
    for (const EndpointCommand &c : std::as_const(commands)) {
        QString error;
        const QByteArray line = c.toLine();
        QVERIFY(!line.contains('\n'));
        const auto back = EndpointCommand::parse(QString::fromUtf8(line), &error);
        QVERIFY2(back, qPrintable(QString::fromUtf8(line) + QStringLiteral(": ") + error));
        QCOMPARE(back->kind, c.kind);
        if (c.kind == EndpointCommand::Kind::Send)
            QCOMPARE(back->bytes, c.bytes);
        if (c.kind == EndpointCommand::Kind::SetOptions)
            QCOMPARE(back->options, c.options);
    }
}

void TestEndpointCommand::faultsBecomeTheApplicationsCommands()
{
    lab::Fault f;
    f.kind = lab::FaultKind::Send;
    f.value = 1400;
    QCOMPARE(lab::applicationCommand(f)->toLine(), QByteArray("send 1400"));
    f.value = 0; // the default amount
    QCOMPARE(lab::applicationCommand(f)->bytes, 100);
    f.kind = lab::FaultKind::ShutdownWrite;
    QCOMPARE(lab::applicationCommand(f)->toLine(), QByteArray("shutdown-write"));
    f.kind = lab::FaultKind::Abort;
    QCOMPARE(lab::applicationCommand(f)->kind, EndpointCommand::Kind::Abort);
    f.kind = lab::FaultKind::Close;
    QCOMPARE(lab::applicationCommand(f)->kind, EndpointCommand::Kind::Close);
    // What is done to the host or the cable is no command of the application's.
    for (auto kind : {lab::FaultKind::Unplug, lab::FaultKind::KillProcess, lab::FaultKind::FreezeProcess,
                      lab::FaultKind::PowerOff, lab::FaultKind::Marker}) {
        f.kind = kind;
        QVERIFY(!lab::applicationCommand(f));
    }
}

QTEST_GUILESS_MAIN(TestEndpointCommand)
#include "tst_EndpointCommand.moc"
