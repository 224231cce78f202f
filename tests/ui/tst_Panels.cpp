// SPDX-License-Identifier: GPL-3.0-or-later
// The window's panels without a lab: settings fields to LabConfig and back, the live
// prediction (from the fields and from what a kernel reported), the cable's live settings as
// faults (typing debounced, a field it does not accept refused and explained), the fault bar's faults, the topology
// from fault events, the verdict headline, the CSV export and the settings facade.

#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"
#include "core/session/WallClock.h"
#include "core/tcp/JsonFields.h"
#include "lab/LabWorld.h"
#include "models/DurationText.h"
#include "ui/AppSettings.h"
#include "ui/CableSettingsPanel.h"
#include "ui/EventCsvExport.h"
#include "ui/EventLogModel.h"
#include "ui/FaultBar.h"
#include "ui/HostSettingsPanel.h"
#include "ui/LiveSettingGroup.h"
#include "ui/PredictionPanel.h"
#include "ui/SettingField.h"
#include "ui/TopologyStrip.h"
#include "ui/VerdictPanel.h"
#include "ui/views/EventWords.h"

#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cerrno>

using namespace halfopen;

namespace {

core::Event faultEvent(lab::FaultKind kind, halfopen::core::Host host, double value = 0,
                       lab::CableDirection direction = lab::CableDirection::Both)
{
    lab::Fault f;
    f.kind = kind;
    f.host = host;
    f.value = value;
    f.direction = direction;
    core::Event e;
    e.kind = core::EventKind::Fault;
    e.host = host;
    e.what = lab::faultKindName(kind);
    e.detail = f.toJson();
    return e;
}

lab::LabConfig keepalive213()
{
    lab::LabConfig config = lab::LabConfig::defaults();
    config.client.endpoint.options.keepalive = {true, 2, 1, 3};
    return config;
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT
private slots:
    void hostSettingsRoundTrip();
    void hostSettingsSignalEditsOnly();
    void predictionFollowsSettings();
    void predictionFollowsAppliedOptions();
    void cableSettingsBecomeFaultsWhenTypingPauses();
    void faultBarEmitsFaultsWhileRunning();
    void faultBarDisablesWhatCannotApply();
    void topologyShowsTheLabsLife();
    void topologyDrawsTheCableCut();
    void verdictHeadline();
    void verdictAtTheEndOfAQuietRun();
    void keepaliveCountdownSaysWhatTheKernelWillDo();
    void eventLogReadsInWords();
    void eventLogInsertsBatches();
    void csvQuotesFields();
    void settingsKeepLabAndLayout();
};

void TestPanels::hostSettingsRoundTrip()
{
    lab::HostConfig host = lab::LabConfig::defaults().client;
    host.endpoint.options.keepalive = {true, 2, 1, 3};
    host.endpoint.options.userTimeoutMs = 3000;
    host.endpoint.options.recvErr = true;
    host.endpoint.heartbeat = {true, 500, 4, true};
    core::TrafficPattern::parse(QStringLiteral("periodic:250:64"), &host.endpoint.traffic, nullptr);
    host.sysctls.insert(QStringLiteral("net.ipv4.tcp_retries2"), QStringLiteral("5"));

    ui::HostSettingsPanel panel(halfopen::core::Host::Client);
    panel.setHost(host);
    lab::HostConfig out = lab::LabConfig::defaults().client;
    panel.applyTo(&out);
    QCOMPARE(out.endpoint.options, host.endpoint.options);
    QCOMPARE(out.endpoint.heartbeat, host.endpoint.heartbeat);
    QCOMPARE(out.endpoint.traffic, host.endpoint.traffic);
    QCOMPARE(out.sysctls, host.sysctls);

    // Back to the kernel's default: the sysctl is left out rather than written.
    panel.findChild<QSpinBox *>(QStringLiteral("clientRetries2"))->setValue(15);
    panel.applyTo(&out);
    QVERIFY(!out.sysctls.contains(QStringLiteral("net.ipv4.tcp_retries2")));
}

void TestPanels::hostSettingsSignalEditsOnly()
{
    ui::HostSettingsPanel panel(halfopen::core::Host::Server);
    QSignalSpy changed(&panel, &ui::HostSettingsPanel::changed);
    panel.setHost(keepalive213().client);
    QCOMPARE(changed.size(), 0);
    auto *idle = panel.findChild<QSpinBox *>(QStringLiteral("serverKeepaliveIdle"));
    QVERIFY(idle);
    // The box holds the kernel's limits: beyond them it clamps, and the tooltip names the range.
    QCOMPARE(ui::SettingField::allowedRange(idle)->second, double(core::KeepaliveSettings::kMaxIdleS));
    QVERIFY(idle->toolTip().contains(QStringLiteral("1 to 32767 s")));
    idle->setValue(10);
    QCOMPARE(changed.size(), 1);
}

void TestPanels::predictionFollowsSettings()
{
    ui::PredictionPanel panel;
    QVERIFY2(panel.text().contains(QStringLiteral("idle peer powered off: never — enable keepalive or a heartbeat")),
             qPrintable(panel.text()));
    panel.setConfig(keepalive213());
    QVERIFY2(panel.text().contains(QStringLiteral(
                 "idle peer powered off: detected by TCP keepalive (ETIMEDOUT) 5.0 s after the last packet received")),
             qPrintable(panel.text()));
    QVERIFY2(panel.text().contains(QStringLiteral("peer process frozen: never — enable a heartbeat")),
             qPrintable(panel.text()));
    // The kind of death the chosen traffic meets is marked: idle, the powered-off peer...
    QVERIFY2(panel.text().contains(QStringLiteral("after the last packet received ◀ what this traffic meets")),
             qPrintable(panel.text()));
    // ...periodic sends, the cable cut with data in flight; long waits read in minutes.
    lab::LabConfig periodic = keepalive213();
    periodic.client.endpoint.traffic.kind = core::TrafficPattern::Kind::Periodic;
    panel.setConfig(periodic);
    QVERIFY2(panel.text().contains(QStringLiteral(
                 "peer unplugged, data in flight: detected by retransmission timeout (tcp_retries2) "
                 "(ETIMEDOUT) about 15 min (928.9 s) after the first unacknowledged send ◀ what this traffic meets")),
             qPrintable(panel.text()));
    QCOMPARE(panel.text().count(QStringLiteral("◀")), 1);
    panel.setConfig(keepalive213());
    // A killed peer: what the application sees first is end of file, not EPIPE.
    QVERIFY2(panel.text().contains(
                 QStringLiteral("peer process killed: read() returns 0 (end of file, the peer's FIN) 0.0 s after "
                                "the fault; EPIPE only on the second write after it")),
             qPrintable(panel.text()));
    QVERIFY2(!panel.text().contains(QStringLiteral("(EPIPE) 0.0 s")), qPrintable(panel.text()));
}

void TestPanels::predictionFollowsAppliedOptions()
{
    ui::PredictionPanel panel;
    auto *source = panel.findChild<QLabel *>(QStringLiteral("predictionSource"));
    QVERIFY(source->isHidden());
    core::SocketOptions applied;
    applied.keepalive = {true, 2, 1, 3};
    panel.setAppliedOptions(halfopen::core::Host::Client, applied);
    QVERIFY2(panel.text().contains(QStringLiteral("TCP keepalive (ETIMEDOUT) 5.0 s")), qPrintable(panel.text()));
    QVERIFY(!source->isHidden());
    QVERIFY(source->text().contains(QStringLiteral("client's kernel")));
    // The settings changed again: they are what the prediction shows.
    panel.setConfig(lab::LabConfig::defaults());
    QVERIFY(source->isHidden());
    QVERIFY(panel.text().contains(QStringLiteral("idle peer powered off: never")));
}

void TestPanels::cableSettingsBecomeFaultsWhenTypingPauses()
{
    ui::CableSettingsPanel panel;
    QSignalSpy faults(&panel, &ui::CableSettingsPanel::faultEdited);
    auto *loss = panel.findChild<QDoubleSpinBox *>(QStringLiteral("cableLoss"));
    auto *delay = panel.findChild<QDoubleSpinBox *>(QStringLiteral("cableDelay"));
    // "25" typed is one loss of 25 %, not 2 % then 25 %.
    loss->selectAll();
    QTest::keyClicks(loss, QStringLiteral("25"));
    QCOMPARE(faults.size(), 0);
    QTRY_COMPARE(faults.size(), 1);
    const auto lossFault = faults.at(0).at(0).value<lab::Fault>();
    QCOMPARE(lossFault.kind, lab::FaultKind::Loss);
    QCOMPARE(lossFault.value, 25.0);
    // An emptied field is not applied; the panel names the field and what it takes, in the
    // words of the scenario reader and the CLI (core::JsonFields).
    delay->selectAll();
    QTest::keyClick(delay, Qt::Key_Backspace);
    auto *problem = panel.findChild<QLabel *>(QStringLiteral("cableDelayProblem"));
    QTRY_VERIFY(!problem->isHidden());
    const QString said = QStringLiteral("Delay: must be a number from 0 to 60000 ms, not empty");
    QCOMPARE(core::JsonFields::problem(
                 QStringLiteral("Delay"),
                 core::JsonFields::numberRule(0, 60000, core::JsonFields::emptyText(), QStringLiteral(" ms"))),
             said);
    QVERIFY2(problem->text().contains(said), qPrintable(problem->text()));
    QVERIFY(delay->toolTip().startsWith(said));
    QCOMPARE(faults.size(), 1);
    QTest::keyClicks(delay, QStringLiteral("40"));
    QTRY_COMPARE(faults.size(), 2);
    QVERIFY(problem->isHidden());
    QCOMPARE(faults.at(1).at(0).value<lab::Fault>().kind, lab::FaultKind::Delay);
    QCOMPARE(faults.at(1).at(0).value<lab::Fault>().value, 40.0);
    // "150" typed into the loss stays "150" and is refused with the range, not cut to 15 %.
    loss->selectAll();
    QTest::keyClicks(loss, QStringLiteral("150"));
    QVERIFY2(loss->cleanText().startsWith(QStringLiteral("150")), qPrintable(loss->cleanText()));
    auto *lossProblem = panel.findChild<QLabel *>(QStringLiteral("cableLossProblem"));
    QTRY_VERIFY(!lossProblem->isHidden());
    QVERIFY2(lossProblem->text().contains(QStringLiteral("Loss: must be a number from 0 to 100 %, not 150")),
             qPrintable(lossProblem->text()));
    QCOMPARE(faults.size(), 2);
    // The arrows stay in the range.
    loss->selectAll();
    QTest::keyClicks(loss, QStringLiteral("99"));
    QTRY_COMPARE(faults.size(), 3);
    loss->stepBy(5);
    QCOMPARE(loss->value(), 100.0);
    QTRY_COMPARE(faults.size(), 4);
    // Shown by the program (a scenario picked): nothing to apply.
    lab::CableConfig cable;
    cable.lossPercent = 5;
    panel.setCable(cable);
    for (const ui::LiveSettingGroup *group : panel.findChildren<ui::LiveSettingGroup *>())
        QVERIFY(!group->isWaiting());
    QCOMPARE(faults.size(), 4);
}

void TestPanels::faultBarEmitsFaultsWhileRunning()
{
    ui::FaultBar bar;
    QSignalSpy faults(&bar, &ui::FaultBar::faultRequested);
    auto *powerOff = bar.findChild<QToolButton *>(QStringLiteral("serverPowerOffButton"));
    QVERIFY(powerOff);
    QVERIFY(!powerOff->isEnabled());
    QCOMPARE(powerOff->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    bar.setRunning(true);
    QTest::mouseClick(powerOff, Qt::LeftButton);
    QTest::mouseClick(bar.findChild<QToolButton *>(QStringLiteral("clientSendButton")), Qt::LeftButton);
    QCOMPARE(faults.size(), 2);
    const auto first = faults.at(0).at(0).value<lab::Fault>();
    QCOMPARE(first.kind, lab::FaultKind::PowerOff);
    QCOMPARE(first.host, halfopen::core::Host::Server);
    const auto second = faults.at(1).at(0).value<lab::Fault>();
    QCOMPARE(second.kind, lab::FaultKind::Send);
    QCOMPARE(second.host, halfopen::core::Host::Client);
    QCOMPARE(second.value, 100.0);
}

void TestPanels::faultBarDisablesWhatCannotApply()
{
    ui::FaultBar bar;
    bar.setRunning(true);
    const auto enabled = [&bar](const char *name) {
        auto *button = bar.findChild<QToolButton *>(QLatin1String(name));
        return button && button->isEnabled();
    };
    // Everything plugged in and running: nothing to undo.
    QVERIFY(enabled("serverPowerOffButton"));
    QVERIFY(!enabled("serverPowerOnButton"));
    QVERIFY(!enabled("serverReplugButton"));
    QVERIFY(!enabled("serverThawButton"));
    QVERIFY(enabled("serverFreezeButton"));

    lab::LabWorld world;
    world.server.poweredOff = true;
    world.client.unpluggedFromHost = world.client.unpluggedToHost = true;
    world.client.frozen = true;
    bar.setWorld(world);
    QVERIFY(!enabled("serverPowerOffButton"));
    QVERIFY(enabled("serverPowerOnButton"));
    QVERIFY(!enabled("serverKillButton"));
    QVERIFY(!enabled("serverSendButton"));
    QVERIFY(!enabled("clientUnplugButton"));
    QVERIFY(enabled("clientReplugButton"));
    QVERIFY(enabled("clientThawButton"));
    QVERIFY(!enabled("clientFreezeButton"));
    QVERIFY(enabled("cableLossButton"));

    world.client.processKilled = true;
    world.client.frozen = false;
    bar.setWorld(world);
    QVERIFY(!enabled("clientCloseButton"));
    QVERIFY(!enabled("clientThawButton"));
    QVERIFY(enabled("clientPowerOffButton"));
    bar.setRunning(false);
    QVERIFY(!enabled("serverPowerOnButton"));
}

void TestPanels::topologyShowsTheLabsLife()
{
    core::Session session;
    ui::TopologyStrip strip(&session);
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Client), QStringLiteral("not started"));
    auto labEvent = [&](const char *what) {
        core::Event e;
        e.kind = core::EventKind::Endpoint;
        e.host = halfopen::core::Host::Lab;
        e.what = QLatin1String(what);
        session.add(e);
    };
    labEvent("hosts_up");
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Client), QStringLiteral("running"));
    session.add(faultEvent(lab::FaultKind::PowerOff, halfopen::core::Host::Server));
    labEvent("stopped");
    // A stopped lab's hosts are not running; a powered-off one still says so.
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Client), QStringLiteral("stopped"));
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Server), QStringLiteral("powered off"));

    // A lab that failed says so on both hosts, also after its "stopped".
    session.clear();
    labEvent("hosts_up");
    labEvent("failed");
    labEvent("stopped");
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Client), QStringLiteral("the lab failed"));
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Server), QStringLiteral("the lab failed"));
    session.clear();
    QCOMPARE(strip.hostStatus(halfopen::core::Host::Server), QStringLiteral("not started"));

    // The verdict panel does not go on waiting for a lab that failed.
    ui::VerdictPanel verdict(&session);
    core::Event failed;
    failed.kind = core::EventKind::Endpoint;
    failed.host = halfopen::core::Host::Lab;
    failed.what = QStringLiteral("failed");
    failed.detail = {{QStringLiteral("message"), QStringLiteral("cannot create a user namespace: EPERM")}};
    session.add(failed);
    QCOMPARE(verdict.headline(), QStringLiteral("The lab failed: nothing was measured."));
    QVERIFY(verdict.findChild<QLabel *>(QStringLiteral("verdictMeaning"))->text().contains(QLatin1String("EPERM")));
}

