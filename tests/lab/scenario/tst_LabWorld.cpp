// SPDX-License-Identifier: GPL-3.0-or-later
// The lab's world after its faults: one set of rules for the supervisor, the scenario evaluator
// and the window.
#include "core/session/Event.h"
#include "lab/Fault.h"
#include "lab/LabWorld.h"

#include <QTest>

using namespace halfopen;
using lab::CableDirection;
using lab::FaultKind;
using lab::LabWorld;

namespace {

lab::Fault makeFault(FaultKind kind, halfopen::core::Host host, double value = 0,
                     CableDirection direction = CableDirection::Both)
{
    lab::Fault f;
    f.kind = kind;
    f.host = host;
    f.value = value;
    f.direction = direction;
    return f;
}

// As the supervisor sends it: the fault as carried out in its detail.
core::Event faultEvent(FaultKind kind, halfopen::core::Host host, double value = 0,
                       CableDirection direction = CableDirection::Both)
{
    core::Event e;
    e.kind = core::EventKind::Fault;
    e.host = host;
    e.what = lab::faultKindName(kind);
    e.detail = makeFault(kind, host, value, direction).toJson();
    return e;
}

core::Event labEvent(const QString &what, const QString &message = {})
{
    core::Event e;
    e.kind = core::EventKind::Endpoint;
    e.host = halfopen::core::Host::Lab;
    e.what = what;
    if (!message.isEmpty())
        e.detail = {{QStringLiteral("message"), message}};
    return e;
}

const halfopen::core::Host kClient = halfopen::core::Host::Client;
const halfopen::core::Host kServer = halfopen::core::Host::Server;

} // namespace

class TestLabWorld : public QObject
{
    Q_OBJECT
private slots:
    void followsFaultsAndTheLabsLife();
    void oneWayUnplugCutsOneWay();
    void powerKeepsTheCableAsItWas();
    void faultsAndTheirEventsGiveTheSameWorld();
    void olderRecordingsFaultsAreRead();
    void targetStateIsWhatRefusalJudges();
};

void TestLabWorld::followsFaultsAndTheLabsLife()
{
    LabWorld state;
    QVERIFY(state.apply(faultEvent(FaultKind::Unplug, kClient)));
    QVERIFY(state.client.unplugged());
    QVERIFY(state.apply(faultEvent(FaultKind::FreezeProcess, kServer)));
    QVERIFY(state.server.frozen);
    QVERIFY(state.apply(faultEvent(FaultKind::Loss, {}, 10)));
    QCOMPARE(state.lossPercent, 10.0);
    // Power off takes the frozen process with it; power on brings a fresh host.
    QVERIFY(state.apply(faultEvent(FaultKind::PowerOff, kServer)));
    QVERIFY(state.server.poweredOff);
    QVERIFY(!state.server.frozen);
    QVERIFY(state.apply(faultEvent(FaultKind::PowerOn, kServer)));
    QCOMPARE(state.server, LabWorld::HostState{});
    QVERIFY(!state.apply(faultEvent(FaultKind::Send, kClient)));
    core::Event other;
    other.kind = core::EventKind::State;
    QVERIFY(!state.apply(other));

    // The lab's own events: up, stopped; a failure stays a failure when the teardown follows.
    QCOMPARE(state.lab, LabWorld::Lab::NotStarted);
    QVERIFY(state.apply(labEvent(QStringLiteral("hosts_up"))));
    QCOMPARE(state.lab, LabWorld::Lab::Running);
    QVERIFY(state.apply(labEvent(QStringLiteral("stopped"))));
    QCOMPARE(state.lab, LabWorld::Lab::Stopped);
    LabWorld failing;
    QVERIFY(failing.apply(labEvent(QStringLiteral("failed"), QStringLiteral("cannot create a user namespace"))));
    QVERIFY(!failing.apply(labEvent(QStringLiteral("stopped"))));
    QCOMPARE(failing.lab, LabWorld::Lab::Failed);
    QCOMPARE(failing.labError, QStringLiteral("cannot create a user namespace"));
}

void TestLabWorld::oneWayUnplugCutsOneWay()
{
    LabWorld world;
    QVERIFY(world.delivers(kClient, kServer) && world.delivers(kServer, kClient));
    // Towards the server only: the server still reaches the client.
    world.apply(faultEvent(FaultKind::Unplug, kServer, 0, CableDirection::ToHost));
    QVERIFY(world.cableCut(kClient, kServer));
    QVERIFY(!world.cableCut(kServer, kClient));
    QVERIFY(!world.delivers(kClient, kServer));
    QVERIFY(world.delivers(kServer, kClient));
    QVERIFY(world.server.unpluggedToHost && !world.server.unpluggedFromHost);
    // From the client: the same way seen from the other end.
    world.apply(faultEvent(FaultKind::Replug, kServer, 0, CableDirection::ToHost));
    world.apply(faultEvent(FaultKind::Unplug, kClient, 0, CableDirection::FromHost));
    QVERIFY(!world.delivers(kClient, kServer));
    QVERIFY(world.delivers(kServer, kClient));
    // Replugging the other way changes nothing that was cut.
    QVERIFY(!world.apply(faultEvent(FaultKind::Replug, kClient, 0, CableDirection::ToHost)));
    QVERIFY(world.apply(faultEvent(FaultKind::Replug, kClient)));
    QVERIFY(world.delivers(kClient, kServer));
    // Hosts the lab does not have are never delivered to.
    QVERIFY(!world.delivers(kClient, halfopen::core::Host::Other));
}

