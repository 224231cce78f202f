// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/scenario/Expectation.h"

#include "core/tcp/ErrnoCatalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cmath>

namespace halfopen::lab {

using core::TcpState;

namespace {

constexpr std::array<const char *, 6> kCountNames = {
    "keepalive_probes", "retransmissions", "rst", "fin", "heartbeats_missed", "tail_loss_probes",
};

// The states a test socket can be asked for (UNKNOWN and NEW_SYN_RECV are not user-visible).
constexpr std::array kStates = {
    TcpState::Established, TcpState::SynSent,  TcpState::SynRecv, TcpState::FinWait1,
    TcpState::FinWait2,    TcpState::TimeWait, TcpState::Closed,  TcpState::CloseWait,
    TcpState::LastAck,     TcpState::Listen,   TcpState::Closing,
};

// The key that names each kind; exactly one of them (errno and mechanism both mean Detection).
const QStringList kKindKeys = {
    QStringLiteral("errno"),
    QStringLiteral("mechanism"),
    QStringLiteral("no_error"),
    QStringLiteral("final_state"),
    QStringLiteral("state_seen"),
    QStringLiteral("count"),
    QStringLiteral("sockets_in_state"),
};

// lupdate takes the context from this class: the strings below are "Expectation"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Expectation)
};

QString stateNames()
{
    QStringList names;
    for (TcpState s : kStates)
        names << core::tcpStateName(s);
    return names.join(QStringLiteral(", "));
}

QString mechanismNames()
{
    QStringList names;
    for (int i = 1; i <= int(core::DetectionMechanism::ApplicationKeepalive); ++i)
        names << core::mechanismName(core::DetectionMechanism(i));
    return names.join(QStringLiteral(", "));
}

QStringList allowedKeys(Expectation::Kind kind)
{
    QStringList keys{QStringLiteral("id"), QStringLiteral("host")};
    switch (kind) {
    case Expectation::Kind::Detection:
        return keys << QStringLiteral("errno") << QStringLiteral("mechanism") << QStringLiteral("within_s")
                    << QStringLiteral("reference");
    case Expectation::Kind::NoError:
        return keys << QStringLiteral("no_error");
    case Expectation::Kind::FinalState:
        return keys << QStringLiteral("final_state");
    case Expectation::Kind::StateSeen:
        return keys << QStringLiteral("state_seen");
    case Expectation::Kind::Count:
        return keys << QStringLiteral("count") << QStringLiteral("min") << QStringLiteral("max");
    case Expectation::Kind::SocketsInState:
        return keys << QStringLiteral("sockets_in_state") << QStringLiteral("min");
    }
    return keys;
}

// A non-negative whole number, or an error naming the field.
bool readCount(const QJsonObject &j, const QString &key, const QString &path, std::optional<qint64> *out,
               QString *error)
{
    if (!j.contains(key))
        return true;
    const double v = j.value(key).toDouble(-1);
    if (!j.value(key).isDouble() || v < 0 || v != std::floor(v) || v > 1e9) {
        *error = QStringLiteral("%1.%2: %3").arg(path, key, Text::tr("must be a whole number from 0 to 1000000000"));
        return false;
    }
    *out = qint64(v);
    return true;
}

bool readState(const QJsonObject &j, const QString &key, const QString &path, TcpState *out, QString *error)
{
    const auto state = core::tcpStateFromName(j.value(key).toString());
    if (!state || std::find(kStates.begin(), kStates.end(), *state) == kStates.end()) {
        *error = QStringLiteral("%1.%2: %3").arg(path, key, Text::tr("must be one of %1").arg(stateNames()));
        return false;
    }
    *out = *state;
    return true;
}

bool readDetection(const QJsonObject &j, const QString &path, Expectation *e, QString *error)
{
    auto fail = [&](const char *key, const QString &message) {
        *error = QStringLiteral("%1.%2: %3").arg(path, QLatin1String(key), message);
        return false;
    };
    if (j.contains(QStringLiteral("errno"))) {
        const auto info = core::ErrnoCatalog::lookup(j.value(QStringLiteral("errno")).toString());
        if (!info) {
            QStringList names;
            for (const core::ErrnoInfo &i : core::ErrnoCatalog::all())
                names << i.name;
            return fail("errno", Text::tr("must be one of %1").arg(names.join(QStringLiteral(", "))));
        }
        e->errnoValue = info->value;
    }
    if (j.contains(QStringLiteral("mechanism"))) {
        const auto mechanism = core::mechanismFromName(j.value(QStringLiteral("mechanism")).toString());
        if (!mechanism || *mechanism == core::DetectionMechanism::None)
            return fail("mechanism", Text::tr("must be one of %1").arg(mechanismNames()));
        e->mechanism = *mechanism;
    }
    if (j.contains(QStringLiteral("within_s"))) {
        const QJsonArray range = j.value(QStringLiteral("within_s")).toArray();
        const bool numbers = range.size() == 2 && range.at(0).isDouble() && range.at(1).isDouble();
        if (!numbers || range.at(0).toDouble() < 0 || range.at(0).toDouble() > range.at(1).toDouble())
            return fail("within_s", Text::tr("must be [MIN, MAX] in seconds with 0 <= MIN <= MAX"));
        e->withinMinS = range.at(0).toDouble();
        e->withinMaxS = range.at(1).toDouble();
    }
    if (j.contains(QStringLiteral("reference"))) {
        if (!e->hasWindow())
            return fail("reference", Text::tr("only means something with within_s"));
        const auto reference = core::timeReferenceFromName(j.value(QStringLiteral("reference")).toString());
        if (!reference)
            return fail("reference", Text::tr("must be fault, last_received or first_unacked_send"));
        e->reference = *reference;
    }
    return true;
}

} // namespace