void TestPanels::keepaliveCountdownSaysWhatTheKernelWillDo()
{
    core::SocketOptions options;
    options.keepalive = {true, 2, 1, 3};
    core::TcpInfoSample s;
    s.state = core::TcpState::Established;
    s.timerKnown = true;
    s.timer = core::TcpTimer::Keepalive;
    s.timerExpiresMs = 100;
    // Data flows: the last packet came 0.3 s ago. The timer fires in 0.1 s, finds the
    // connection idle for 0.4 s only and re-arms: the probe is 1.7 s away, not 0.1 s.
    s.lastDataRecvMs = 300;
    s.lastAckRecvMs = 300;
    QString line = ui::VerdictPanel::keepaliveCountdown(s, options, 0.1, 0);
    QVERIFY2(line.startsWith(QStringLiteral("first keepalive probe in 1.7 s")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("gives up in 4.7 s")), qPrintable(line));
    // Read 0.5 s after the sample: the idle count went on.
    line = ui::VerdictPanel::keepaliveCountdown(s, options, 0.1, 500);
    QVERIFY2(line.startsWith(QStringLiteral("first keepalive probe in 1.2 s")), qPrintable(line));
    // Idle long enough: the timer itself is the probe.
    s.lastDataRecvMs = s.lastAckRecvMs = 1950;
    line = ui::VerdictPanel::keepaliveCountdown(s, options, 0.1, 0);
    QVERIFY2(line.startsWith(QStringLiteral("first keepalive probe in 0.1 s")), qPrintable(line));
    // Probes on the way: counted, and the give-up time.
    s.probes = 1;
    line = ui::VerdictPanel::keepaliveCountdown(s, options, 0.6, 0);
    QCOMPARE(line, QStringLiteral("keepalive probe 1 of 3 sent unanswered, next in 0.6 s, gives up in 2.6 s"));
    // Overdue (the sample is older than the timer): due, not a countdown below zero.
    line = ui::VerdictPanel::keepaliveCountdown(s, options, 0, 0);
    QVERIFY2(line.contains(QStringLiteral("next due now")), qPrintable(line));
    // Data in flight: keepalive stands aside.
    s.unacked = 1;
    QCOMPARE(ui::VerdictPanel::keepaliveCountdown(s, options, 0.6, 0),
             QStringLiteral("keepalive waits while data is in flight"));
    // Long waits read in minutes, the seconds beside them.
    QCOMPARE(models::humanSeconds(928.9), QStringLiteral("about 15 min (928.9 s)"));
    QCOMPARE(models::humanSeconds(4.63), QStringLiteral("4.6 s"));
}

