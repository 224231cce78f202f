// SPDX-License-Identifier: GPL-3.0-or-later
// The window in real-network mode on the offscreen platform: a user switches "Where the peer
// is" to Real network through the widgets, enters a loopback `halfopen-cli serve` as the peer,
// starts, presses Space ("I pulled the cable now") and reads the marker in the timeline and the
// verdict measured from it. Errors a user can cause show in the window with their errno.

#include "control/LabSessionController.h"
#include "core/session/Session.h"
#include "lab/LabProcess.h"
#include "models/ScenarioListModel.h"
#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"
#include "realnet/RealNetworkDriver.h"
#include "tests/realnet/RealNetworkRun.h"
#include "tests/support/CliPeer.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/PredictionPanel.h"
#include "ui/TopologyStrip.h"
#include "ui/VerdictPanel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace halfopen;
using halfopen::testing::CliPeer;

namespace {

struct Window
{
    Window()
    {
        controller.setRealNetworkDriver(&realNetwork);
        window = std::make_unique<ui::MainWindow>(&controller, &scenarios, &settings);
    }

    template<typename T> T *find(const QString &name)
    {
        T *widget = window->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }

    QWidget *toolButton(const QString &actionName)
    {
        auto *action = find<QAction>(actionName);
        auto *bar = find<QToolBar>(QStringLiteral("sessionToolBar"));
        return action && bar ? bar->widgetForAction(action) : nullptr;
    }

    // Through the widgets, as a user does it: Real network, this machine the client of ADDRESS:PORT.
    void chooseRealPeer(const QString &address, int port)
    {
        QTest::mouseClick(find<QRadioButton>(QStringLiteral("peerRealNetwork")), Qt::LeftButton);
        find<QComboBox>(QStringLiteral("realNetworkRole"))->setCurrentIndex(0);
        auto *edit = find<QLineEdit>(QStringLiteral("realNetworkPeerAddress"));
        edit->selectAll();
        QTest::keyClicks(edit, address);
        find<QSpinBox>(QStringLiteral("realNetworkPeerPort"))->setValue(port);
    }

    core::TcpState stateOf(const QString &keyPrefix)
    {
        models::SocketTableModel *table = controller.socketTable();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QModelIndex index = table->index(row, 0);
            if (index.data(models::SocketTableModel::SocketKeyRole).toString().startsWith(keyPrefix))
                return core::TcpState(index.data(models::SocketTableModel::StateRole).toInt());
        }
        return core::TcpState::Unknown;
    }

    QTemporaryDir dir;
    ui::AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    lab::LabProcess lab{lab::LabProcess::Options{QStringLiteral("/nonexistent/halfopen-lab"), {}, {}}};
    realnet::RealNetworkDriver realNetwork{
        realnet::RealNetworkDriver::Options{.endpointPath = QStringLiteral(HALFOPEN_CLI),
                                            .observeIntervalMs = 50,
                                            .stopTimeoutMs = 2000,
                                            .capture = true,
                                            .captureHelperPath = {}}};
    control::LabSessionController controller{&lab};
    models::ScenarioListModel scenarios{{}};
    std::unique_ptr<ui::MainWindow> window;
};

// A lab that is ready at once and keeps what it is told: to see which driver a run used.
class FakeLab : public lab::LabDriver
{
public:
    void start(const lab::LabConfig &) override
    {
        ++starts;
        QMetaObject::invokeMethod(this, &LabDriver::ready, Qt::QueuedConnection);
    }
    void apply(const lab::Fault &fault) override { faults.append(fault); }
    void setSocketOptions(halfopen::core::Host host, const core::SocketOptions &) override { optionHosts.append(host); }
    void stop() override { QMetaObject::invokeMethod(this, &LabDriver::stopped, Qt::QueuedConnection); }

    int starts = 0;
    QList<lab::Fault> faults;
    QList<halfopen::core::Host> optionHosts;
};

QString procValue(const char *name)
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}

} // namespace

class TestRealNetworkWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void markerAndVerdictAgainstALoopbackPeer();
    void refusedConnectionIsReportedInTheWindow();
    void badAddressNamesTheFieldAndStartsNothing();
    void withoutADriverTheLabIsTheOnlyChoice();
    void controllerSwitchesBetweenLabAndRealNetwork();
};

void TestRealNetworkWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRealNetworkWindow::markerAndVerdictAgainstALoopbackPeer()
{
    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port > 0);
    Window w;
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));

    auto *powerOff = w.find<QToolButton>(QStringLiteral("serverPowerOffButton"));
    auto *marker = w.find<QToolButton>(QStringLiteral("markerButton"));
    QVERIFY(powerOff->isVisibleTo(w.window.get()));
    QVERIFY(!marker->isVisibleTo(w.window.get()));
    w.chooseRealPeer(QStringLiteral("127.0.0.1"), port);
    // The texts speak of this machine and the marker, not of the lab's rows.
    const QString hint = w.find<QLabel>(QStringLiteral("verdictHint"))->text();
    QVERIFY2(hint.contains(QStringLiteral("I pulled the cable now")) && !hint.contains(QStringLiteral("Server row")),
             qPrintable(hint));

    // Only this machine's side is set here; the lab's cable and kernel fields give way to this
    // host's own kernel settings, which the prediction uses.
    auto *tabs = w.find<QTabWidget>(QStringLiteral("hostTabs"));
    QVERIFY(tabs->isTabVisible(0));
    QVERIFY(!tabs->isTabVisible(1));
    QVERIFY(!w.find<QGroupBox>(QStringLiteral("clientLabKernel"))->isVisibleTo(w.window.get()));
    const QString kernel = w.find<QLabel>(QStringLiteral("hostKernelValues"))->text();
    QVERIFY2(kernel.contains(QStringLiteral("net.ipv4.tcp_retries2 = %1").arg(procValue("tcp_retries2"))),
             qPrintable(kernel));
    QVERIFY(!w.find<QWidget>(QStringLiteral("faultLoss"))->isVisibleTo(w.window.get()));
    QVERIFY(!w.find<QWidget>(QStringLiteral("predictionSide"))->isEnabled());
    QVERIFY(w.find<QGroupBox>(QStringLiteral("clientHeartbeat"))
                ->toolTip()
                .contains(QStringLiteral("Only against a HalfOpen peer")));
    // The fault bar offers what this machine can do, and the marker.
    QVERIFY(!powerOff->isVisibleTo(w.window.get()));
    QVERIFY(marker->isVisibleTo(w.window.get()));
    QVERIFY(w.find<QToolButton>(QStringLiteral("realAbortButton"))->isVisibleTo(w.window.get()));

    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QTRY_VERIFY2_WITH_TIMEOUT(marker->isEnabled(), qPrintable(messages->text()), 10000);
    QVERIFY(w.controller.isRealNetwork());
    // This host's sockets on the port: ours, and the loopback peer's listener and connection.
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(QStringLiteral("client|")), core::TcpState::Established, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.stateOf(QStringLiteral("other|127.0.0.1:%1|0.0.0.0:0").arg(port)),
                              core::TcpState::Listen, 5000);

    // Space: "I pulled the cable now", with the focus left in a settings field the user just
    // edited: the marker, not a space typed into the field. It lands in the timeline and starts the stopwatch.
    auto *userTimeout = w.find<QSpinBox>(QStringLiteral("clientUserTimeout"));
    QVERIFY(userTimeout->isEnabled());
    userTimeout->setFocus();
    QTRY_VERIFY(userTimeout->hasFocus());
    const QString typed = userTimeout->text();
    QTest::keyClick(userTimeout, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller.timeline()->faultMarkers().isEmpty(), 3000);
    QCOMPARE(userTimeout->text(), typed);
    QCOMPARE(w.controller.timeline()->faultMarkers().size(), 1);
    QCOMPARE(w.controller.timeline()->faultMarkers().constLast().label, QStringLiteral("marker"));
    auto *verdict = w.find<ui::VerdictPanel>(QStringLiteral("verdictPanel"));
    QTRY_VERIFY2_WITH_TIMEOUT(verdict->countdown().contains(QStringLiteral("since your marker")),
                              qPrintable(verdict->countdown()), 3000);
    QVERIFY(w.find<ui::TopologyStrip>(QStringLiteral("topologyStrip"))->markerPressed());

    // The peer's process dies: its kernel's FIN reaches us, measured from the marker.
    peer.signal(SIGKILL);
    QTRY_VERIFY2_WITH_TIMEOUT(verdict->headline().contains(QStringLiteral("after your marker")),
                              qPrintable(verdict->headline()), 5000);
    QVERIFY2(verdict->headline().startsWith(QStringLiteral("Client: the peer closed the connection (end of stream)")),
             qPrintable(verdict->headline()));
    QVERIFY(!verdict->countdown().contains(QStringLiteral("since your marker")));
    QVERIFY(messages->text().isEmpty());

    QTest::mouseClick(w.toolButton(QStringLiteral("stopAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), control::LabSessionController::RunState::Idle, 10000);
    QVERIFY(!marker->isEnabled());

    // The mode, the role and the address are kept for next time.
    w.window->close();
    ui::AppSettings reread(w.dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(reread.realNetworkMode());
    QCOMPARE(reread.realNetwork().peerAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(int(reread.realNetwork().peerPort), port);
}

void TestRealNetworkWindow::refusedConnectionIsReportedInTheWindow()
{
    const quint16 port = testing::freeLoopbackPort();
    Window w;
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    w.chooseRealPeer(QStringLiteral("127.0.0.1"), port);
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    auto *messages = w.find<ui::MessageBar>(QStringLiteral("messageBar"));
    QTRY_VERIFY_WITH_TIMEOUT(!messages->text().isEmpty(), 10000);
    QVERIFY2(messages->text().startsWith(
                 QStringLiteral("Real network: Cannot connect to 127.0.0.1:%1: ECONNREFUSED (Connection refused)")
                     .arg(port)),
             qPrintable(messages->text()));
    QTRY_COMPARE_WITH_TIMEOUT(w.controller.runState(), control::LabSessionController::RunState::Idle, 10000);
    QVERIFY(w.toolButton(QStringLiteral("startAction"))->isEnabled());
}

void TestRealNetworkWindow::badAddressNamesTheFieldAndStartsNothing()
{
    Window w;
    w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
    w.chooseRealPeer(QStringLiteral("10.0.0.256"), 1883);
    // The fields say it as it is typed...
    const QString hint = w.find<QLabel>(QStringLiteral("realNetworkHint"))->text();
    QVERIFY2(hint.startsWith(QStringLiteral("Peer address: '10.0.0.256'")), qPrintable(hint));
    // ...and Start refuses it in the message bar.
    QTest::mouseClick(w.toolButton(QStringLiteral("startAction")), Qt::LeftButton);
    const QString message = w.find<ui::MessageBar>(QStringLiteral("messageBar"))->text();
    QVERIFY2(message.contains(
                 QStringLiteral("Peer address: '10.0.0.256' is neither an IPv4 or IPv6 address nor a host name")),
             qPrintable(message));
    QCOMPARE(w.controller.runState(), control::LabSessionController::RunState::Idle);
    QCOMPARE(w.controller.session()->size(), 0);
    // Fixed: the message about it goes.
    auto *edit = w.find<QLineEdit>(QStringLiteral("realNetworkPeerAddress"));
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("10.0.0.25"));
    QTRY_VERIFY2(w.find<ui::MessageBar>(QStringLiteral("messageBar"))->text().isEmpty(),
                 qPrintable(w.find<ui::MessageBar>(QStringLiteral("messageBar"))->text()));
}

void TestRealNetworkWindow::withoutADriverTheLabIsTheOnlyChoice()
{
    QTemporaryDir dir;
    ui::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setRealNetworkMode(true); // saved by a window that had one
    lab::LabProcess lab(lab::LabProcess::Options{QStringLiteral("/nonexistent/halfopen-lab"), {}, {}});
    control::LabSessionController controller(&lab);
    models::ScenarioListModel scenarios({});
    ui::MainWindow window(&controller, &scenarios, &settings);
    auto *real = window.findChild<QRadioButton *>(QStringLiteral("peerRealNetwork"));
    QVERIFY(!real->isEnabled());
    QVERIFY(!real->isChecked());
    QVERIFY(window.findChild<QRadioButton *>(QStringLiteral("peerVirtualLab"))->isChecked());
    QVERIFY(window.findChild<QToolButton *>(QStringLiteral("serverPowerOffButton"))->isVisibleTo(&window));
}

void TestRealNetworkWindow::controllerSwitchesBetweenLabAndRealNetwork()
{
    using State = control::LabSessionController::RunState;
    FakeLab fake;
    realnet::RealNetworkDriver realNetwork(
        realnet::RealNetworkDriver::Options{.endpointPath = QStringLiteral(HALFOPEN_CLI),
                                            .observeIntervalMs = 50,
                                            .stopTimeoutMs = 2000,
                                            .capture = true,
                                            .captureHelperPath = {}});
    control::LabSessionController controller(&fake, QStringLiteral("/tmp/lab-capture.pcap"));
    controller.setRealNetworkDriver(&realNetwork);
    lab::Fault marker;
    marker.kind = lab::FaultKind::Marker;

    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);
    QVERIFY(!controller.isRealNetwork());
    controller.apply(marker);
    QCOMPARE(fake.faults.size(), 1);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);

    CliPeer peer;
    const int port = peer.startServer(QStringLiteral("127.0.0.1:0"));
    realnet::RealNetworkConfig network;
    network.peerAddress = QStringLiteral("127.0.0.1");
    network.peerPort = quint16(port);
    controller.startRealNetwork(lab::LabConfig::defaults(), network);
    QTRY_COMPARE_WITH_TIMEOUT(controller.runState(), State::Running, 10000);
    QVERIFY(controller.isRealNetwork());
    QCOMPARE(controller.scenario().title,
             QStringLiteral("Real network: this machine connects to 127.0.0.1:%1").arg(port));
    controller.apply(marker); // to the real network now, not to the lab
    QCOMPARE(fake.faults.size(), 1);
    QTRY_VERIFY(std::any_of(
        controller.session()->events().begin(), controller.session()->events().end(),
        [](const core::Event &e) { return e.kind == core::EventKind::Fault && e.what == QLatin1String("marker"); }));
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.runState(), State::Idle, 5000);
    QVERIFY(!realNetwork.endpointRunning());
    QVERIFY(controller.capturePath().isEmpty()); // no lab's capture passes for the real cable's

    // And back: the lab runs the next free session.
    controller.startFreeSession(lab::LabConfig::defaults());
    QTRY_COMPARE(controller.runState(), State::Running);
    QCOMPARE(fake.starts, 2);
    QVERIFY(!controller.isRealNetwork());
    QCOMPARE(controller.capturePath(), QStringLiteral("/tmp/lab-capture.pcap"));
    controller.apply(marker);
    QCOMPARE(fake.faults.size(), 2);
    controller.stop();
    QTRY_COMPARE(controller.runState(), State::Idle);
}

QTEST_MAIN(TestRealNetworkWindow)
#include "tst_RealNetworkWindow.moc"