void TestLabWorld::powerKeepsTheCableAsItWas()
{
    LabWorld world;
    world.apply(faultEvent(FaultKind::Unplug, kServer, 0, CableDirection::FromHost));
    world.apply(faultEvent(FaultKind::IcmpUnreachableOn, kServer));
    world.apply(faultEvent(FaultKind::Reboot, kServer, 2));
    QVERIFY(world.server.poweredOff);
    QVERIFY(!world.delivers(kClient, kServer) && !world.delivers(kServer, kClient));
    world.apply(faultEvent(FaultKind::PowerOn, kServer));
    // The cable is not the host: still cut from the server, still answering with ICMP.
    QVERIFY(!world.server.poweredOff);
    QVERIFY(world.server.unpluggedFromHost && !world.server.unpluggedToHost);
    QVERIFY(world.server.icmpUnreachable);
    QVERIFY(!world.delivers(kClient, kServer)); // answered by ICMP instead
    QVERIFY(!world.delivers(kServer, kClient)); // unplugged
    world.apply(faultEvent(FaultKind::IcmpUnreachableOff, kServer));
    QVERIFY(world.delivers(kClient, kServer));
}

void TestLabWorld::faultsAndTheirEventsGiveTheSameWorld()
{
    // The supervisor applies the faults it carries out; the window and the evaluator the events
    // it sends for them: the same world.
    const QList<lab::Fault> faults = {makeFault(FaultKind::Unplug, kClient, 0, CableDirection::ToHost),
                                      makeFault(FaultKind::FreezeProcess, kServer),
                                      makeFault(FaultKind::Delay, {}, 40),
                                      makeFault(FaultKind::KillProcess, kServer),
                                      makeFault(FaultKind::IcmpUnreachableOn, kClient),
                                      makeFault(FaultKind::PowerOff, kClient)};
    LabWorld fromFaults;
    LabWorld fromEvents;
    for (const lab::Fault &f : faults) {
        fromFaults.apply(f);
        fromEvents.apply(faultEvent(f.kind, f.host, f.value, f.direction));
        QCOMPARE(fromEvents, fromFaults);
    }
    QCOMPARE(fromFaults.delayMs, 40.0);
    QVERIFY(fromFaults.server.processKilled && !fromFaults.server.frozen);
}

void TestLabWorld::olderRecordingsFaultsAreRead()
{
    // A fault event whose detail is not a fault (older recordings): the kind from `what`, the
    // direction when it says one.
    core::Event e;
    e.kind = core::EventKind::Fault;
    e.host = kServer;
    e.what = QStringLiteral("unplug");
    e.detail = {{QStringLiteral("direction"), QStringLiteral("to-host")}, {QStringLiteral("note"), 1}};
    LabWorld world;
    QVERIFY(world.apply(e));
    QVERIFY(world.server.unpluggedToHost && !world.server.unpluggedFromHost);
    e.what = QStringLiteral("no-such-fault");
    QVERIFY(!world.apply(e));
}

void TestLabWorld::targetStateIsWhatRefusalJudges()
{
    LabWorld world;
    world.apply(faultEvent(FaultKind::FreezeProcess, kClient));
    world.apply(faultEvent(FaultKind::Unplug, kClient, 0, CableDirection::ToHost));
    const lab::FaultTargetState s = world.targetState(kClient);
    QVERIFY(s.poweredOn && s.processRunning && s.frozen);
    QVERIFY(s.unpluggedToHost && !s.unpluggedFromHost);
    QVERIFY(lab::faultRefusal(makeFault(FaultKind::FreezeProcess, kClient), s).contains(QStringLiteral("frozen")));
    QVERIFY(lab::faultRefusal(makeFault(FaultKind::Unplug, kClient, 0, CableDirection::FromHost), s).isEmpty());
    world.apply(faultEvent(FaultKind::PowerOff, kClient));
    QVERIFY(!world.targetState(kClient).poweredOn);
    QVERIFY(!world.targetState(kClient).frozen);
    // Not a lab host: judged as on and running (cable-wide faults always apply).
    QVERIFY(world.targetState(halfopen::core::Host::Local).poweredOn);
}

QTEST_GUILESS_MAIN(TestLabWorld)
#include "tst_LabWorld.moc"