QString countKindName(CountKind kind)
{
    return QString::fromLatin1(kCountNames[size_t(kind)]);
}

std::optional<CountKind> countKindFromName(QStringView name)
{
    for (size_t i = 0; i < kCountNames.size(); ++i) {
        if (name == QLatin1String(kCountNames[i]))
            return CountKind(i);
    }
    return std::nullopt;
}

QList<CountKind> allCountKinds()
{
    QList<CountKind> kinds;
    for (size_t i = 0; i < kCountNames.size(); ++i)
        kinds << CountKind(i);
    return kinds;
}

QJsonObject Expectation::toJson() const
{
    QJsonObject j{{QStringLiteral("id"), id}};
    if (host != core::Host::None)
        j.insert(QStringLiteral("host"), core::hostName(host));
    switch (kind) {
    case Kind::Detection:
        if (errnoValue != 0)
            j.insert(QStringLiteral("errno"), core::ErrnoCatalog::name(errnoValue));
        if (mechanism)
            j.insert(QStringLiteral("mechanism"), core::mechanismName(*mechanism));
        if (hasWindow()) {
            j.insert(QStringLiteral("within_s"), QJsonArray{*withinMinS, *withinMaxS});
            j.insert(QStringLiteral("reference"), core::timeReferenceName(reference));
        }
        break;
    case Kind::NoError:
        j.insert(QStringLiteral("no_error"), true);
        break;
    case Kind::FinalState:
        j.insert(QStringLiteral("final_state"), core::tcpStateName(state));
        break;
    case Kind::StateSeen:
        j.insert(QStringLiteral("state_seen"), core::tcpStateName(state));
        break;
    case Kind::Count:
        j.insert(QStringLiteral("count"), countKindName(count));
        break;
    case Kind::SocketsInState:
        j.insert(QStringLiteral("sockets_in_state"), core::tcpStateName(state));
        break;
    }
    if (min)
        j.insert(QStringLiteral("min"), *min);
    if (max)
        j.insert(QStringLiteral("max"), *max);
    return j;
}

std::optional<Expectation> Expectation::fromJson(const QJsonObject &j, const QString &path, QString *error)
{
    auto fail = [&](const QString &key, const QString &message) {
        *error = QStringLiteral("%1.%2: %3").arg(path, key, message);
        return std::nullopt;
    };
    Expectation e;
    e.id = j.value(QStringLiteral("id")).toString();
    if (e.id.isEmpty())
        return fail(QStringLiteral("id"), Text::tr("is required: a short name for the expectation"));
    if (j.contains(QStringLiteral("host"))) {
        e.host = core::hostFromName(j.value(QStringLiteral("host")).toString()).value_or(core::Host::None);
        if (!core::isLabSide(e.host))
            return fail(QStringLiteral("host"), Text::tr("must be client or server (leave it out for both)"));
    }

    // errno and mechanism together name one detection; every other kind key stands alone.
    QStringList present;
    for (const QString &key : kKindKeys) {
        if (j.contains(key))
            present << key;
    }
    const bool detection = present.contains(QLatin1String("errno")) || present.contains(QLatin1String("mechanism"));
    const qsizetype kinds = present.size()
        - (present.contains(QLatin1String("errno")) && present.contains(QLatin1String("mechanism")) ? 1 : 0);
    if (kinds != 1) {
        *error = QStringLiteral("%1: %2").arg(
            path,
            Text::tr(
                "needs exactly one of errno/mechanism, no_error, final_state, state_seen, count, sockets_in_state"));
        return std::nullopt;
    }
    const QString key = present.first();
    if (detection)
        e.kind = Kind::Detection;
    else if (key == QLatin1String("no_error"))
        e.kind = Kind::NoError;
    else if (key == QLatin1String("final_state"))
        e.kind = Kind::FinalState;
    else if (key == QLatin1String("state_seen"))
        e.kind = Kind::StateSeen;
    else if (key == QLatin1String("count"))
        e.kind = Kind::Count;
    else
        e.kind = Kind::SocketsInState;

    const QStringList allowed = allowedKeys(e.kind);
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(
                it.key(),
                Text::tr("is not a field of this expectation; allowed: %1").arg(allowed.join(QStringLiteral(", "))));
    }

    switch (e.kind) {
    case Kind::Detection:
        if (!readDetection(j, path, &e, error))
            return std::nullopt;
        break;
    case Kind::NoError:
        if (j.value(key) != QJsonValue(true))
            return fail(key, Text::tr("must be true"));
        break;
    case Kind::FinalState:
    case Kind::StateSeen:
        if (!readState(j, key, path, &e.state, error))
            return std::nullopt;
        break;
    case Kind::Count: {
        const auto count = countKindFromName(j.value(key).toString());
        if (!count) {
            QStringList names;
            for (const char *n : kCountNames)
                names << QString::fromLatin1(n);
            return fail(key, Text::tr("must be one of %1").arg(names.join(QStringLiteral(", "))));
        }
        e.count = *count;
        if (!readCount(j, QStringLiteral("min"), path, &e.min, error)
            || !readCount(j, QStringLiteral("max"), path, &e.max, error))
            return std::nullopt;
        if (!e.min && !e.max)
            return fail(QStringLiteral("min"), Text::tr("a count needs min, max or both"));
        if (e.min && e.max && *e.min > *e.max)
            return fail(QStringLiteral("max"), Text::tr("must not be less than min"));
        break;
    }
    case Kind::SocketsInState:
        if (!readState(j, key, path, &e.state, error) || !readCount(j, QStringLiteral("min"), path, &e.min, error))
            return std::nullopt;
        if (!e.min)
            return fail(QStringLiteral("min"), Text::tr("is required: how many sockets at least"));
        break;
    }
    return e;
}

} // namespace halfopen::lab
