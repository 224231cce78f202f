// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/ExpectationCheck.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QJsonArray>

namespace halfopen::lab {

using core::TcpState;

ExpectationCheck::ExpectationCheck(const QList<Detection> &detections, const SocketStateTracker &states,
                                   const EventCounts &counts, qint64 readyUs)
    : m_detections(detections)
    , m_states(states)
    , m_counts(counts)
    , m_readyUs(readyUs)
{ }

bool ExpectationCheck::matches(const Expectation &e, const Detection &d)
{
    return e.covers(d.host) && (e.errnoValue == 0 || e.errnoValue == d.errnoValue)
        && (!e.mechanism || *e.mechanism == d.mechanism);
}

QList<core::Host> ExpectationCheck::hostsOf(const Expectation &e) const
{
    return e.host == core::Host::None ? QList{core::Host::Client, core::Host::Server} : QList{e.host};
}

QJsonObject ExpectationCheck::brief(const Detection &d, core::TimeReference reference) const
{
    const auto elapsed = d.elapsedS(reference);
    return {{QStringLiteral("host"), core::hostName(d.host)},
            {QStringLiteral("errno"),
             d.errnoValue ? QJsonValue(core::ErrnoCatalog::name(d.errnoValue)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("mechanism"), core::mechanismName(d.mechanism)},
            {QStringLiteral("detected_t_s"), (d.detectedUs - m_readyUs) / 1e6},
            {QStringLiteral("elapsed_s"), elapsed ? QJsonValue(*elapsed) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reference"), core::timeReferenceName(reference)}};
}

ExpectationResult ExpectationCheck::checkDetection(const Expectation &e) const
{
    ExpectationResult r{e, false, {}};
    const Detection *shown = nullptr;
    for (const Detection &d : m_detections) {
        if (!matches(e, d))
            continue;
        const auto elapsed = d.elapsedS(e.reference);
        const bool inWindow = !e.hasWindow() || (elapsed && *elapsed >= *e.withinMinS && *elapsed <= *e.withinMaxS);
        if (inWindow) {
            r.met = true;
            shown = &d;
            break;
        }
        if (!shown)
            shown = &d;
    }
    // Nothing matched: show what the host did detect, so the miss explains itself.
    if (!shown) {
        for (const Detection &d : m_detections) {
            if (e.covers(d.host)) {
                shown = &d;
                break;
            }
        }
    }
    r.observed = shown ? brief(*shown, e.reference) : QJsonObject{{QStringLiteral("detected"), false}};
    if (shown)
        r.observed.insert(QStringLiteral("detected"), true);
    return r;
}

ExpectationResult ExpectationCheck::check(const Expectation &e) const
{
    if (e.kind == Expectation::Kind::Detection)
        return checkDetection(e);

    ExpectationResult r{e, false, {}};
    const QList<core::Host> hosts = hostsOf(e);
    switch (e.kind) {
    case Expectation::Kind::Detection:
        break;
    case Expectation::Kind::NoError: {
        QJsonArray found;
        for (const Detection &d : m_detections) {
            if (e.covers(d.host))
                found.append(brief(d, d.reference));
        }
        r.met = found.isEmpty();
        r.observed = {{QStringLiteral("detections"), found}};
        break;
    }
    case Expectation::Kind::FinalState: {
        r.met = true;
        for (const core::Host host : hosts) {
            const TcpState state = m_states.finalState(host);
            r.met = r.met && state == e.state;
            r.observed.insert(hosts.size() == 1 ? QStringLiteral("state") : QString(core::hostName(host)),
                              core::tcpStateName(state));
        }
        break;
    }
    case Expectation::Kind::StateSeen: {
        QJsonArray seen;
        for (const core::Host host : hosts) {
            r.met = r.met || m_states.wasSeen(host, e.state);
            for (TcpState s : m_states.seen(host)) {
                if (!seen.contains(core::tcpStateName(s)))
                    seen.append(core::tcpStateName(s));
            }
        }
        r.observed = {{QStringLiteral("seen"), seen}};
        break;
    }
    case Expectation::Kind::Count: {
        qint64 n = 0;
        for (const core::Host host : hosts)
            n += m_counts.value(host, e.count);
        r.met = (!e.min || n >= *e.min) && (!e.max || n <= *e.max);
        r.observed = {{QStringLiteral("count"), n}};
        break;
    }
    case Expectation::Kind::SocketsInState: {
        qint64 n = 0;
        for (const core::Host host : hosts)
            n += m_states.socketsIn(host, e.state);
        r.met = e.min && n >= *e.min;
        r.observed = {{QStringLiteral("count"), n}};
        break;
    }
    }
    return r;
}

} // namespace halfopen::lab
