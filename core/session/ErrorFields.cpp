// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/ErrorFields.h"

namespace halfopen::core {

namespace {
const QString kOperation = QStringLiteral("operation");
const QString kFatal = QStringLiteral("fatal");
const QString kMessage = QStringLiteral("message");
const QString kSinceLastReceivedMs = QStringLiteral("since_last_received_ms");
const QString kSinceFirstUnackedSendMs = QStringLiteral("since_first_unacked_send_ms");
const QString kStateAfter = QStringLiteral("state_after");
const QString kSynRetransmits = QStringLiteral("syn_retransmits");
const QString kMisses = QStringLiteral("misses");
const QString kIntervalMs = QStringLiteral("interval_ms");
// Whole milliseconds as an integer, as the kernel counts them.
QJsonValue number(double ms)
{
    return ms == double(qint64(ms)) ? QJsonValue(qint64(ms)) : QJsonValue(ms);
}
} // namespace

ErrorFields ErrorFields::of(const Event &error)
{
    const QJsonObject d = error.detail.toObject();
    ErrorFields f;
    f.operation = socketOperationFromName(d.value(kOperation).toString()).value_or(SocketOperation::None);
    if (const QJsonValue fatal = d.value(kFatal); fatal.isBool())
        f.fatal = fatal.toBool();
    f.message = d.value(kMessage).toString();
    if (const QJsonValue v = d.value(kSinceLastReceivedMs); v.isDouble())
        f.sinceLastReceivedMs = v.toDouble();
    if (const QJsonValue v = d.value(kSinceFirstUnackedSendMs); v.isDouble())
        f.sinceFirstUnackedSendMs = v.toDouble();
    f.stateAfter = d.value(kStateAfter).toString();
    if (const QJsonValue v = d.value(kSynRetransmits); v.isDouble())
        f.synRetransmits = v.toInteger();
    if (const QJsonValue v = d.value(kMisses); v.isDouble())
        f.heartbeatMisses = v.toInt();
    if (const QJsonValue v = d.value(kIntervalMs); v.isDouble())
        f.heartbeatIntervalMs = v.toInt();
    return f;
}

QJsonObject ErrorFields::toDetail() const
{
    QJsonObject d;
    if (operation != SocketOperation::None)
        d.insert(kOperation, socketOperationName(operation));
    if (fatal)
        d.insert(kFatal, *fatal);
    if (!message.isEmpty())
        d.insert(kMessage, message);
    if (sinceLastReceivedMs)
        d.insert(kSinceLastReceivedMs, number(*sinceLastReceivedMs));
    if (sinceFirstUnackedSendMs)
        d.insert(kSinceFirstUnackedSendMs, *sinceFirstUnackedSendMs);
    if (!stateAfter.isEmpty())
        d.insert(kStateAfter, stateAfter);
    if (synRetransmits)
        d.insert(kSynRetransmits, *synRetransmits);
    if (heartbeatMisses)
        d.insert(kMisses, *heartbeatMisses);
    if (heartbeatIntervalMs)
        d.insert(kIntervalMs, *heartbeatIntervalMs);
    return d;
}

} // namespace halfopen::core
