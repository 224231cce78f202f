// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostfault/NftCut.h"
#include "hostfault/ProcessFreeze.h"
#include "hostfault/ReactionVerdict.h"
#include "hostfault/ReactionWatcher.h"
#include "hostfault/TargetConnection.h"

#include <QList>
#include <QObject>

#include <map>
#include <memory>

namespace halfopen::hostfault {

// What the window drives for faults on real connections (the connections mode's fault bar):
// the same cut / abort / freeze as `halfopen-cli fault`, each with a ReactionWatcher timing
// the application. The window asks confirmationText() and shows it before apply(); active()
// is what the topology strip shows until lifted; liftAll() runs when the user leaves the mode
// and from the destructor (closing the window), so no fault outlives its view. Even a crash
// lifts everything: the nft table is an owner table of this process, and each freeze has a
// ThawGuard child. Qt Core only.
class RealConnectionFaults : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        FaultKind kind = FaultKind::Cut;
        TargetConnection target;
        CutDirection direction = CutDirection::Both;
    };
    struct ActiveFault
    {
        int id = 0;
        FaultKind kind = FaultKind::Cut;
        TargetConnection target;
        CutDirection direction = CutDirection::Both;
        qint64 sinceUs = 0; // CLOCK_MONOTONIC when it took effect
    };

    explicit RealConnectionFaults(QObject *parent = nullptr);
    ~RealConnectionFaults() override; // lifts every fault

    // "Cut every packet of mosquitto_sub (pid 4242) 198.18.0.1:40000 -> 198.18.0.2:1883, both
    // directions? ... Replug lifts it; leaving the mode or closing HalfOpen lifts it too."
    static QString confirmationText(const Request &request);

    // Applies the fault and starts timing the reaction. Returns its id, or 0 with *error (the
    // errno and what is missing, as the CLI says it).
    int apply(const Request &request, QString *error);
    // Replug / thaw one fault (an abort has nothing to lift). False with *error.
    bool lift(int id, QString *error);
    void liftAll();

    QList<ActiveFault> active() const;
    bool isActive(int id) const;
    // The reaction so far for a fault applied here (also after it was lifted); the watch stops
    // at forget() or liftAll().
    std::optional<ReactionVerdict> verdict(int id) const;
    void forget(int id);

signals:
    void applied(int id);
    void lifted(int id);
    // what: kernel_gave_up, app_closed, process_exited, reconnected, peer_closed
    void reacted(int id, halfopen::hostfault::Reaction reaction, double seconds);

private:
    struct Entry
    {
        ActiveFault fault;
        bool active = false;
        std::unique_ptr<ThawGuard> thawGuard;
        std::unique_ptr<ReactionWatcher> watcher;
    };

    NftCut m_cut;
    std::map<int, Entry> m_entries;
    int m_nextId = 1;
};

} // namespace halfopen::hostfault