// A run (or a replay of it) that ended with nothing noticed does not say "yet" (issue 13: the
// verdict panel of a finished cut-cable recording promised a future it no longer had).
void TestPanels::verdictAtTheEndOfAQuietRun()
{
    core::Session session;
    ui::VerdictPanel panel(&session);
    const auto add = [&](core::EventKind kind, halfopen::core::Host host, const char *what, qint64 tUs) {
        core::Event e;
        e.kind = kind;
        e.host = host;
        e.what = QString::fromLatin1(what);
        e.tUs = tUs;
        session.add(e);
    };
    add(core::EventKind::Endpoint, halfopen::core::Host::Lab, "hosts_up", 1'000'000);
    add(core::EventKind::Fault, halfopen::core::Host::Server, "unplug", 2'000'000);
    QCOMPARE(panel.headline(), QStringLiteral("Nothing has noticed a problem yet."));
    add(core::EventKind::Endpoint, halfopen::core::Host::Lab, "stopped", 7'556'000);
    QCOMPARE(panel.headline(),
             QStringLiteral("Nothing noticed a problem: the run ended at 6.56 s without an error on either side."));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("verdictMeaning"))
                ->text()
                .startsWith(QStringLiteral("Server was still cut off")));

    // A detection before the end keeps the headline it gave.
    session.clear();
    core::Event v;
    v.kind = core::EventKind::Verdict;
    v.host = halfopen::core::Host::Client;
    v.errnoValue = ETIMEDOUT;
    v.mechanism = core::DetectionMechanism::Keepalive;
    v.tUs = 3'000'000;
    session.add(v);
    add(core::EventKind::Endpoint, halfopen::core::Host::Lab, "stopped", 4'000'000);
    QCOMPARE(panel.headline(), ui::verdictHeadline(v));
}

