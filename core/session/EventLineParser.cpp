// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/EventLineParser.h"

#include <QJsonArray>

#include <charconv>
#include <cmath>
#include <cstring>

namespace halfopen::core {

namespace {

// Keys in the order QJsonDocument writes them (sorted): the next key is nearly always the
// entry after the last one matched.
struct KeyTable
{
    const char *const *names;
    int count;

    int find(QByteArrayView key, int *hint) const
    {
        for (int k = 0; k < count; ++k) {
            const int i = (*hint + k) % count;
            const size_t length = std::strlen(names[i]);
            if (size_t(key.size()) == length && std::memcmp(key.data(), names[i], length) == 0) {
                *hint = (i + 1) % count;
                return i;
            }
        }
        return -1;
    }
};

enum EventField {
    Count,
    Detail,
    Errno,
    ErrnoValue,
    From,
    HostName,
    Kind,
    Local,
    Mechanism,
    Remote,
    Sample,
    TUs,
    To,
    What,
};
constexpr const char *kEventKeys[] = {
    "count", "detail",    "errno",  "errno_value", "from", "host", "kind",
    "local", "mechanism", "remote", "sample",      "t_us", "to",   "what",
};

enum SampleField {
    Backoff,
    BytesAcked,
    BytesReceived,
    CaState,
    Cwnd,
    LastAckRecvMs,
    LastDataRecvMs,
    LastDataSentMs,
    Lost,
    Probes,
    RecvQ,
    Retransmits,
    RtoMs,
    RttMs,
    RttVarMs,
    SegsIn,
    SegsOut,
    SendQ,
    State,
    Timer,
    TimerExpiresMs,
    TotalRetrans,
    Unacked,
};
constexpr const char *kSampleKeys[] = {
    "backoff",
    "bytes_acked",
    "bytes_received",
    "ca_state",
    "cwnd",
    "last_ack_recv_ms",
    "last_data_recv_ms",
    "last_data_sent_ms",
    "lost",
    "probes",
    "recv_q",
    "retransmits",
    "rto_ms",
    "rtt_ms",
    "rttvar_ms",
    "segs_in",
    "segs_out",
    "send_q",
    "state",
    "timer",
    "timer_expires_ms",
    "total_retrans",
    "unacked",
};

constexpr KeyTable kEventTable{kEventKeys, int(std::size(kEventKeys))};
constexpr KeyTable kSampleTable{kSampleKeys, int(std::size(kSampleKeys))};

// Nesting deeper than this is declined (QJsonDocument takes it).
constexpr int kMaxDepth = 32;
// Strings this short are shared; the table stops growing at this many.
constexpr qsizetype kMaxSharedLength = 64;
constexpr qsizetype kMaxShared = 4096;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

void EventLineParser::skipSpace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
        ++m_p;
}

bool EventLineParser::take(char c)
{
    skipSpace();
    if (m_p < m_end && *m_p == c) {
        ++m_p;
        return true;
    }
    return false;
}

bool EventLineParser::string(QByteArrayView *raw, bool *escaped)
{
    if (!take('"'))
        return false;
    const char *start = m_p;
    *escaped = false;
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            *raw = QByteArrayView(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c < 0x20 || c >= 0x80)
            return false; // control characters are errors; other text is QJsonDocument's to decode
        if (c == '\\') {
            if (++m_p >= m_end)
                return false;
            switch (*m_p) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                *escaped = true;
                break;
            default:
                return false; // \u and errors
            }
        }
        ++m_p;
    }
    return false;
}

QString EventLineParser::text(QByteArrayView raw, bool escaped)
{
    if (escaped) {
        QByteArray plain;
        plain.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            char c = raw.at(i);
            if (c == '\\') {
                switch (raw.at(++i)) {
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case 'n':
                    c = '\n';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 't':
                    c = '\t';
                    break;
                default:
                    c = raw.at(i);
                    break; // " \ /
                }
            }
            plain.append(c);
        }
        return QString::fromLatin1(plain);
    }
    if (raw.size() > kMaxSharedLength)
        return QString::fromLatin1(raw);
    const auto it = m_strings.constFind(QByteArray::fromRawData(raw.data(), raw.size()));
    if (it != m_strings.constEnd())
        return *it;
    QString made = QString::fromLatin1(raw);
    if (m_strings.size() < kMaxShared)
        m_strings.insert(raw.toByteArray(), made);
    return made;
}

bool EventLineParser::stringField(QString *out)
{
    QByteArrayView raw;
    bool escaped = false;
    if (!string(&raw, &escaped))
        return false;
    *out = text(raw, escaped);
    return true;
}

