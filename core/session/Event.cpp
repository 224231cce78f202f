// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/Event.h"

#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/JsonFields.h"

#include <cmath>

#include <QJsonDocument>
#include <array>

namespace halfopen::core {

namespace {
constexpr std::array<const char *, 8> kKindNames = {
    "state", "sample", "packet", "heartbeat", "fault", "error", "verdict", "endpoint",
};

const QString kT = QStringLiteral("t_us");
const QString kKind = QStringLiteral("kind");
const QString kHost = QStringLiteral("host");
const QString kLocal = QStringLiteral("local");
const QString kRemote = QStringLiteral("remote");
const QString kWhat = QStringLiteral("what");
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kSample = QStringLiteral("sample");
const QString kErrno = QStringLiteral("errno");
const QString kErrnoValue = QStringLiteral("errno_value");
const QString kMechanism = QStringLiteral("mechanism");
const QString kCount = QStringLiteral("count");
const QString kDetail = QStringLiteral("detail");
} // namespace

QString eventKindName(EventKind kind)
{
    return QString::fromLatin1(kKindNames[static_cast<size_t>(kind)]);
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    for (size_t i = 0; i < kKindNames.size(); ++i) {
        if (name == QLatin1String(kKindNames[i]))
            return static_cast<EventKind>(i);
    }
    return std::nullopt;
}

Event Event::labEvent(qint64 tUs, RunStep step, const QJsonObject &detail)
{
    Event e;
    e.kind = EventKind::Endpoint;
    e.tUs = tUs;
    e.host = Host::Lab;
    e.what = runStepName(step);
    e.detail = detail;
    return e;
}

std::optional<PacketClass> Event::packetClass() const
{
    return kind == EventKind::Packet ? packetClassFromName(what) : std::nullopt;
}

std::optional<FaultKind> Event::faultKind() const
{
    return kind == EventKind::Fault ? faultKindFromName(what) : std::nullopt;
}

std::optional<HeartbeatPhase> Event::heartbeatPhase() const
{
    return kind == EventKind::Heartbeat ? heartbeatPhaseFromName(what) : std::nullopt;
}

std::optional<EndpointStep> Event::endpointStep() const
{
    return kind == EventKind::Endpoint && host != Host::Lab ? endpointStepFromName(what) : std::nullopt;
}

std::optional<RunStep> Event::runStep() const
{
    return kind == EventKind::Endpoint && host == Host::Lab ? runStepFromName(what) : std::nullopt;
}

QJsonObject Event::toJson() const
{
    QJsonObject j{{kT, tUs}, {kKind, eventKindName(kind)}};
    if (host != Host::None)
        j.insert(kHost, hostName(host));
    if (!local.isEmpty())
        j.insert(kLocal, local);
    if (!remote.isEmpty())
        j.insert(kRemote, remote);
    if (!what.isEmpty())
        j.insert(kWhat, what);
    if (kind == EventKind::State) {
        j.insert(kFrom, tcpStateName(fromState));
        j.insert(kTo, tcpStateName(toState));
    }
    if (sample)
        j.insert(kSample, sample->toJson());
    if (errnoValue != 0) {
        j.insert(kErrno, ErrnoCatalog::name(errnoValue));
        j.insert(kErrnoValue, errnoValue);
    }
    if (mechanism != DetectionMechanism::None)
        j.insert(kMechanism, mechanismName(mechanism));
    if (count != 0)
        j.insert(kCount, count);
    if (!detail.isEmpty())
        j.insert(kDetail, detail.toObject());
    return j;
}

std::optional<Event> Event::fromJson(const QJsonObject &j, QString *error)
{
    // A recording is input like any other: each field of its type and in its range, named in
    // the message. (A 100 000-character host once made the window's lanes ask for gigabytes.)
    auto fail = [error](const QString &field, const QString &message) -> std::optional<Event> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(field, message);
        return std::nullopt;
    };
    const auto kind = eventKindFromName(j.value(kKind).toString());
    if (!kind || !j.value(kT).isDouble()) {
        if (error)
            *error = QStringLiteral("not an event: needs \"kind\" (one of state, sample, packet, heartbeat, fault, "
                                    "error, verdict, endpoint) and a numeric \"t_us\"");
        return std::nullopt;
    }
    Event e;
    e.kind = *kind;
    const double t = j.value(kT).toDouble();
    if (t != std::floor(t) || t < 0 || t > double(kMaxTimeUs))
        return fail(kT,
                    QStringLiteral("must be a whole number of microseconds from 0 to %1, not %2")
                        .arg(kMaxTimeUs)
                        .arg(JsonFields::describe(j.value(kT))));
    e.tUs = qint64(t);
    if (const QJsonValue v = j.value(kHost); !v.isUndefined()) {
        if (!v.isString() || v.toString().size() > kMaxNameLength)
            return fail(kHost,
                        QStringLiteral("must be a text of at most %1 characters (one of %2), not %3")
                            .arg(kMaxNameLength)
                            .arg(hostNames().join(QStringLiteral(", ")), JsonFields::describe(v)));
        // A name this version does not know (`halfopen-cli --name` once took any) is another
        // program's host: the recording still opens.
        e.host = hostFromName(v.toString()).value_or(Host::Other);
    }
    for (const auto &[key, out] :
         {std::pair{&kLocal, &e.local}, std::pair{&kRemote, &e.remote}, std::pair{&kWhat, &e.what}}) {
        const QJsonValue v = j.value(*key);
        if (v.isUndefined())
            continue;
        if (!v.isString() || v.toString().size() > kMaxNameLength)
            return fail(*key,
                        QStringLiteral("must be a text of at most %1 characters, not %2")
                            .arg(kMaxNameLength)
                            .arg(JsonFields::describe(v)));
        *out = v.toString();
    }
    for (const auto &[key, out] : {std::pair{&kFrom, &e.fromState}, std::pair{&kTo, &e.toState}}) {
        const QJsonValue v = j.value(*key);
        if (v.isUndefined())
            continue;
        // UNKNOWN is what toJson writes for a socket seen before its first state.
        const auto state = v.toString() == QLatin1String("UNKNOWN") ? std::optional(TcpState::Unknown)
                                                                    : tcpStateFromName(v.toString());
        if (!v.isString() || !state)
            return fail(
                *key,
                QStringLiteral("must be a TCP state name such as ESTABLISHED, not %1").arg(JsonFields::describe(v)));
        *out = *state;
    }
    if (j.contains(kSample)) {
        if (!j.value(kSample).isObject())
            return fail(kSample,
                        QStringLiteral("must be an object {...}, not %1").arg(JsonFields::describe(j.value(kSample))));
        e.sample = TcpInfoSample::fromJson(j.value(kSample).toObject());
    }
    QString why;
    JsonFields f(j, QString(), &why);
    if (!f.integer(kErrnoValue, 0, 4095, &e.errnoValue) || !f.integer64(kCount, -kMaxCount, kMaxCount, &e.count)) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    if (j.contains(kMechanism)) {
        const auto mechanism = mechanismFromName(j.value(kMechanism).toString());
        if (!mechanism)
            return fail(
                kMechanism,
                QStringLiteral("is not a detection mechanism: %1").arg(JsonFields::describe(j.value(kMechanism))));
        e.mechanism = *mechanism;
    }
    if (j.contains(kDetail)) {
        if (!j.value(kDetail).isObject())
            return fail(kDetail,
                        QStringLiteral("must be an object {...}, not %1").arg(JsonFields::describe(j.value(kDetail))));
        e.detail = j.value(kDetail).toObject();
    }
    return e;
}