void TestPanels::verdictHeadline()
{
    core::Event v;
    v.kind = core::EventKind::Verdict;
    v.host = halfopen::core::Host::Client;
    v.errnoValue = ETIMEDOUT;
    v.mechanism = core::DetectionMechanism::Keepalive;
    v.detail = {{QStringLiteral("fatal"), true},
                {QStringLiteral("elapsed_s"), 5.1},
                {QStringLiteral("reference"), QStringLiteral("last_received")},
                {QStringLiteral("predicted_s"), 5.0},
                {QStringLiteral("predicted_reference"), QStringLiteral("last_received")}};
    QCOMPARE(ui::verdictHeadline(v),
             QStringLiteral("Client: dead peer detected 5.10 s after the last packet received by TCP keepalive "
                            "(ETIMEDOUT) — predicted 5.0 s"));

    // The panel shows it as the session's verdict arrives.
    core::Session session;
    ui::VerdictPanel panel(&session);
    session.add(v);
    QCOMPARE(panel.headline(), ui::verdictHeadline(v));

    // The other side noticing later is listed under the first detection, which stays.
    core::Event server = v;
    server.host = halfopen::core::Host::Server;
    server.errnoValue = ECONNRESET;
    server.mechanism = core::DetectionMechanism::Rst;
    server.detail = {{QStringLiteral("fatal"), true}};
    session.add(server);
    QCOMPARE(panel.headline(), ui::verdictHeadline(v));
    QCOMPARE(panel.laterDetections(),
             QStringLiteral("Then: Server: connection lost — ECONNRESET by an RST from the peer"));
    session.clear();
    QVERIFY(panel.laterDetections().isEmpty());
    QVERIFY(!panel.headline().contains(QStringLiteral("ETIMEDOUT")));

    // Before anything ran, the panel says what to press; once a run is under way, it does not.
    auto *hint = panel.findChild<QLabel *>(QStringLiteral("verdictHint"));
    QVERIFY(hint && !hint->isHidden());
    QVERIFY(hint->text().contains(QStringLiteral("Power off")));
    panel.setRunning(true);
    QVERIFY(hint->isHidden());

    // The peer powered off, the client idle with no timer: the half-open connection, said so.
    core::Event off;
    off.kind = core::EventKind::Fault;
    off.host = halfopen::core::Host::Server;
    off.what = QStringLiteral("power-off");
    session.add(off);
    core::Event idle;
    idle.kind = core::EventKind::Sample;
    idle.tUs = core::monotonicNowUs();
    idle.host = halfopen::core::Host::Client;
    idle.local = QStringLiteral("198.18.0.1:40000");
    idle.remote = QStringLiteral("198.18.0.2:5000");
    core::TcpInfoSample quiet;
    quiet.state = core::TcpState::Established;
    quiet.timerKnown = true;
    quiet.timer = core::TcpTimer::Off;
    idle.sample = quiet;
    session.add(idle);
    QTRY_VERIFY2(panel.countdown().contains(QStringLiteral("never notice")), qPrintable(panel.countdown()));
    QVERIFY(panel.countdown().startsWith(QStringLiteral("Client:")));
    panel.setRunning(false);
}

