// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketRow.h"

#include "core/session/ErrorFields.h"
#include "core/tcp/ErrnoCatalog.h"
#include "models/DurationText.h"
#include "models/SocketOptionsText.h"

#include <limits>

namespace halfopen::models {

using core::Event;
using core::EventKind;
using core::TcpState;
using core::TcpTimer;

namespace {

// Sorts addresses by number, not by text: every run of digits padded to ten places, so
// "127.0.0.1:5000" comes before "127.0.0.1:40000".
QString addressSortKey(const QString &address)
{
    QString key;
    key.reserve(address.size() + 40);
    qsizetype i = 0;
    while (i < address.size()) {
        if (!address.at(i).isDigit()) {
            key.append(address.at(i++));
            continue;
        }
        const qsizetype start = i;
        while (i < address.size() && address.at(i).isDigit())
            ++i;
        key.append(QString(qMax<qsizetype>(0, 10 - (i - start)), QLatin1Char('0')));
        key.append(QStringView(address).mid(start, i - start));
    }
    return key;
}

bool isFatal(const Event &e)
{
    return core::ErrorFields::of(e).isFatal();
}

} // namespace

SocketRow SocketRow::fromEvent(const Event &e)
{
    SocketRow row;
    row.m_key = e.socketKey();
    row.m_host = e.host;
    row.m_local = e.local;
    row.m_remote = e.remote;
    row.m_localSortKey = addressSortKey(e.local);
    row.m_remoteSortKey = addressSortKey(e.remote);
    return row;
}

bool SocketRow::isSocketOf(const Event &e) const
{
    // The key is "host|local|remote" (Event::socketKey()).
    const QStringView key(m_key);
    const QLatin1StringView host = core::hostName(e.host);
    const qsizetype h = host.size();
    const qsizetype l = e.local.size();
    if (key.size() != h + l + e.remote.size() + 2)
        return false;
    return key.sliced(h + 1, l) == e.local && key.sliced(h + l + 2) == e.remote && key.first(h) == host
        && key[h] == QLatin1Char('|') && key[h + 1 + l] == QLatin1Char('|');
}

int SocketRow::apply(const Event &e, qint64 nowMs)
{
    if (e.tUs < m_lastEventUs)
        return None; // arrived late: a newer event already said more
    switch (e.kind) {
    case EventKind::Sample:
        if (!e.sample)
            return None;
        m_lastEventUs = e.tUs;
        return applySample(*e.sample, nowMs) | setState(e.sample->state, nowMs);
    case EventKind::State:
        m_lastEventUs = e.tUs;
        // The sample rides along from before the change; the event's own `to` is the state.
        return (e.sample ? applySample(*e.sample, nowMs) : None) | setState(e.toState, nowMs);
    case EventKind::Error:
        if (!isFatal(e))
            return None;
        m_lastEventUs = e.tUs;
        m_errno = e.errnoValue;
        m_mechanism = e.mechanism;
        // A fatal errno means the kernel dropped the connection; EOF leaves it in CLOSE_WAIT.
        return Values | (e.errnoValue != 0 ? markClosed(nowMs) : None);
    case EventKind::Endpoint:
        if (!e.is(core::EndpointStep::Closed))
            return None;
        // Gone for the application; if the kernel keeps it a while, its next sample revives it.
        m_lastEventUs = e.tUs;
        return setState(TcpState::Closed, nowMs);
    default:
        return None;
    }
}

int SocketRow::close(qint64 tUs, qint64 nowMs)
{
    if (tUs < m_lastEventUs)
        return None;
    m_lastEventUs = tUs;
    return setState(TcpState::Closed, nowMs);
}

int SocketRow::setOptions(const core::SocketOptions &options, qint64 tUs)
{
    if (tUs < m_optionsUs)
        return None;
    m_optionsUs = tUs;
    if (m_options == options)
        return None;
    m_options = options;
    return Values;
}

int SocketRow::applySample(const core::TcpInfoSample &sample, qint64 nowMs)
{
    // Ageing fields alone (ms since last receive, time left) are not a change worth a signal:
    // the model refreshes those columns on its own clock.
    const bool visible = !m_sample || sample.differsVisiblyFrom(*m_sample) || sample.timerKnown != m_sample->timerKnown;
    m_sample = sample;
    m_sampleSeenMs = nowMs;
    return visible ? Values : Aged;
}

int SocketRow::setState(TcpState state, qint64 nowMs)
{
    if (state == TcpState::Unknown)
        return None;
    int change = None;
    if (state != m_state) {
        // A new row's first state is no change to flash: the row itself is new.
        if (m_state != TcpState::Unknown) {
            m_stateChangedMs = nowMs;
            change |= StateChanged;
        }
        m_state = state;
        change |= Values;
    }
    if (state == TcpState::Closed)
        return change | markClosed(nowMs);
    if (closing()) {
        m_closingSinceMs = -1;
        change |= Revived | Values;
    }
    return change;
}

int SocketRow::markClosed(qint64 nowMs)
{
    if (closing())
        return None;
    m_closingSinceMs = nowMs;
    int change = Closed | Values;
    if (m_state != TcpState::Closed) {
        if (m_state != TcpState::Unknown) {
            m_stateChangedMs = nowMs;
            change |= StateChanged;
        }
        m_state = TcpState::Closed;
    }
    return change;
}

double SocketRow::fade(qint64 nowMs, int fadeMs) const
{
    if (!closing())
        return 1.0;
    if (fadeMs <= 0)
        return 0.0;
    return qBound(0.0, 1.0 - double(nowMs - m_closingSinceMs) / fadeMs, 1.0);
}

std::optional<qint64> SocketRow::timerLeftMs(qint64 nowMs) const
{
    if (!m_sample || !m_sample->timerKnown || m_sample->timer == TcpTimer::Off || closing())
        return std::nullopt;
    return m_sample->timerExpiresMs - (agedNow(nowMs) - m_sampleSeenMs);
}

std::optional<qint64> SocketRow::lastReceivedMs(qint64 nowMs) const
{
    // A listener, or a connect still in SYN_SENT, has received nothing: last_ack_recv then
    // counts from an arbitrary origin and means nothing.
    if (!m_sample || m_state == TcpState::Listen || m_state == TcpState::SynSent)
        return std::nullopt;
    // As keepalive counts it (keepalive_time_elapsed): the later of the last data segment and
    // the last ACK. An accepted socket that never got an ACK after the handshake has
    // last_ack_recv counting from jiffies' origin (uptime - 5 min); its last data received
    // starts at the handshake.
    const quint32 ms = qMin(m_sample->lastAckRecvMs, m_sample->lastDataRecvMs);
    return qint64(ms) + (agedNow(nowMs) - m_sampleSeenMs);
}

QVariant SocketRow::display(SocketColumn column, qint64 nowMs) const
{
    switch (column) {
    case SocketColumn::Host:
        return QString(core::hostName(m_host));
    case SocketColumn::Local:
        return m_local;
    case SocketColumn::Remote:
        return m_remote;
    case SocketColumn::State:
        return m_state == TcpState::Unknown ? QString() : core::tcpStateName(m_state);
    case SocketColumn::Timer: {
        const auto left = timerLeftMs(nowMs);
        if (!left)
            return QString();
        QString name;
        switch (m_sample->timer) {
        case TcpTimer::Retransmit:
            name = tr("retransmit", "TCP timer waiting for an acknowledgement");
            break;
        case TcpTimer::Keepalive:
            name = tr("keepalive", "TCP keepalive timer");
            break;
        case TcpTimer::TimeWait:
            name = tr("timewait", "TCP TIME_WAIT timer");
            break;
        case TcpTimer::Persist:
            name = tr("persist", "TCP zero-window probe timer");
            break;
        case TcpTimer::Off:
            break;
        }
        // Past the expiry the last reading knew: the kernel has fired or re-armed the timer and
        // the next sample will say which; a negative "time left" would only confuse.
        if (*left < 0)
            return tr("%1 due", "timer name; its expiry has passed since the last reading").arg(name);
        return tr("%1 %2", "timer name, time left").arg(name, durationText(*left));
    }
    case SocketColumn::LastReceived: {
        const auto ms = lastReceivedMs(nowMs);
        return ms ? durationText(*ms) : QString();
    }
    case SocketColumn::Keepalive:
        return m_options ? keepaliveText(m_options->keepalive) : QString();
    default:
        break;
    }
    if (!m_sample)
        return QString();
    const core::TcpInfoSample &s = *m_sample;
    switch (column) {
    case SocketColumn::SendQ:
        return QString::number(s.sendQ);
    case SocketColumn::RecvQ:
        return QString::number(s.recvQ);
    case SocketColumn::Retransmits:
        return QString::number(s.retransmits);
    case SocketColumn::Probes:
        return QString::number(s.probes);
    case SocketColumn::Backoff:
        return QString::number(s.backoff);
    case SocketColumn::Rto:
        return s.rtoUs ? tr("%1 ms", "milliseconds").arg(s.rtoMs(), 0, 'f', 0) : QString();
    case SocketColumn::Rtt: {
        const double ms = s.rttMs();
        return s.rttUs ? tr("%1 ms", "milliseconds").arg(ms, 0, 'f', ms < 1 ? 3 : ms < 10 ? 2 : 1) : QString();
    }
    case SocketColumn::LastSent:
        return durationText(s.lastDataSentMs);
    case SocketColumn::LastDataReceived:
        return durationText(s.lastDataRecvMs);
    case SocketColumn::Unacked:
        return QString::number(s.unacked);
    case SocketColumn::TotalRetrans:
        return QString::number(s.totalRetrans);
    case SocketColumn::Cwnd:
        return QString::number(s.sendCwnd);
    default:
        return QString();
    }
}

QVariant SocketRow::raw(SocketColumn column, qint64 nowMs) const
{
    // Always a value of the column's one type, so sorting never compares unlike things.
    static const core::TcpInfoSample kNone;
    const core::TcpInfoSample &s = m_sample ? *m_sample : kNone;
    switch (column) {
    case SocketColumn::Host:
        return QString(core::hostName(m_host));
    case SocketColumn::Local:
        return m_localSortKey;
    case SocketColumn::Remote:
        return m_remoteSortKey;
    case SocketColumn::State:
        return int(m_state);
    case SocketColumn::SendQ:
        return qint64(s.sendQ);
    case SocketColumn::RecvQ:
        return qint64(s.recvQ);
    case SocketColumn::Timer: // no timer sorts after every running one
        return timerLeftMs(nowMs).value_or(std::numeric_limits<qint64>::max());
    case SocketColumn::Retransmits:
        return qint64(s.retransmits);
    case SocketColumn::Probes:
        return qint64(s.probes);
    case SocketColumn::Backoff:
        return qint64(s.backoff);
    case SocketColumn::Rto:
        return s.rtoMs();
    case SocketColumn::Rtt:
        return s.rttMs();
    case SocketColumn::LastReceived:
        return lastReceivedMs(nowMs).value_or(-1);
    case SocketColumn::LastSent:
        return qint64(s.lastDataSentMs);
    case SocketColumn::LastDataReceived:
        return qint64(s.lastDataRecvMs);
    case SocketColumn::Unacked:
        return qint64(s.unacked);
    case SocketColumn::TotalRetrans:
        return qint64(s.totalRetrans);
    case SocketColumn::Cwnd:
        return qint64(s.sendCwnd);
    case SocketColumn::Keepalive: {
        // By how long a dead peer goes unnoticed: off sorts after every setting, unknown last.
        if (!m_options)
            return std::numeric_limits<qint64>::max();
        const core::KeepaliveSettings &k = m_options->keepalive;
        return k.enabled ? qint64(k.idleS) + qint64(k.count) * k.intervalS : std::numeric_limits<qint64>::max() - 1;
    }
    }
    return {};
}

QVariant SocketRow::sortKey(SocketColumn column) const
{
    switch (column) {
    case SocketColumn::Timer:
        // timerLeftMs(now) = expiry - now: the same order at any now. No timer sorts last.
        if (!timerLeftMs(m_sampleSeenMs))
            return std::numeric_limits<qint64>::max();
        return m_sampleSeenMs + m_sample->timerExpiresMs;
    case SocketColumn::LastReceived:
        // lastReceivedMs(now) = now - arrival for a live row; unknown sorts first, as raw() -1.
        if (!lastReceivedMs(m_sampleSeenMs))
            return std::numeric_limits<qint64>::min();
        return qint64(m_sample->lastAckRecvMs) - m_sampleSeenMs;
    default:
        return raw(column, 0);
    }
}

QString SocketRow::toolTip(SocketColumn column) const
{
    if (column == SocketColumn::State && m_mechanism != core::DetectionMechanism::None) {
        const QString error
            = m_errno != 0 ? core::ErrnoCatalog::describe(m_errno) : tr("end of stream (the peer closed)");
        return tr("The application saw %1, raised by %2.", "errno text, detection mechanism")
            .arg(error, core::mechanismName(m_mechanism));
    }
    if (column == SocketColumn::Keepalive && m_options)
        return tr("As the kernel reports it for this socket:\n%1").arg(socketOptionsDetails(*m_options));
    return {};
}

} // namespace halfopen::models
