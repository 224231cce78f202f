// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Session.h"
#include "lab/scenario/ScenarioRunner.h"
#include "realnet/RealNetworkDriver.h"

#include <QSignalSpy>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace halfopen::testing {

// A real-network session as the window runs one: the driver behind a ScenarioRunner that
// records every event into a Session and judges detections (verdict events).
struct RealNetworkRun
{
    // The capture helper beside the built halfopen-cli, unless another is named.
    explicit RealNetworkRun(const QString &captureHelperPath = {})
        : driver(realnet::RealNetworkDriver::Options{.endpointPath = QStringLiteral(HALFOPEN_CLI),
                                                     .observeIntervalMs = 50,
                                                     .stopTimeoutMs = 2000,
                                                     .capture = true,
                                                     .captureHelperPath = captureHelperPath})
    {
        QObject::connect(&driver, &lab::LabDriver::failed, [this](const QString &message) { failure = message; });
    }
    ~RealNetworkRun()
    {
        if (runner.isRunning()) {
            runner.stop();
            if (!QTest::qWaitFor([this] { return !runner.isRunning(); }, 5000))
                qWarning("the real-network run did not stop");
        }
    }

    void start(const realnet::RealNetworkConfig &network, const lab::LabConfig &config = lab::LabConfig::defaults())
    {
        driver.setNetwork(network);
        lab::Scenario free;
        free.name = QStringLiteral("real-network");
        free.lab = config;
        free.end.timeoutS = 600;
        free.end.when = lab::ScenarioEnd::When::Timeout;
        runner.start(free);
    }

    bool waitReady()
    {
        return QTest::qWaitFor([this] { return runner.readyUs() != 0 || !failure.isEmpty(); }, 10000)
            && failure.isEmpty();
    }
    bool stop()
    {
        runner.stop();
        return QTest::qWaitFor([this] { return !runner.isRunning(); }, 5000);
    }

    const core::Event *find(core::EventKind kind, const QString &what = {},
                            halfopen::core::Host host = halfopen::core::Host::None) const
    {
        for (const core::Event &e : session.events()) {
            if (e.kind == kind && (what.isEmpty() || e.what == what)
                && (host == halfopen::core::Host::None || e.host == host))
                return &e;
        }
        return nullptr;
    }
    const core::Event *findState(halfopen::core::Host host, core::TcpState to, const QString &local = {}) const
    {
        for (const core::Event &e : session.events()) {
            if (e.kind == core::EventKind::State && e.host == host && e.toState == to
                && (local.isEmpty() || e.local == local))
                return &e;
        }
        return nullptr;
    }

    core::Session session;
    realnet::RealNetworkDriver driver;
    lab::ScenarioRunner runner{&driver, &session};
    QString failure;
};

// A loopback port nothing listens on: the kernel hands it out, we give it back.
inline quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace halfopen::testing
