// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/observe/SockDiagJsonWriter.h"

#include "core/tcp/JsonNumber.h"

#include <QIODevice>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>

namespace halfopen::core {

namespace {

constexpr qsizetype kFlushBytes = 256 * 1024;

void appendNumber(QByteArray *out, quint64 value)
{
    appendJsonNumber(out, value);
}

void appendSigned(QByteArray *out, qint64 value)
{
    appendJsonNumber(out, value);
}

// Microseconds as milliseconds with the shortest exact decimals (204000 -> 204, 51 -> 0.051),
// the value QJsonDocument prints for us / 1000.0.
void appendMilliseconds(QByteArray *out, quint32 microseconds)
{
    appendNumber(out, microseconds / 1000);
    quint32 fraction = microseconds % 1000;
    if (fraction == 0)
        return;
    char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10), char('0' + fraction % 10)};
    int length = 4;
    while (digits[length - 1] == '0')
        --length;
    out->append(digits, length);
}

// "127.0.0.1:5000" or "[::1]:5000", as SocketAddress::toString() writes it.
void appendAddress(QByteArray *out, const SocketAddress &address)
{
    char text[INET6_ADDRSTRLEN + 2];
    out->append('"');
    if (address.family() == AF_INET6) {
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(address.storage).sin6_addr, text, sizeof text);
        out->append('[').append(text).append(']');
    } else {
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(address.storage).sin_addr, text, sizeof text);
        out->append(text);
    }
    out->append(':');
    appendNumber(out, address.port());
    out->append('"');
}

void appendKey(QByteArray *out, const char *key)
{
    out->append(key);
}

// The names once, not a QString and a QByteArray per row.
const QByteArray &stateText(TcpState state)
{
    static const auto names = [] {
        std::array<QByteArray, 13> table;
        for (size_t i = 0; i < table.size(); ++i)
            table[i] = tcpStateName(TcpState(i)).toLatin1();
        return table;
    }();
    const auto index = size_t(state);
    return names[index < names.size() ? index : 0];
}

const QByteArray &timerText(TcpTimer timer)
{
    static const auto names = [] {
        std::array<QByteArray, 5> table;
        for (size_t i = 0; i < table.size(); ++i)
            table[i] = tcpTimerName(TcpTimer(i)).toLatin1();
        return table;
    }();
    const auto index = size_t(timer);
    return names[index < names.size() ? index : 0];
}

} // namespace

SockDiagJsonWriter::SockDiagJsonWriter(QIODevice *device)
    : m_device(device)
{
    m_buffer.reserve(kFlushBytes + 4096);
    m_buffer.append('[');
}

SockDiagJsonWriter::~SockDiagJsonWriter()
{
    finish();
}

void SockDiagJsonWriter::appendObject(const SockDiagRow &row, QByteArray *out)
{
    const TcpInfoSample &s = row.sample;
    appendKey(out, "{\"local\":");
    appendAddress(out, row.local);
    appendKey(out, ",\"remote\":");
    appendAddress(out, row.remote);
    appendKey(out, ",\"state\":\"");
    out->append(stateText(s.state));
    appendKey(out, "\",\"send_q\":");
    appendNumber(out, s.sendQ);
    appendKey(out, ",\"recv_q\":");
    appendNumber(out, s.recvQ);
    appendKey(out, ",\"timer\":\"");
    out->append(timerText(s.timer));
    appendKey(out, "\",\"timer_expires_ms\":");
    appendSigned(out, s.timerExpiresMs);
    appendKey(out, ",\"retransmits\":");
    appendNumber(out, s.retransmits);
    appendKey(out, ",\"probes\":");
    appendNumber(out, s.probes);
    appendKey(out, ",\"backoff\":");
    appendNumber(out, s.backoff);
    appendKey(out, ",\"rto_ms\":");
    appendMilliseconds(out, s.rtoUs);
    appendKey(out, ",\"rtt_ms\":");
    appendMilliseconds(out, s.rttUs);
    appendKey(out, ",\"uid\":");
    appendNumber(out, row.uid);
    appendKey(out, ",\"inode\":");
    appendNumber(out, row.inode);
    appendKey(out, ",\"cookie\":");
    appendNumber(out, row.cookie);
    out->append('}');
}

void SockDiagJsonWriter::append(const SockDiagRow &row)
{
    if (m_count++ > 0)
        m_buffer.append(',');
    m_buffer.append('\n');
    appendObject(row, &m_buffer);
    flushIfFull();
}

void SockDiagJsonWriter::flushIfFull()
{
    if (m_buffer.size() < kFlushBytes)
        return;
    if (m_device->write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.resize(0); // keeps the capacity
}

bool SockDiagJsonWriter::finish()
{
    if (m_finished)
        return m_ok;
    m_finished = true;
    m_buffer.append(m_count > 0 ? "\n]\n" : "]\n");
    if (m_device->write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.clear();
    return m_ok;
}

} // namespace halfopen::core
