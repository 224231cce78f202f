// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/AuditJsonWriter.h"

#include "audit/ConnectionAudit.h"

#include "core/predict/DetectionPredictor.h"
#include "core/tcp/JsonNumber.h"

#include <QIODevice>
#include <QJsonDocument>

namespace halfopen::audit {

namespace {

constexpr qsizetype kFlushBytes = 256 * 1024;

// Integers as qint64, as they were always written here.
void appendNumber(QByteArray *out, qint64 value)
{
    core::appendJsonNumber(out, value);
}

void appendDouble(QByteArray *out, double value)
{
    core::appendJsonNumber(out, value);
}

template<typename T> void appendOptional(QByteArray *out, const std::optional<T> &value)
{
    if (!value)
        out->append("null");
    else if constexpr (std::is_same_v<T, bool>)
        out->append(*value ? "true" : "false");
    else if constexpr (std::is_floating_point_v<T>)
        appendDouble(out, *value);
    else
        appendNumber(out, *value);
}

void appendString(QByteArray *out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out->append('"');
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out->append('\\').append(ch);
        } else if (c < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out->append(escaped);
        } else {
            out->append(ch);
        }
    }
    out->append('"');
}

void appendStringOrNull(QByteArray *out, const QString &text)
{
    if (text.isEmpty())
        out->append("null");
    else
        appendString(out, text);
}

} // namespace

AuditJsonWriter::AuditJsonWriter(QIODevice *device)
    : m_device(device)
{
    m_buffer.reserve(kFlushBytes + 64 * 1024);
    m_buffer.append('[');
}

AuditJsonWriter::~AuditJsonWriter()
{
    if (m_device)
        finish();
}

void AuditJsonWriter::setSysctls(const NamespaceSysctls &sysctls)
{
    m_sysctls = "{";
    for (qsizetype i = 0; i < sysctls.values.size(); ++i) {
        if (i)
            m_sysctls.append(',');
        appendString(&m_sysctls, sysctls.values.at(i).first);
        m_sysctls.append(':');
        appendNumber(&m_sysctls, sysctls.values.at(i).second);
    }
    m_sysctls.append('}');
}

const QByteArray &AuditJsonWriter::predictionsText(const core::PredictionInput &input)
{
    const QByteArray key = ConnectionAudit::predictionKey(input);
    auto found = m_predictions.constFind(key);
    if (found == m_predictions.constEnd())
        found = m_predictions.insert(
            key, QJsonDocument(core::DetectionPredictor(input).toJson()).toJson(QJsonDocument::Compact));
    return *found;
}

void AuditJsonWriter::appendObject(const AuditedConnection &c, QByteArray *out)
{
    const core::TcpInfoSample &s = c.socket.sample;
    out->append("{\"local\":");
    appendString(out, c.socket.local.toString());
    out->append(",\"remote\":");
    appendString(out, c.socket.remote.toString());
    out->append(",\"state\":");
    appendString(out, core::tcpStateName(s.state));
    out->append(",\"pid\":");
    appendOptional(out, c.pid());
    out->append(",\"process\":");
    appendStringOrNull(out, c.process());
    out->append(",\"uid\":");
    appendNumber(out, c.socket.uid);
    out->append(",\"user\":");
    appendStringOrNull(out, c.user);
    out->append(",\"users\":[");
    for (qsizetype i = 0; i < c.holders.size(); ++i) {
        const SocketHolder &h = c.holders.at(i);
        out->append(i ? ",{\"pid\":" : "{\"pid\":");
        appendNumber(out, h.pid);
        out->append(",\"process\":");
        appendStringOrNull(out, h.command);
        out->append(",\"fd\":");
        appendNumber(out, h.fd);
        out->append('}');
    }
    out->append("],\"options_source\":");
    appendString(out, optionsSourceName(c.optionsSource));
    out->append(",\"options_note\":");
    appendStringOrNull(out, c.optionsNote);
    out->append(",\"keepalive\":{\"enabled\":");
    appendOptional(out, c.keepalive.enabled);
    out->append(",\"idle_s\":");
    appendOptional(out, c.keepalive.idleS);
    out->append(",\"interval_s\":");
    appendOptional(out, c.keepalive.intervalS);
    out->append(",\"count\":");
    appendOptional(out, c.keepalive.count);
    out->append("},\"user_timeout_ms\":");
    appendOptional(out, c.userTimeoutMs);
    out->append(",\"sysctls\":");
    out->append(m_sysctls);
    out->append(",\"rtt_ms\":");
    if (c.socket.hasTcpInfo)
        appendDouble(out, c.rttMs());
    else
        out->append("null");
    out->append(",\"send_q\":");
    appendNumber(out, s.sendQ);
    out->append(",\"recv_q\":");
    appendNumber(out, s.recvQ);
    out->append(",\"timer\":");
    appendString(out, core::tcpTimerName(s.timer));
    out->append(",\"timer_expires_ms\":");
    appendNumber(out, s.timerExpiresMs);
    out->append(",\"inode\":");
    appendNumber(out, c.socket.inode);
    out->append(",\"cookie\":");
    appendNumber(out, qint64(c.socket.cookie));
    out->append(",\"predictions\":");
    if (c.optionsSource == OptionsSource::Unknown)
        out->append("null");
    else
        out->append(predictionsText(c.predictionInput));
    out->append(",\"risk\":");
    appendString(out, riskName(c.assessment.risk));
    out->append(",\"risk_seconds\":");
    appendOptional(out, c.assessment.seconds);
    out->append(",\"fix\":");
    if (const auto &fix = c.assessment.fix) {
        out->append("{\"text\":");
        appendString(out, fix->text);
        out->append(",\"keepalive\":{\"enabled\":true,\"idle_s\":");
        appendNumber(out, fix->keepalive.idleS);
        out->append(",\"interval_s\":");
        appendNumber(out, fix->keepalive.intervalS);
        out->append(",\"count\":");
        appendNumber(out, fix->keepalive.count);
        out->append("},\"user_timeout_ms\":");
        appendOptional(out, fix->userTimeoutMs);
        out->append(",\"seconds\":");
        appendDouble(out, fix->seconds);
        out->append('}');
    } else {
        out->append("null");
    }
    out->append(",\"application\":");
    if (const auto application = m_applications.assume(c.socket))
        out->append(QJsonDocument(application->toJson()).toJson(QJsonDocument::Compact));
    else
        out->append("null");
    out->append('}');
}

QByteArray AuditJsonWriter::objectText(const AuditedConnection &connection)
{
    QByteArray text;
    appendObject(connection, &text);
    return text;
}

void AuditJsonWriter::append(const AuditedConnection &connection)
{
    if (m_count++ > 0)
        m_buffer.append(',');
    m_buffer.append('\n');
    appendObject(connection, &m_buffer);
    if (m_buffer.size() >= kFlushBytes) {
        if (m_device->write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.resize(0);
    }
}

bool AuditJsonWriter::finish()
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

} // namespace halfopen::audit