void TestPanels::eventLogReadsInWords()
{
    core::Session session;
    ui::EventLogModel model(&session);
    core::Event closed;
    closed.kind = core::EventKind::Endpoint;
    closed.host = halfopen::core::Host::Client;
    closed.what = QStringLiteral("closed");
    closed.detail = {{QStringLiteral("bytes_sent"), 3090}, {QStringLiteral("how"), QStringLiteral("error")}};
    core::Event verdict;
    verdict.kind = core::EventKind::Verdict;
    verdict.host = halfopen::core::Host::Client;
    verdict.errnoValue = ETIMEDOUT;
    verdict.mechanism = core::DetectionMechanism::RetransmissionTimeout;
    verdict.detail = {{QStringLiteral("fatal"), true},
                      {QStringLiteral("elapsed_s"), 13.96},
                      {QStringLiteral("reference"), QStringLiteral("fault")}};
    session.add(closed);
    session.add(verdict);
    QTRY_COMPARE(model.rowCount(), 2); // the batch is shown
    const int details = int(ui::EventLogModel::Column::Details);
    QCOMPARE(model.index(0, details).data().toString(), QStringLiteral("bytes sent 3090, how error"));
    QCOMPARE(model.index(1, details).data().toString(), ui::verdictHeadline(verdict));
    QVERIFY(!model.index(1, details).data().toString().contains(QLatin1Char('{')));
    // The raw data stays at hand: in the tooltip, and whole for "Copy as JSON".
    QVERIFY(model.index(1, details).data(Qt::ToolTipRole).toString().contains(QStringLiteral("\"elapsed_s\": 13.96")));
    const QString json = model.index(0, 0).data(ui::EventLogModel::RawJsonRole).toString();
    QCOMPARE(core::Event::fromJson(QJsonDocument::fromJson(json.toUtf8()).object())->detail, closed.detail);
    // A file keeps the data as it was.
    QVERIFY(ui::eventLogFields(verdict).startsWith(QLatin1Char('{')));

    // A fault with its value, as recordings have it; none said, none shown.
    core::Event delay;
    delay.kind = core::EventKind::Fault;
    delay.what = QStringLiteral("delay");
    delay.detail = {{QStringLiteral("fault"), QStringLiteral("delay")}, {QStringLiteral("value"), 200}};
    QCOMPARE(ui::eventLogText(delay), QStringLiteral("delay (200)"));
    delay.detail = {{QStringLiteral("fault"), QStringLiteral("delay")}};
    QCOMPARE(ui::eventLogText(delay), QStringLiteral("delay"));

    // The capture's ring turned: its counts in words, as recordings carry them.
    const core::Event trimmed = core::Event::labEvent(
        1, core::RunStep::CaptureTrimmed,
        {{QStringLiteral("dropped_frames"), 1200},
         {QStringLiteral("dropped_bytes"), 3 << 20},
         {QStringLiteral("limit_mb"), 256},
         {QStringLiteral("message"),
          QStringLiteral("the capture keeps the last 256 MB: 1200 older frames were dropped")}});
    QCOMPARE(ui::eventLogText(trimmed),
             QStringLiteral("Capture: older frames dropped to stay within 256 MB — 1200 frame(s) (3.0 MB) left out"));
}

