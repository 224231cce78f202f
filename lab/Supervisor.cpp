// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/Supervisor.h"

#include "core/session/MonotonicClock.h"
#include "core/tcp/JsonFields.h"
#include "lab/EndpointProgram.h"
#include "lab/FaultRefusal.h"
#include "lab/LabHost.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace halfopen::lab {

using namespace halfopen::core;

namespace {
const QString kClientMac = QStringLiteral("02:48:4f:00:00:01");
const QString kServerMac = QStringLiteral("02:48:4f:00:00:02");
} // namespace

Supervisor::Supervisor(QObject *parent)
    : QObject(parent)
{
    connect(&m_cable, &CableRelay::packet, this, &Supervisor::event);
    // A small ring under a streaming lab turns many times a second: said at most once a second
    // (the latest counts), so the event log and a recording are not flooded.
    m_trimmedQuiet.setSingleShot(true);
    m_trimmedQuiet.setInterval(kTrimmedIntervalMs);
    connect(&m_cable, &CableRelay::captureTrimmed, this, [this](qint64 droppedFrames, qint64 droppedBytes) {
        m_trimmedFrames = droppedFrames;
        m_trimmedBytes = droppedBytes;
        if (m_trimmedQuiet.isActive()) {
            m_trimmedPending = true;
            return;
        }
        reportTrimmed();
    });
    connect(&m_trimmedQuiet, &QTimer::timeout, this, [this] {
        if (m_trimmedPending && !m_stopped)
            reportTrimmed();
    });
    connect(&m_cable, &CableRelay::problem, this,
            [this](const QString &message) { labEvent(RunStep::CaptureFailed, RunStepFields::withMessage(message)); });
}

Supervisor::~Supervisor() = default;

void Supervisor::handleCommand(const QJsonObject &json)
{
    LabCommand::Error error;
    if (const auto command = LabCommand::fromJson(json, &error))
        return handle(*command);
    if (error.labCannotStart && !labStarted())
        return fail(error.message);
    // A second start is refused as such, whatever its configuration.
    commandError(error.labCannotStart ? alreadyStarted() : error.message);
}

void Supervisor::handle(const LabCommand &command)
{
    switch (command.kind) {
    case LabCommand::Kind::Start:
        start(command);
        break;
    case LabCommand::Kind::Fault:
        apply(command.fault);
        break;
    case LabCommand::Kind::Options:
        if (LabHost *h = host(command.host))
            h->setSocketOptions(command.options);
        else
            commandError(tr("options: the lab has not started"));
        break;
    case LabCommand::Kind::Stop:
        stop();
        break;
    }
}

void Supervisor::commandError(const QString &message)
{
    labEvent(RunStep::CommandError, RunStepFields::withMessage(message));
}

bool Supervisor::labStarted() const
{
    return m_client || m_server || m_stopped;
}

QString Supervisor::alreadyStarted() const
{
    return tr("start: the lab is already running; stop it first");
}

void Supervisor::labEvent(RunStep step, const RunStepFields &fields)
{
    emit event(Event::labEvent(monotonicNowUs(), step, fields.toDetail()));
}

void Supervisor::fail(const QString &message)
{
    labEvent(RunStep::Failed, RunStepFields::withMessage(message));
    stop();
}

