// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/PacketFields.h"

namespace halfopen::core {

namespace {

const QString kDirection = QStringLiteral("direction");
const QString kFlags = QStringLiteral("flags");
const QString kSeq = QStringLiteral("seq");
const QString kAck = QStringLiteral("ack");
const QString kRelativeSeq = QStringLiteral("rel_seq");
const QString kRelativeAck = QStringLiteral("rel_ack");
const QString kLength = QStringLiteral("len");
const QString kWindow = QStringLiteral("win");
const QString kDropped = QStringLiteral("dropped");
const QString kAggregated = QStringLiteral("aggregated");
const QString kFrames = QStringLiteral("frames");
const QString kArrow = QStringLiteral("->");

std::optional<quint32> number32(const QJsonObject &d, const QString &key)
{
    const QJsonValue v = d.value(key);
    return v.isDouble() ? std::optional(quint32(v.toInteger())) : std::nullopt;
}

} // namespace

PacketFields PacketFields::of(const Event &packet)
{
    const QJsonObject d = packet.detail.toObject();
    PacketFields f;
    const QString direction = d.value(kDirection).toString();
    if (const qsizetype arrow = direction.indexOf(kArrow); arrow >= 0) {
        f.from = hostFromName(QStringView(direction).left(arrow)).value_or(Host::None);
        f.to = hostFromName(QStringView(direction).mid(arrow + kArrow.size())).value_or(Host::None);
    }
    if (const QJsonValue flags = d.value(kFlags); flags.isString())
        f.flags = TcpFlags::fromText(flags.toString());
    f.seq = number32(d, kSeq);
    f.ack = number32(d, kAck);
    f.relativeSeq = number32(d, kRelativeSeq);
    f.relativeAck = number32(d, kRelativeAck);
    if (const QJsonValue length = d.value(kLength); length.isDouble())
        f.length = length.toInteger();
    if (const QJsonValue window = d.value(kWindow); window.isDouble())
        f.window = window.toInt();
    f.dropped = d.value(kDropped).toBool(false);
    f.aggregated = d.value(kAggregated).toBool(false);
    f.frames = d.value(kFrames).toInteger();
    return f;
}

QJsonObject PacketFields::toDetail() const
{
    QJsonObject d;
    if (from != Host::None || to != Host::None)
        d.insert(kDirection, directionText());
    if (flags)
        d.insert(kFlags, flags->toText());
    const auto put = [&d](const QString &key, std::optional<quint32> value) {
        if (value)
            d.insert(key, qint64(*value));
    };
    put(kSeq, seq);
    put(kAck, ack);
    put(kRelativeSeq, relativeSeq);
    put(kRelativeAck, relativeAck);
    if (length)
        d.insert(kLength, *length);
    if (window)
        d.insert(kWindow, *window);
    if (dropped)
        d.insert(kDropped, true);
    if (aggregated)
        d.insert(kAggregated, true);
    if (frames != 0)
        d.insert(kFrames, frames);
    return d;
}

QString PacketFields::directionText(const QString &arrow) const
{
    return from == Host::None && to == Host::None ? QString() : hostName(from) + arrow + hostName(to);
}

} // namespace halfopen::core