// A burst of events is one insertion of rows; a late event that lands among the rows already
// shown is inserted at its place at once.
void TestPanels::eventLogInsertsBatches()
{
    core::Session session;
    ui::EventLogModel model(&session);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    core::Event e;
    e.kind = core::EventKind::Endpoint;
    e.host = halfopen::core::Host::Client;
    e.what = QStringLiteral("sent");
    for (int i = 0; i < 1000; ++i) {
        e.tUs = 1000 * (i + 1);
        e.count = i;
        session.add(e);
    }
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 1000);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 999);

    e.tUs = 500; // older than all: row 0
    e.count = -1;
    session.add(e);
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(ui::EventLogModel::RawJsonRole).toString().contains(QStringLiteral("\"count\":-1")),
             true);
    QTest::qWait(0);
    QCOMPARE(inserted.size(), 2); // nothing left to show after the batch
}

void TestPanels::csvQuotesFields()
{
    core::Event e;
    e.kind = core::EventKind::Error;
    e.tUs = 2'500'000;
    e.host = halfopen::core::Host::Client;
    e.errnoValue = ECONNRESET;
    e.mechanism = core::DetectionMechanism::Rst;
    // The wall clock beside the monotonic time: 0.5 s after the anchor's monotonic time.
    const core::WallClock wall{QDateTime(QDate(2026, 12, 5), QTime(1, 22, 13, 100), Qt::UTC), 2'000'000};
    QStringList lines = ui::EventCsvExport::toCsv({e}, 1'000'000, wall).split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0), QStringLiteral("t_s,wall_clock_utc,host,kind,what,local,remote,errno,mechanism,details"));
    // The details hold a comma, so they are quoted.
    QVERIFY2(lines.at(1).startsWith(
                 QStringLiteral("1.500000,2026-12-05T01:22:13.600Z,client,error,,,,ECONNRESET,rst,\"ECONNRESET")),
             qPrintable(lines.at(1)));
    // A recording made before the wall clock was recorded: the column stays empty.
    lines = ui::EventCsvExport::toCsv({e}, 1'000'000, core::WallClock()).split(QLatin1Char('\n'));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("1.500000,,client,error,")), qPrintable(lines.at(1)));
}