void Supervisor::start(const LabCommand &command)
{
    QString error;
    if (labStarted()) {
        // One lab per supervisor: a second one would replace hosts that timers still point to.
        commandError(alreadyStarted());
        return;
    }
    m_config = command.config;
    m_captureLimitMb = command.captureLimitMb;
    m_cable.setCaptureLimit(qint64(m_captureLimitMb) << 20);
    const QString endpoint = endpointProgram(QCoreApplication::applicationDirPath());
    if (const QFileInfo program(endpoint); !program.isFile() || !program.isExecutable()) {
        fail(tr("the test endpoint %1 is missing or not executable: the lab runs HalfOpen's own endpoint, installed "
                "beside the supervisor")
                 .arg(endpoint));
        return;
    }
    const QString &pcap = command.pcapPath;
    if (!pcap.isEmpty() && !m_cable.openCapture(pcap, &error)) {
        fail(error);
        return;
    }
    m_cable.setLossPercent(m_config.cable.lossPercent);
    m_cable.setDelay(m_config.cable.delayMs, m_config.cable.jitterMs);
    m_cable.setNat(m_config.cable.natTimeoutS, m_config.cable.natReset);
    const bool staticNeighbours = !m_config.cable.arp;
    m_client = std::make_unique<LabHost>(m_config.client, kClientMac, m_config.server.address, kServerMac,
                                         staticNeighbours, endpoint);
    m_server = std::make_unique<LabHost>(m_config.server, kServerMac, m_config.client.address, kClientMac,
                                         staticNeighbours, endpoint);
    for (LabHost *h : {m_client.get(), m_server.get()}) {
        connect(h, &LabHost::event, this, &Supervisor::onHostEvent);
        // Queued: fail() destroys the host whose QProcess is still emitting.
        connect(h, &LabHost::endpointFailed, this, &Supervisor::fail, Qt::QueuedConnection);
        connect(&m_cable, &CableRelay::traffic, h, &LabHost::noteTraffic);
        connect(h, &LabHost::endpointExited, this, [h] {
            // A device that reconnects whenever its connection ends (seed 002).
            if (h->config().reconnect && h->isOn())
                QTimer::singleShot(200, h, &LabHost::startEndpoint);
        });
    }
    for (LabHost *h : {m_server.get(), m_client.get()}) {
        if (!powerOn(h, &error)) {
            fail(error);
            return;
        }
        if (h->config().poweredOff)
            powerOff(h);
    }
    // The configuration's own object (LabConfig), and this process.
    QJsonObject up = m_config.toJson();
    up.insert(QStringLiteral("pid"), qint64(::getpid()));
    emit event(Event::labEvent(monotonicNowUs(), RunStep::HostsUp, up));
    m_server->startEndpoint();
    if (m_server->config().role != HostConfig::Role::Server || !m_server->isOn())
        m_serverListening = true;
    checkReady();
}

bool Supervisor::powerOn(LabHost *h, QString *error)
{
    if (!h->powerOn(error))
        return false;
    if (!m_cable.attach(side(h), h->cableInterface(), error))
        return false;
    updateCut();
    return true;
}

void Supervisor::powerOff(LabHost *h)
{
    // The cable goes dark first, so nothing the dying host's kernel sends escapes.
    m_cable.detach(side(h));
    h->powerOff();
    updateCut();
}

void Supervisor::updateCut()
{
    for (CableRelay::Side s : {CableRelay::Side::Client, CableRelay::Side::Server}) {
        const LabHost *from = s == CableRelay::Side::Client ? m_client.get() : m_server.get();
        const LabHost *to = s == CableRelay::Side::Client ? m_server.get() : m_client.get();
        const bool cut = !from || !to || !from->isOn() || !to->isOn() || m_world.cableCut(from->host(), to->host());
        m_cable.setCut(s, cut);
    }
}

void Supervisor::onHostEvent(const Event &e)
{
    emit event(e);
    if (e.kind != EventKind::Endpoint)
        return;
    if (e.host == m_config.server.host && e.is(EndpointStep::Listening) && !m_serverListening) {
        m_serverListening = true;
        if (m_client->isOn())
            m_client->startEndpoint();
        checkReady();
    } else if (e.host == m_config.client.host && e.is(EndpointStep::Connecting)) {
        m_clientStarted = true;
        checkReady();
    }
}

void Supervisor::checkReady()
{
    if (m_ready)
        return;
    if (m_serverListening && !m_clientStarted && m_client && m_client->isOn()
        && m_client->config().role == HostConfig::Role::Client) {
        m_client->startEndpoint();
        return;
    }
    const bool clientReady
        = m_clientStarted || !m_client || !m_client->isOn() || m_client->config().role != HostConfig::Role::Client;
    if (m_serverListening && clientReady) {
        m_ready = true;
        labEvent(RunStep::Ready);
    }
}

LabHost *Supervisor::host(core::Host name) const
{
    if (m_client && name == m_client->host())
        return m_client.get();
    if (m_server && name == m_server->host())
        return m_server.get();
    return nullptr;
}

CableRelay::Side Supervisor::side(const LabHost *h) const
{
    return h == m_client.get() ? CableRelay::Side::Client : CableRelay::Side::Server;
}

void Supervisor::faultEvent(const Fault &fault)
{
    Event e;
    e.kind = EventKind::Fault;
    e.tUs = monotonicNowUs();
    e.host = fault.host;
    e.what = faultKindName(fault.kind);
    e.detail = fault.fields().toDetail();
    emit event(e);
}

