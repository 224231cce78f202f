// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "lab/LabConfig.h"
#include "lab/scenario/Scenario.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace halfopen::lab {

// What ran and with which settings, as a session (a recording above all) says it: the runner
// puts a `run` event first in every run's events, {"kind":"endpoint","host":"lab","what":"run",
// "detail":{"scenario":NAME,"title":…,"explanation":…,"lab":{"hosts":{…},"cable":{…}},
// "machine":{"hostname":…,"kernel":…}}}: the settings of both hosts and of the cable as
// LabConfig::toJson writes them (a scenario's "lab"), and the machine it ran on.
// A recording made before that event existed still has the lab's `hosts_up`, with the same
// settings but no scenario.
struct RecordedRun
{
    QString scenario;          // the scenario's name ("free", "real-network", a built-in's or a file's)
    QString title;             // in the reader's language for a built-in, else as recorded
    QString explanation;       // likewise
    LabConfig config;          // both hosts and the cable
    bool fromRunEvent = false; // false: the settings only, from an older recording's hosts_up
    bool realNetwork = false;
    QJsonObject network; // real network: the role and the addresses (RealNetworkConfig::toJson)
    QString hostName;    // the machine it ran on (empty: not recorded)
    QString kernel;      // its kernel release, e.g. "6.1.0-18-amd64"

    // The event the runner adds when `scenario` starts.
    static core::Event event(const Scenario &scenario, qint64 tUs);
    // The latest run described among `events`; nullopt when none says (or its settings cannot be read).
    static std::optional<RecordedRun> find(const QList<core::Event> &events);
};

} // namespace halfopen::lab