void TestPanels::settingsKeepLabAndLayout()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        ui::AppSettings settings(path);
        QCOMPARE(settings.labConfig().toJson(), lab::LabConfig::defaults().toJson());
        settings.setLabConfig(keepalive213());
        settings.setWindowState(QByteArray("state"));
        settings.setSocketTableHeader(QByteArray("header"));
        settings.setLastScenario(QStringLiteral("kill-process"));
        settings.sync();
    }
    ui::AppSettings again(path);
    QCOMPARE(again.labConfig().client.endpoint.options.keepalive, (core::KeepaliveSettings{true, 2, 1, 3}));
    QCOMPARE(again.windowState(), QByteArray("state"));
    QCOMPARE(again.socketTableHeader(), QByteArray("header"));
    QCOMPARE(again.lastScenario(), QStringLiteral("kill-process"));
}

namespace {
// The breaks in one of the cable's ways as the strip painted it: runs of background, at least
// 8 px long, with cable on both sides (a cable that merely stops short of a host is not cut).
// Each break as its middle x.
QList<qreal> cableBreaks(const QImage &image, const QLineF &strand, const QColor &background)
{
    auto isBackground = [&](int x, int y) {
        const QColor c = image.pixelColor(x, y);
        return qAbs(c.red() - background.red()) + qAbs(c.green() - background.green())
            + qAbs(c.blue() - background.blue())
            < 60;
    };
    const int y = qRound(strand.y1());
    const int from = qRound(qMin(strand.x1(), strand.x2())) + 3;
    const int to = qRound(qMax(strand.x1(), strand.x2())) - 3;
    QList<qreal> breaks;
    int runStart = -1;
    bool cableBefore = false;
    for (int x = from; x <= to; ++x) {
        if (isBackground(x, y)) {
            if (runStart < 0)
                runStart = x;
            continue;
        }
        if (runStart >= 0 && cableBefore && x - runStart >= 8)
            breaks << (runStart + x) / 2.0;
        runStart = -1;
        cableBefore = true;
    }
    return breaks;
}
} // namespace