void Supervisor::apply(const Fault &fault)
{
    LabHost *h = host(fault.host);
    const bool needsHost = fault.kind != FaultKind::Loss && fault.kind != FaultKind::Delay
        && fault.kind != FaultKind::NatTimeout && fault.kind != FaultKind::Marker;
    if (needsHost && !h) {
        commandError(tr("fault %1: host must be client or server").arg(faultKindName(fault.kind)));
        return;
    }
    // A fault that cannot apply (power on a running host, thaw what is not frozen) is refused
    // with the reason, and draws nothing.
    if (needsHost) {
        FaultTargetState state = m_world.targetState(h->host());
        state.poweredOn = h->isOn();
        state.processRunning = h->endpointRunning();
        if (const QString why = faultRefusal(fault, state); !why.isEmpty()) {
            RunStepFields refused = RunStepFields::withMessage(tr("%1: %2").arg(faultKindName(fault.kind), why));
            refused.fault = fault.fields();
            labEvent(RunStep::FaultFailed, refused);
            return;
        }
    }
    // Power on may still fail below; it leaves the world as it was then (the host stays off).
    if (fault.kind != FaultKind::PowerOn)
        m_world.apply(fault);
    QString error;
    switch (fault.kind) {
    case FaultKind::Unplug:
    case FaultKind::Replug: {
        updateCut();
        faultEvent(fault);
        break;
    }
    case FaultKind::PowerOff:
        powerOff(h);
        faultEvent(fault);
        break;
    case FaultKind::PowerOn:
        if (!powerOn(h, &error)) {
            labEvent(RunStep::FaultFailed, RunStepFields::withMessage(error));
            return;
        }
        m_world.apply(fault);
        faultEvent(fault);
        h->startEndpoint();
        break;
    case FaultKind::Reboot: {
        powerOff(h);
        faultEvent(fault);
        const int downMs = int((fault.value > 0 ? fault.value : 1.0) * 1000);
        // In the host's context: a host destroyed meanwhile (the lab stopped) takes the timer along.
        QTimer::singleShot(downMs, h, [this, h] {
            if (h->isOn()) // powered on by hand meanwhile
                return;
            Fault on;
            on.kind = FaultKind::PowerOn;
            on.host = h->host();
            apply(on);
        });
        break;
    }
    case FaultKind::KillProcess:
        faultEvent(fault);
        h->signalEndpoint(SIGKILL);
        break;
    case FaultKind::FreezeProcess:
        faultEvent(fault);
        h->signalEndpoint(SIGSTOP);
        break;
    case FaultKind::ThawProcess:
        faultEvent(fault);
        h->signalEndpoint(SIGCONT);
        break;
    case FaultKind::Close:
    case FaultKind::Abort:
    case FaultKind::ShutdownWrite:
    case FaultKind::Send:
        faultEvent(fault);
        h->commandEndpoint(*applicationCommand(fault));
        break;
    case FaultKind::Marker:
        faultEvent(fault);
        break;
    case FaultKind::IcmpUnreachableOn:
    case FaultKind::IcmpUnreachableOff:
        m_cable.setIcmpUnreachable(side(h), fault.kind == FaultKind::IcmpUnreachableOn);
        faultEvent(fault);
        break;
    case FaultKind::Loss:
        m_cable.setLossPercent(fault.value);
        faultEvent(fault);
        break;
    case FaultKind::Delay:
        m_cable.setDelay(fault.value, fault.jitterMs);
        faultEvent(fault);
        break;
    case FaultKind::NatTimeout:
        m_cable.setNat(fault.value, fault.reset);
        faultEvent(fault);
        break;
    }
}

void Supervisor::reportTrimmed()
{
    m_trimmedPending = false;
    m_trimmedQuiet.start();
    RunStepFields trimmed
        = RunStepFields::withMessage(tr("the capture keeps the last %1 MB: %2 older frames were dropped")
                                         .arg(m_captureLimitMb)
                                         .arg(m_trimmedFrames));
    trimmed.captureTrim = RunStepFields::CaptureTrim{m_trimmedFrames, m_trimmedBytes, m_captureLimitMb};
    labEvent(RunStep::CaptureTrimmed, trimmed);
}

void Supervisor::stop()
{
    if (m_stopped)
        return; // a stop command, then stdin closing: one teardown, one "stopped"
    m_stopped = true;
    m_client.reset();
    m_server.reset();
    if (m_trimmedPending) // the last counts before the end
        reportTrimmed();
    m_trimmedQuiet.stop();
    labEvent(RunStep::Stopped);
    emit finished();
}

} // namespace halfopen::lab