QString describeEvent(const Event &e, qint64 originUs)
{
    QString line = QStringLiteral("%1 s  %2  %3")
                       .arg((e.tUs - originUs) / 1e6, 9, 'f', 3)
                       .arg(e.host == Host::None ? QStringLiteral("-") : QString(hostName(e.host)), -6)
                       .arg(eventKindName(e.kind), -10);
    const QString socket = e.local.isEmpty() ? QString() : QStringLiteral(" %1 -> %2").arg(e.local, e.remote);
    switch (e.kind) {
    case EventKind::State:
        line += QStringLiteral("%1 -> %2%3").arg(tcpStateName(e.fromState), tcpStateName(e.toState), socket);
        break;
    case EventKind::Sample:
        if (e.sample) {
            const TcpInfoSample &s = *e.sample;
            line += QStringLiteral(
                        "%1 send_q=%2 recv_q=%3 unacked=%4 retransmits=%5 probes=%6 backoff=%7 rto=%8ms rtt=%9ms")
                        .arg(tcpStateName(s.state))
                        .arg(s.sendQ)
                        .arg(s.recvQ)
                        .arg(s.unacked)
                        .arg(s.retransmits)
                        .arg(s.probes)
                        .arg(s.backoff)
                        .arg(s.rtoMs())
                        .arg(s.rttMs(), 0, 'f', 3);
            if (s.timerKnown)
                line += QStringLiteral(" timer=%1(%2ms)").arg(tcpTimerName(s.timer)).arg(s.timerExpiresMs);
        }
        break;
    case EventKind::Error:
        line += QStringLiteral("%1 by %2%3")
                    .arg(e.errnoValue != 0 ? ErrnoCatalog::describe(e.errnoValue)
                                           : QStringLiteral("EOF (read() returned 0)"),
                         mechanismName(e.mechanism), socket);
        break;
    default:
        line += e.what;
        if (e.count != 0)
            line += QStringLiteral(" %1").arg(e.count);
        if (e.mechanism != DetectionMechanism::None)
            line += QStringLiteral(" by %1").arg(mechanismName(e.mechanism));
        line += socket;
        break;
    }
    if (!e.detail.isEmpty() && e.kind != EventKind::Sample)
        line += QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(e.detail.toObject()).toJson(QJsonDocument::Compact));
    return line;
}

} // namespace halfopen::core
