// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A LabDriver that plays a script instead of running namespaces: ready (or failure) on
// start(), a `fault` event and scripted consequences on apply(), stopped() on stop(). Event
// times in the script are offsets from ready or from the fault, so a keepalive death 5.09 s
// after the last packet arrives at once, stamped in the future, and a test need not wait.

#include "core/session/MonotonicClock.h"
#include "lab/LabDriver.h"

#include <QTimer>
#include <functional>
#include <optional>

class ScriptedLabDriver : public halfopen::lab::LabDriver
{
    Q_OBJECT
public:
    using Event = halfopen::core::Event;
    using Fault = halfopen::lab::Fault;
    // Events for a fault, their tUs relative to the fault's own time.
    using Consequences = std::function<QList<Event>(const Fault &fault)>;

    using LabDriver::LabDriver;

    std::optional<QString> failOnStart; // emit failed() with this instead of ready()
    bool readyOnStart = true;
    QList<Event> afterReady; // tUs relative to ready
    Consequences consequences;

    bool started = false;
    int stops = 0;
    qint64 readyUs = 0;
    QList<Fault> applied;
    QList<QPair<halfopen::core::Host, halfopen::core::SocketOptions>> optionsSet;
    halfopen::lab::LabConfig config;

    void start(const halfopen::lab::LabConfig &labConfig) override
    {
        started = true;
        config = labConfig;
        QTimer::singleShot(0, this, [this] {
            if (failOnStart) {
                emit failed(*failOnStart);
                return;
            }
            if (!readyOnStart)
                return;
            readyUs = halfopen::core::monotonicNowUs();
            emit ready();
            Event labReady;
            labReady.kind = halfopen::core::EventKind::Endpoint;
            labReady.tUs = readyUs;
            labReady.host = halfopen::core::Host::Lab;
            labReady.what = QStringLiteral("ready");
            emit event(labReady);
            for (Event e : afterReady) {
                e.tUs += readyUs;
                emit event(e);
            }
        });
    }

    void setSocketOptions(halfopen::core::Host host, const halfopen::core::SocketOptions &options) override
    {
        optionsSet.append({host, options});
    }

    void apply(const Fault &fault) override
    {
        applied.append(fault);
        const qint64 now = halfopen::core::monotonicNowUs();
        Event e;
        e.kind = halfopen::core::EventKind::Fault;
        e.tUs = now;
        e.host = fault.host;
        e.what = halfopen::lab::faultKindName(fault.kind);
        e.detail = fault.toJson();
        emit event(e);
        if (!consequences)
            return;
        for (Event c : consequences(fault)) {
            c.tUs += now;
            emit event(c);
        }
    }

    void stop() override
    {
        ++stops;
        QTimer::singleShot(0, this, [this] { emit stopped(); });
    }
};