bool EventLineParser::number(Number *out)
{
    // The JSON grammar exactly: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    skipSpace();
    const char *start = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p >= m_end)
        return false;
    if (*m_p == '0') {
        ++m_p;
    } else if (*m_p >= '1' && *m_p <= '9') {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return false;
    }
    bool integer = true;
    if (m_p < m_end && *m_p == '.') {
        integer = false;
        if (++m_p >= m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        integer = false;
        if (++m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (integer) {
        qint64 i = 0;
        const auto [end, error] = std::from_chars(start, m_p, i);
        if (error == std::errc() && end == m_p) {
            *out = {true, i, 0};
            return true;
        }
        // Past 64 bits: a double, as QJsonDocument makes it.
    }
    double d = 0;
    const auto [end, error] = std::from_chars(start, m_p, d);
    if (error != std::errc() || end != m_p || !std::isfinite(d))
        return false;
    // QJsonDocument keeps a whole value that fits as an integer (1.0, 1e3).
    if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        *out = {true, qint64(d), 0};
    else
        *out = {false, 0, d};
    return true;
}

bool EventLineParser::value(QJsonValue *out, int depth)
{
    if (depth > kMaxDepth)
        return false;
    skipSpace();
    if (m_p >= m_end)
        return false;
    const auto literal = [this](const char *word, QJsonValue v, QJsonValue *to) {
        const size_t length = std::strlen(word);
        if (size_t(m_end - m_p) < length || std::memcmp(m_p, word, length) != 0)
            return false;
        m_p += length;
        *to = v;
        return true;
    };
    switch (*m_p) {
    case '{': {
        QJsonObject o;
        if (!object(&o, depth + 1))
            return false;
        *out = o;
        return true;
    }
    case '[': {
        ++m_p;
        QJsonArray a;
        if (!take(']')) {
            do {
                QJsonValue v;
                if (!value(&v, depth + 1))
                    return false;
                a.append(v);
            } while (take(','));
            if (!take(']'))
                return false;
        }
        *out = a;
        return true;
    }
    case '"': {
        QString s;
        if (!stringField(&s))
            return false;
        *out = s;
        return true;
    }
    case 't':
        return literal("true", QJsonValue(true), out);
    case 'f':
        return literal("false", QJsonValue(false), out);
    case 'n':
        return literal("null", QJsonValue(QJsonValue::Null), out);
    default: {
        Number n;
        if (!number(&n))
            return false;
        *out = n.integer ? QJsonValue(n.i) : QJsonValue(n.d);
        return true;
    }
    }
}

bool EventLineParser::object(QJsonObject *out, int depth)
{
    if (depth > kMaxDepth || !take('{'))
        return false;
    if (take('}'))
        return true;
    do {
        QByteArrayView key;
        bool escaped = false;
        if (!string(&key, &escaped) || escaped || !take(':'))
            return false;
        QJsonValue v;
        if (!value(&v, depth))
            return false;
        const QLatin1StringView name(key.data(), key.size());
        if (out->contains(name))
            return false; // which one QJsonDocument keeps is its business
        out->insert(name, v);
    } while (take(','));
    return take('}');
}

std::optional<TcpState> EventLineParser::stateNamed(const QString &name)
{
    const auto it = m_states.constFind(name);
    if (it != m_states.constEnd())
        return *it;
    // UNKNOWN is what Event::toJson writes for a socket seen before its first state.
    const auto state = name == QLatin1String("UNKNOWN") ? std::optional(TcpState::Unknown) : tcpStateFromName(name);
    if (state)
        m_states.insert(name, *state);
    return state;
}

bool EventLineParser::sample(TcpInfoSample *out)
{
    // As TcpInfoSample::fromJson: a missing field reads 0, the timer counts only with its name.
    TcpInfoSample s;
    bool timerKnown = false;
    qint64 timerExpiresMs = 0;
    quint32 seen = 0;
    int hint = 0;
    if (!take('{'))
        return false;
    if (!take('}')) {
        do {
            QByteArrayView key;
            bool escaped = false;
            if (!string(&key, &escaped) || escaped || !take(':'))
                return false;
            const int field = kSampleTable.find(key, &hint);
            if (field < 0) {
                QJsonValue ignored;
                if (!value(&ignored, 2))
                    return false;
                continue;
            }
            if (seen & (1u << field))
                return false;
            seen |= 1u << field;
            if (field == State || field == Timer) {
                QString name;
                if (!stringField(&name))
                    return false;
                if (field == State) {
                    s.state = stateNamed(name).value_or(TcpState::Unknown);
                } else {
                    timerKnown = true;
                    s.timer = tcpTimerFromName(name).value_or(TcpTimer::Off);
                }
                continue;
            }
            Number n;
            if (!number(&n))
                return false;
            switch (SampleField(field)) {
            case Backoff:
                s.backoff = quint8(n.toInt());
                break;
            case BytesAcked:
                s.bytesAcked = quint64(n.toInteger());
                break;
            case BytesReceived:
                s.bytesReceived = quint64(n.toInteger());
                break;
            case CaState:
                s.caState = quint8(n.toInt());
                break;
            case Cwnd:
                s.sendCwnd = quint32(n.toInteger());
                break;
            case LastAckRecvMs:
                s.lastAckRecvMs = quint32(n.toInteger());
                break;
            case LastDataRecvMs:
                s.lastDataRecvMs = quint32(n.toInteger());
                break;
            case LastDataSentMs:
                s.lastDataSentMs = quint32(n.toInteger());
                break;
            case Lost:
                s.lost = quint32(n.toInteger());
                break;
            case Probes:
                s.probes = quint8(n.toInt());
                break;
            case RecvQ:
                s.recvQ = quint32(n.toInteger());
                break;
            case Retransmits:
                s.retransmits = quint8(n.toInt());
                break;
            case RtoMs:
                s.rtoUs = TcpInfoSample::microsFromMs(n.toDouble());
                break;
            case RttMs:
                s.rttUs = TcpInfoSample::microsFromMs(n.toDouble());
                break;
            case RttVarMs:
                s.rttVarUs = TcpInfoSample::microsFromMs(n.toDouble());
                break;
            case SegsIn:
                s.segsIn = quint32(n.toInteger());
                break;
            case SegsOut:
                s.segsOut = quint32(n.toInteger());
                break;
            case SendQ:
                s.sendQ = quint32(n.toInteger());
                break;
            case TimerExpiresMs:
                timerExpiresMs = n.toInteger();
                break;
            case TotalRetrans:
                s.totalRetrans = quint32(n.toInteger());
                break;
            case Unacked:
                s.unacked = quint32(n.toInteger());
                break;
            case State:
            case Timer:
                break;
            }
        } while (take(','));
        if (!take('}'))
            return false;
    }
    if (timerKnown) {
        s.timerKnown = true;
        s.timerExpiresMs = timerExpiresMs;
    }
    *out = s;
    return true;
}

std::optional<Event> EventLineParser::parse(QByteArrayView line)
{
    m_p = line.data();
    m_end = line.data() + line.size();
    Event e;
    bool haveKind = false;
    bool haveTime = false;
    quint32 seen = 0;
    int hint = 0;
    if (!take('{') || take('}'))
        return std::nullopt;
    do {
        QByteArrayView key;
        bool escaped = false;
        if (!string(&key, &escaped) || escaped || !take(':'))
            return std::nullopt;
        const int field = kEventTable.find(key, &hint);
        if (field >= 0) {
            if (seen & (1u << field))
                return std::nullopt;
            seen |= 1u << field;
        }
        bool ok = true;
        Number n;
        QString name;
        switch (field) {
        case TUs:
            ok = number(&n) && n.integer && n.i >= 0 && n.i <= Event::kMaxTimeUs;
            e.tUs = n.toInteger();
            haveTime = true;
            break;
        case Kind:
            if ((ok = stringField(&name))) {
                const auto kind = eventKindFromName(name);
                ok = kind.has_value();
                e.kind = kind.value_or(EventKind::Endpoint);
                haveKind = true;
            }
            break;
        case HostName:
            if ((ok = stringField(&name) && name.size() <= Event::kMaxNameLength))
                e.host = hostFromName(name).value_or(core::Host::Other); // as Event::fromJson
            break;
        case Local:
            ok = stringField(&e.local) && e.local.size() <= Event::kMaxNameLength;
            break;
        case Remote:
            ok = stringField(&e.remote) && e.remote.size() <= Event::kMaxNameLength;
            break;
        case What:
            ok = stringField(&e.what) && e.what.size() <= Event::kMaxNameLength;
            break;
        case From:
        case To:
            if ((ok = stringField(&name))) {
                const auto state = stateNamed(name);
                ok = state.has_value();
                (field == From ? e.fromState : e.toState) = state.value_or(TcpState::Unknown);
            }
            break;
        case Sample: {
            TcpInfoSample s;
            if ((ok = sample(&s)))
                e.sample = s;
            break;
        }
        case ErrnoValue:
            ok = number(&n) && n.integer && n.i >= 0 && n.i <= 4095;
            e.errnoValue = n.toInt();
            break;
        case Mechanism:
            if ((ok = stringField(&name))) {
                const auto mechanism = mechanismFromName(name);
                ok = mechanism.has_value();
                e.mechanism = mechanism.value_or(DetectionMechanism::None);
            }
            break;
        case Count:
            ok = number(&n) && n.integer && n.i >= -Event::kMaxCount && n.i <= Event::kMaxCount;
            e.count = n.toInteger();
            break;
        case Detail: {
            QJsonObject detail;
            ok = object(&detail, 1);
            e.detail = detail;
            break;
        }
        default: { // "errno" (the name of errno_value) and keys this version does not know
            QJsonValue ignored;
            ok = value(&ignored, 1);
            break;
        }
        }
        if (!ok)
            return std::nullopt;
    } while (take(','));
    if (!take('}'))
        return std::nullopt;
    skipSpace();
    if (m_p != m_end || !haveKind || !haveTime)
        return std::nullopt;
    return e;
}

} // namespace halfopen::core
