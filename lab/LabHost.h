// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/session/EventPipeReader.h"
#include "lab/LabConfig.h"
#include "lab/SocketObserver.h"

#include <QObject>
#include <QProcess>

namespace halfopen::lab {

// One host of the lab: a network namespace with one interface (eth0) whose other end
// (cable-NAME) sits in the supervisor's namespace, and the test endpoint (halfopen-cli) running
// inside. Powering off makes all of it vanish at once; powering on builds it afresh with the
// same addresses and MAC.
class LabHost : public QObject
{
    Q_OBJECT
public:
    LabHost(const HostConfig &config, const QString &mac, const QString &peerAddress, const QString &peerMac,
            bool staticNeighbours, const QString &endpointPath, QObject *parent = nullptr);
    ~LabHost() override;

    core::Host host() const { return m_config.host; }
    QString name() const { return m_config.name(); }
    QString cableInterface() const { return QStringLiteral("cable-") + m_config.name(); }
    const HostConfig &config() const { return m_config; }
    bool isOn() const { return m_netns >= 0; }

    // Namespace, link, addresses, kernel settings, observer; the endpoint starts with startEndpoint().
    bool powerOn(QString *error);
    // Every process and socket of the host disappears; nothing is sent (the caller cuts first).
    void powerOff();

    void startEndpoint();
    bool endpointRunning() const { return m_endpoint.state() != QProcess::NotRunning; }
    void signalEndpoint(int signal);
    void commandEndpoint(const core::EndpointCommand &command);
    // Live socket options: the running endpoint sets them at once, and an endpoint started
    // later (the device reconnecting, a power-on) starts with them rather than the first ones.
    void setSocketOptions(const core::SocketOptions &options);
    // A frame crossed the cable: the host's sockets may have changed.
    void noteTraffic() { m_observer.noteActivity(); }

signals:
    void event(const halfopen::core::Event &event);
    void endpointExited();
    // The endpoint program could not be started at all (missing, not executable).
    void endpointFailed(const QString &message);

private:
    void readEndpoint();

    HostConfig m_config;
    QString m_mac;
    QString m_peerAddress;
    QString m_peerMac;
    bool m_staticNeighbours;
    QString m_endpointPath;
    int m_netns = -1;
    QProcess m_endpoint;
    core::EventPipeReader m_endpointEvents; // the endpoint's stdout
    SocketObserver m_observer;
    bool m_poweringOff = false;
};

} // namespace halfopen::lab
