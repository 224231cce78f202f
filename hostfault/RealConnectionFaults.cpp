// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfault/RealConnectionFaults.h"

#include "hostfault/ConnectionOptions.h"
#include "hostfault/SockDestroy.h"

#include "core/session/MonotonicClock.h"

#include <QCoreApplication>

namespace halfopen::hostfault {

RealConnectionFaults::RealConnectionFaults(QObject *parent)
    : QObject(parent)
{ }

RealConnectionFaults::~RealConnectionFaults()
{
    liftAll();
}

QString RealConnectionFaults::confirmationText(const Request &r)
{
    const QString connection = r.target.describe();
    switch (r.kind) {
    case FaultKind::Cut: {
        const QString direction = r.direction == CutDirection::Both ? tr("both directions")
            : r.direction == CutDirection::In                       ? tr("only what it receives")
                                                                    : tr("only what it sends");
        return tr("Cut every packet of %1, %2?\n\nThis machine silently drops exactly this connection's packets "
                  "(nftables "
                  "table inet %3, which holds nothing else); other connections, even to the same peer, are not "
                  "touched. "
                  "Replug lifts it; leaving the connections mode or closing HalfOpen lifts it too, and the kernel "
                  "deletes "
                  "the table if HalfOpen crashes.")
            .arg(connection, direction, QStringLiteral("halfopen_%1").arg(QCoreApplication::applicationPid()));
    }
    case FaultKind::Abort:
        return tr("Abort %1?\n\nThe kernel destroys the socket (SOCK_DESTROY, as ss -K does): the application gets "
                  "ECONNABORTED and the peer an RST. This cannot be undone: the application has to connect again.")
            .arg(connection);
    case FaultKind::Freeze:
        return tr("Freeze %1 (pid %2) with SIGSTOP?\n\nThe whole process stops, every connection of it: its kernel "
                  "still "
                  "answers the peer's keepalive, as for a deadlocked program. Thaw (SIGCONT) lifts it; leaving the "
                  "connections mode or closing HalfOpen thaws it too, even after a crash.")
            .arg(r.target.process.isEmpty() ? tr("the process") : r.target.process)
            .arg(r.target.pid);
    }
    return {};
}

int RealConnectionFaults::apply(const Request &r, QString *error)
{
    Entry entry;
    switch (r.kind) {
    case FaultKind::Cut:
        if (!m_cut.cut(r.target.local, r.target.remote, r.direction, error))
            return 0;
        entry.active = true;
        break;
    case FaultKind::Abort:
        if (!destroySocket(r.target, error))
            return 0;
        break;
    case FaultKind::Freeze:
        if (r.target.pid <= 1 || r.target.pid == QCoreApplication::applicationPid()) {
            *error = tr("freeze: %1 is not a process HalfOpen may stop").arg(r.target.pid);
            return 0;
        }
        entry.thawGuard = std::make_unique<ThawGuard>();
        if (!entry.thawGuard->start(r.target.pid, error) || !freezeProcess(r.target.pid, error))
            return 0; // the guard's destructor sends SIGCONT: nothing stays stopped
        entry.active = true;
        break;
    }
    const int id = m_nextId++;
    entry.fault = ActiveFault{id, r.kind, r.target, r.direction, core::monotonicNowUs()};
    entry.watcher = std::make_unique<ReactionWatcher>(r.target, r.kind, entry.fault.sinceUs);
    const auto options = readConnectionOptions(r.target);
    const ReactionPrediction prediction = predictReaction(r.target, options, r.kind);
    entry.watcher->setPrediction(prediction.seconds, prediction.mechanism, prediction.onceSendingSeconds);
    if (options)
        entry.watcher->setUserTimeoutMs(options->userTimeoutMs);
    // Only where the kernel lacks the silent queue verdict does this side's TCP know of the drops.
    entry.watcher->setOutgoingDroppedLocally(r.kind == FaultKind::Cut && r.direction != CutDirection::In
                                             && m_cut.outgoingSilent() == false);
    connect(entry.watcher.get(), &ReactionWatcher::observed, this,
            [this, id](Reaction reaction, double seconds) { emit reacted(id, reaction, seconds); });
    entry.watcher->start();
    m_entries.emplace(id, std::move(entry));
    emit applied(id);
    return id;
}

bool RealConnectionFaults::lift(int id, QString *error)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || !it->second.active) {
        *error = tr("no active fault %1").arg(id);
        return false;
    }
    Entry &e = it->second;
    if (e.fault.kind == FaultKind::Cut) {
        if (!m_cut.replug(e.fault.target.local, e.fault.target.remote, error))
            return false;
    } else {
        thawProcess(e.fault.target.pid, error); // prompt; the guard sends SIGCONT as well
        e.thawGuard.reset();
    }
    e.active = false;
    e.watcher->markLifted(core::monotonicNowUs());
    emit lifted(id);
    return true;
}

void RealConnectionFaults::liftAll()
{
    QString ignored;
    for (auto &[id, e] : m_entries) {
        if (e.active && e.fault.kind == FaultKind::Freeze)
            lift(id, &ignored);
    }
    // One batch for every cut: the table goes with them.
    m_cut.replugAll(&ignored);
    for (auto &[id, e] : m_entries) {
        if (e.active) {
            e.active = false;
            e.watcher->markLifted(core::monotonicNowUs());
            emit lifted(id);
        }
        e.watcher->stop();
    }
}

QList<RealConnectionFaults::ActiveFault> RealConnectionFaults::active() const
{
    QList<ActiveFault> list;
    for (const auto &[id, e] : m_entries) {
        if (e.active)
            list.append(e.fault);
    }
    return list;
}

bool RealConnectionFaults::isActive(int id) const
{
    const auto it = m_entries.find(id);
    return it != m_entries.end() && it->second.active;
}

std::optional<ReactionVerdict> RealConnectionFaults::verdict(int id) const
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second.watcher->verdict();
}

void RealConnectionFaults::forget(int id)
{
    QString ignored;
    if (isActive(id))
        lift(id, &ignored);
    m_entries.erase(id);
}

} // namespace halfopen::hostfault