void TestPanels::topologyDrawsTheCableCut()
{
    core::Session session;
    ui::TopologyStrip strip(&session);
    strip.resize(900, 110);
    core::Event up;
    up.kind = core::EventKind::Endpoint;
    up.host = halfopen::core::Host::Lab;
    up.what = QStringLiteral("hosts_up");
    session.add(up);
    auto picture = [&strip] { return strip.grab().toImage(); };
    // Background: below the cable, between the hosts' boxes, where nothing is drawn.
    const QColor background = picture().pixelColor(strip.width() / 2, strip.height() - 3);
    const qreal middle = strip.width() / 2.0;

    // Whole: one line, unbroken.
    QCOMPARE(strip.cableStrands().size(), 1);
    QVERIFY(cableBreaks(picture(), strip.cableStrands().at(0), background).isEmpty());

    // The client unplugged: the cable broken once, near the client, with both ends showing.
    session.add(faultEvent(lab::FaultKind::Unplug, halfopen::core::Host::Client));
    QCOMPARE(strip.cableStrands().size(), 1);
    QList<qreal> breaks = cableBreaks(picture(), strip.cableStrands().at(0), background);
    QCOMPARE(breaks.size(), 1);
    QVERIFY2(breaks.at(0) < middle, qPrintable(QString::number(breaks.at(0))));

    // Replugged: whole again.
    session.add(faultEvent(lab::FaultKind::Replug, halfopen::core::Host::Client));
    QCOMPARE(strip.cableStrands().size(), 1);
    QVERIFY(cableBreaks(picture(), strip.cableStrands().at(0), background).isEmpty());

    // One way: frames towards the server dropped at its end. The client → server way (drawn
    // first, from the client) is broken near the server; the way back is whole.
    session.add(faultEvent(lab::FaultKind::Unplug, halfopen::core::Host::Server, 0, lab::CableDirection::ToHost));
    QList<QLineF> strands = strip.cableStrands();
    QCOMPARE(strands.size(), 2);
    QVERIFY(strands.at(0).x2() > strands.at(0).x1()); // client → server
    breaks = cableBreaks(picture(), strands.at(0), background);
    QCOMPARE(breaks.size(), 1);
    QVERIFY2(breaks.at(0) > middle, qPrintable(QString::number(breaks.at(0))));
    QVERIFY(cableBreaks(picture(), strands.at(1), background).isEmpty());
    QVERIFY(!strip.state().delivers(halfopen::core::Host::Client, halfopen::core::Host::Server));
    QVERIFY(strip.state().delivers(halfopen::core::Host::Server, halfopen::core::Host::Client));
    session.add(faultEvent(lab::FaultKind::Replug, halfopen::core::Host::Server, 0, lab::CableDirection::ToHost));
    QCOMPARE(strip.cableStrands().size(), 1);
    QVERIFY(cableBreaks(picture(), strip.cableStrands().at(0), background).isEmpty());

    // The other way: frames towards the client dropped. Now the way back is the broken one,
    // near the client, and the way there is whole.
    session.add(faultEvent(lab::FaultKind::Unplug, halfopen::core::Host::Client, 0, lab::CableDirection::ToHost));
    strands = strip.cableStrands();
    QCOMPARE(strands.size(), 2);
    QVERIFY(cableBreaks(picture(), strands.at(0), background).isEmpty());
    breaks = cableBreaks(picture(), strands.at(1), background);
    QCOMPARE(breaks.size(), 1);
    QVERIFY2(breaks.at(0) < middle, qPrintable(QString::number(breaks.at(0))));
}

QTEST_MAIN(TestPanels)
#include "tst_Panels.moc"
